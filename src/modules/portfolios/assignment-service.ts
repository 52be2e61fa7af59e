import { addDays, type CalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/ids.js';
import { findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';
import { assignmentMails, type PortfolioRef } from './assignment-mails.js';
import {
  type AssignmentRow,
  assignmentsOfPortfolios,
  candidateIdentities,
  insertAssignments,
  markInEvaluation,
  type PortfolioForAssignment,
} from './assignment-repository.js';
import { loadAssignmentPool, type PoolMember, yearStartOf } from './evaluator-repository.js';
import {
  assignBatch,
  explainShortfall,
  type PoolEvaluator,
  type PortfolioToAssign,
  type Shortfall,
} from './rules/assignment.js';
import { type CandidateIdentityInput, candidateKeys, evaluatorConflictKeys } from './rules/conflicts.js';

/** Evaluators have this many days from assignment to submit their ratings. */
export const PORTFOLIO_EVALUATION_DAYS = 30;

export interface AssignedPortfolio {
  portfolioId: string;
  number: string;
  evaluatorIds: string[];
}
export interface UnassignedPortfolio {
  portfolioId: string;
  number: string;
  reason: string;
  shortfall: Shortfall;
}
export interface AssignOutcome {
  assigned: AssignedPortfolio[];
  unassigned: UnassignedPortfolio[];
}

export function toPoolEvaluator(m: PoolMember): PoolEvaluator {
  return {
    id: m.id,
    active: m.profile.active,
    trainedOn: m.profile.trainingCompletedOn,
    setIds: m.profile.setIds,
    capacity: m.profile.yearlyCapacity,
    load: m.load,
    total: m.total,
    conflicts: evaluatorConflictKeys({ employer: m.profile.employer, declared: m.conflicts }),
  };
}

/**
 * The pool as the rule sees it; pages pass the sets they show (a batch takes everyone), and a page
 * that only judges eligibility can skip the all-time totals.
 */
export async function loadPool(
  db: Queryable,
  today: CalendarDate,
  setIds?: readonly string[],
  opts: { totals?: boolean } = {},
) {
  const members = await loadAssignmentPool(db, yearStartOf(today), {
    ...(setIds ? { setIds } : {}),
    ...opts,
  });
  return { members, pool: members.map(toPoolEvaluator) };
}

const noIdentity: CandidateIdentityInput = {
  email: '',
  displayName: null,
  names: [],
  employers: [],
  libraries: [],
};

const candidateIdsOf = (rows: readonly PortfolioForAssignment[]) => rows.map((r) => r.candidateId);
const portfolioIdsOf = (rows: readonly PortfolioForAssignment[]) => rows.map((r) => r.id);

/** What the assignment rule needs to know about each portfolio: its slots, who is already on it, who came before. */
export async function portfoliosToAssign(
  db: Queryable,
  rows: readonly PortfolioForAssignment[],
  opts: { perPortfolio: number; third?: boolean; concurrent?: boolean },
): Promise<{ toAssign: PortfolioToAssign[]; history: Map<string, AssignmentRow[]> }> {
  // Inside a transaction there is one connection to share, so one after the other; a page reading
  // from the pool of connections asks for both at once.
  const read = [
    () => candidateIdentities(db, candidateIdsOf(rows)),
    () => assignmentsOfPortfolios(db, portfolioIdsOf(rows)),
  ] as const;
  const [identities, all] = opts.concurrent
    ? await Promise.all([read[0](), read[1]()])
    : [await read[0](), await read[1]()];
  const history = new Map<string, AssignmentRow[]>();
  for (const a of all) history.set(a.portfolioId, [...(history.get(a.portfolioId) ?? []), a]);
  const toAssign = rows.map((p): PortfolioToAssign => {
    const mine = history.get(p.id) ?? [];
    const current = mine.filter((a) => a.round === p.round);
    const live = new Set(current.filter((a) => !a.replacedAt).map((a) => a.position));
    const slots = Array.from({ length: opts.perPortfolio }, (_, i) => i + 1);
    const earlier = mine.filter(
      (a) => a.round === p.round - 1 && !a.replacedAt && a.position <= opts.perPortfolio,
    );
    return {
      id: p.id,
      setId: p.setId,
      candidate: candidateKeys(identities.get(p.candidateId) ?? noIdentity),
      positions: opts.third ? [opts.perPortfolio + 1] : slots.filter((s) => !live.has(s)),
      // Anyone on this round, replaced ones too: staff took them off for a reason.
      exclude: current.map((a) => a.evaluatorId),
      prefer: Object.fromEntries(earlier.map((a) => [a.position, a.evaluatorId])),
    };
  });
  return { toAssign, history };
}

/** Set titles by framework version and set id (versions are cached by the policy module). */
export async function setTitleLookup(db: Queryable, rows: readonly { frameworkVersionId: string }[]) {
  const frameworks = new Map<string, Awaited<ReturnType<typeof findFrameworkById>>>();
  for (const id of new Set(rows.map((r) => r.frameworkVersionId)))
    frameworks.set(id, await findFrameworkById(db, id));
  return (p: { frameworkVersionId: string; setId: string }) => {
    const fw = frameworks.get(p.frameworkVersionId);
    return (fw && findSet(fw.framework, p.setId)?.title) ?? p.setId;
  };
}

/** Where an evaluator sees what is assigned to them: their list of portfolios to rate. */
export const evaluatorLink = (ctx: Ctx, _portfolioId: string) =>
  `${ctx.config.baseUrl}/evaluator/assignments`;

/**
 * Assign evaluators to the given portfolios inside the caller's transaction (which holds the
 * assignment lock): choose by the rule, move waiting portfolios to "in evaluation", insert the
 * assignments in bulk, one audit event per portfolio and one mail per evaluator.
 */
export async function assignWithin(
  ctx: Ctx,
  w: Work,
  rows: readonly PortfolioForAssignment[],
  opts: { perPortfolio: number; assignedBy: string | null; third?: boolean },
): Promise<AssignOutcome> {
  if (rows.length === 0) return { assigned: [], unassigned: [] };
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const dueOn = addDays(today, PORTFOLIO_EVALUATION_DAYS);
  const { members, pool } = await loadPool(w.tx, today);
  const { toAssign } = await portfoliosToAssign(w.tx, rows, opts);
  const titleOf = await setTitleLookup(w.tx, rows);
  const result = assignBatch(pool, toAssign, today);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unassigned = result.unassigned.map((u) => ({
    portfolioId: u.portfolioId,
    number: byId.get(u.portfolioId)?.number ?? '',
    reason: explainShortfall(u.shortfall),
    shortfall: u.shortfall,
  }));
  const chosen = new Map<string, typeof result.assignments>();
  for (const a of result.assignments) chosen.set(a.portfolioId, [...(chosen.get(a.portfolioId) ?? []), a]);
  // The third evaluator joins a portfolio already in evaluation; everyone else moves it there.
  const moved = opts.third ? new Set(chosen.keys()) : await markInEvaluation(w.tx, [...chosen.keys()], now);
  const inserted: AssignmentRow[] = [];
  for (const [portfolioId, picks] of chosen) {
    if (!moved.has(portfolioId)) continue;
    const round = byId.get(portfolioId)!.round;
    for (const pick of picks)
      inserted.push({
        id: uuidv7(now.getTime()),
        portfolioId,
        evaluatorId: pick.evaluatorId,
        round,
        position: pick.position,
        assignedBy: opts.assignedBy,
        assignedAt: now,
        dueOn,
        submittedAt: null,
        replacedAt: null,
        lastRemindedOn: null,
      });
  }
  await insertAssignments(w.tx, inserted);
  const assigned = [...moved].map((portfolioId) => ({
    portfolioId,
    number: byId.get(portfolioId)?.number ?? '',
    evaluatorIds: chosen.get(portfolioId)!.map((c) => c.evaluatorId),
  }));
  await w.auditMany(
    assigned.map((a) => {
      const p = byId.get(a.portfolioId)!;
      return {
        action: opts.third ? 'portfolio.third_evaluator_assigned' : 'portfolio.evaluators_assigned',
        subjectType: 'portfolio',
        subjectId: a.portfolioId,
        before: { status: p.status },
        after: {
          status: 'in_evaluation',
          round: p.round,
          dueOn,
          evaluators: chosen
            .get(a.portfolioId)!
            .map((c) => ({ position: c.position, evaluatorId: c.evaluatorId })),
        },
      };
    }),
  );
  const people = new Map(members.map((m) => [m.id, m]));
  const work = new Map<string, PortfolioRef[]>();
  for (const row of inserted) {
    const p = byId.get(row.portfolioId)!;
    const ref = { number: p.number ?? '', setTitle: titleOf(p), dueOn, link: evaluatorLink(ctx, p.id) };
    work.set(row.evaluatorId, [...(work.get(row.evaluatorId) ?? []), ref]);
  }
  await w.mailMany([...work].map(([id, items]) => assignmentMails.assigned(people.get(id)!, items)));
  return { assigned, unassigned };
}
