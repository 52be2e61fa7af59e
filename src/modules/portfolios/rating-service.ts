import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { requireRole } from '../accounts/access.js';
import type { AssignmentRow } from './assignment-repository.js';
import {
  type DecisionRow,
  findAssignmentById,
  listDecisions,
  listPortfolioAssignments,
  listRatingsOf,
  type RatingRow,
} from './rating-repository.js';
import { findPortfolio, type PortfolioRow } from './repository.js';
import type { CompetencyRatings, Rating } from './rules/outcome.js';

export const assignmentNotFound = () => notFound('That assignment');

export interface RatingContext {
  user: UserActor;
  assignment: AssignmentRow;
  portfolio: PortfolioRow;
  /** Every assignment of the portfolio, all rounds, replaced ones too. */
  assignments: AssignmentRow[];
  decisions: DecisionRow[];
}

/**
 * An evaluator's own assignment, as long as it stands. Anyone else's, a replaced one, or an id
 * that does not exist are all "not found"; people who are not portfolio evaluators are refused.
 */
export async function assignmentForEvaluator(
  db: Queryable,
  actor: Actor,
  assignmentId: string,
): Promise<RatingContext> {
  const user = requireRole(actor, 'portfolio_evaluator');
  if (!UUID_PATTERN.test(assignmentId)) throw assignmentNotFound();
  const assignment = await findAssignmentById(db, assignmentId);
  if (!assignment || assignment.evaluatorId !== user.userId || assignment.replacedAt)
    throw assignmentNotFound();
  const portfolio = await findPortfolio(db, assignment.portfolioId);
  if (!portfolio) throw assignmentNotFound();
  // One after the other: `db` may be a transaction, one connection that runs one query at a time.
  const assignments = await listPortfolioAssignments(db, portfolio.id);
  const decisions = await listDecisions(db, portfolio.id);
  return { user, assignment, portfolio, assignments, decisions };
}

/** The standing assignments of one round, by position (1 and 2, then 3 for a third evaluator). */
export function roundAssignments(assignments: readonly AssignmentRow[], round: number): AssignmentRow[] {
  return assignments
    .filter((a) => a.round === round && !a.replacedAt)
    .sort((a, b) => a.position - b.position);
}

/**
 * The same evaluator's submitted assignment in the round before, if any: in a resubmission they
 * rate only the reopened competencies, and their earlier ratings stand for the rest (decision 0008).
 */
export function earlierAssignment(
  assignments: readonly AssignmentRow[],
  a: AssignmentRow,
): AssignmentRow | undefined {
  return assignments.find(
    (x) => x.round === a.round - 1 && x.evaluatorId === a.evaluatorId && x.submittedAt && !x.replacedAt,
  );
}

/**
 * What this assignment rates: every competency of the set, except that in a resubmission an
 * evaluator who rated the first round rates only the competencies that round reopened.
 */
export function competenciesToRate(
  allIds: readonly string[],
  a: AssignmentRow,
  assignments: readonly AssignmentRow[],
  decisions: readonly DecisionRow[],
): string[] {
  if (a.round === 1 || !earlierAssignment(assignments, a)) return [...allIds];
  const reopened = new Set(decisions.find((d) => d.round === a.round - 1)?.flagged ?? []);
  return allIds.filter((id) => reopened.has(id));
}

export function ratingsByAssignment(rows: readonly RatingRow[]): Map<string, Map<string, RatingRow>> {
  const out = new Map<string, Map<string, RatingRow>>();
  for (const r of rows) {
    const m = out.get(r.assignmentId) ?? new Map<string, RatingRow>();
    m.set(r.competencyId, r);
    out.set(r.assignmentId, m);
  }
  return out;
}

/**
 * One evaluator's full ratings for a round, as the outcome rules take them: what they rated now,
 * plus, in a resubmission, what they rated before for the competencies that stayed locked.
 */
export function fullRatingsOf(
  a: AssignmentRow,
  assignments: readonly AssignmentRow[],
  byAssignment: ReadonlyMap<string, ReadonlyMap<string, RatingRow>>,
  allIds: readonly string[],
  decisions: readonly DecisionRow[],
): CompetencyRatings {
  const own = byAssignment.get(a.id) ?? new Map<string, RatingRow>();
  const earlier = a.round > 1 ? earlierAssignment(assignments, a) : undefined;
  const before = earlier ? (byAssignment.get(earlier.id) ?? new Map<string, RatingRow>()) : undefined;
  const rated = competenciesToRate(allIds, a, assignments, decisions);
  const out: Record<string, Rating> = {};
  for (const id of allIds) {
    const row = rated.includes(id) ? own.get(id) : before?.get(id);
    if (!row) throw new RangeError(`Assignment ${a.id} has no rating for ${id}`);
    out[id] = row.rating;
  }
  return out;
}

/** Ratings of these assignments and, for resubmissions, of the same evaluators' earlier ones. */
export async function loadRatingsFor(
  db: Queryable,
  assignments: readonly AssignmentRow[],
): Promise<Map<string, Map<string, RatingRow>>> {
  return ratingsByAssignment(
    await listRatingsOf(
      db,
      assignments.map((a) => a.id),
    ),
  );
}
