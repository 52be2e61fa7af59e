import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import type { AssignmentRow } from './assignment-repository.js';
import { RATING_ORDER } from './rules/agreement.js';
import {
  type PortfolioRating,
  portfolioAssignments,
  portfolioDecisions,
  portfolioRatings,
  portfolios,
} from './schema.js';

export type RatingRow = typeof portfolioRatings.$inferSelect;
export type DecisionRow = typeof portfolioDecisions.$inferSelect;

/** What an evaluator's list shows: the assignment and the portfolio by its number, never its candidate. */
export interface MyAssignmentRow {
  assignment: AssignmentRow;
  number: string | null;
  setId: string;
  frameworkVersionId: string;
  portfolioStatus: string;
  portfolioRound: number;
}

/**
 * An evaluator's assignments that still stand (replaced ones are gone from their list): open ones
 * first by due date, then those submitted, newest first (portfolio_assignments_evaluator_idx).
 */
export async function pageMyAssignments(
  db: Queryable,
  evaluatorId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: MyAssignmentRow[]; total: number }> {
  const where = and(
    eq(portfolioAssignments.evaluatorId, evaluatorId),
    isNull(portfolioAssignments.replacedAt),
  );
  const rows = await db
    .select({
      assignment: portfolioAssignments,
      number: portfolios.number,
      setId: portfolios.setId,
      frameworkVersionId: portfolios.frameworkVersionId,
      portfolioStatus: portfolios.status,
      portfolioRound: portfolios.round,
    })
    .from(portfolioAssignments)
    .innerJoin(portfolios, eq(portfolios.id, portfolioAssignments.portfolioId))
    .where(where)
    .orderBy(
      sql`${portfolioAssignments.submittedAt} is not null`,
      asc(sql`case when ${portfolioAssignments.submittedAt} is null then ${portfolioAssignments.dueOn} end`),
      desc(portfolioAssignments.submittedAt),
      asc(portfolioAssignments.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(portfolioAssignments).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findAssignmentById(db: Queryable, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(portfolioAssignments).where(eq(portfolioAssignments.id, id)).limit(1);
  return row;
}

/** Every assignment of a portfolio (all rounds, replaced ones too), in round and position order. */
export async function listPortfolioAssignments(db: Queryable, portfolioId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(portfolioAssignments)
    .where(eq(portfolioAssignments.portfolioId, portfolioId))
    .orderBy(
      asc(portfolioAssignments.round),
      asc(portfolioAssignments.position),
      asc(portfolioAssignments.assignedAt),
    );
}

export async function listRatingsOf(db: Queryable, assignmentIds: readonly string[]): Promise<RatingRow[]> {
  if (assignmentIds.length === 0) return [];
  return db
    .select()
    .from(portfolioRatings)
    .where(inArray(portfolioRatings.assignmentId, [...assignmentIds]));
}

/** Save (or change) an evaluator's draft ratings, one row per competency. */
export async function upsertRatings(
  tx: Queryable,
  assignmentId: string,
  rows: ReadonlyArray<{ competencyId: string; rating: PortfolioRating; comment: string }>,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(portfolioRatings)
    .values(rows.map((r) => ({ assignmentId, ...r, updatedAt: now })))
    .onConflictDoUpdate({
      target: [portfolioRatings.assignmentId, portfolioRatings.competencyId],
      set: {
        rating: sql`excluded.rating`,
        comment: sql`excluded.comment`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Open → submitted; undefined when it was submitted or replaced meanwhile (a double post). */
export async function markAssignmentSubmitted(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<AssignmentRow | undefined> {
  const [row] = await tx
    .update(portfolioAssignments)
    .set({ submittedAt: now })
    .where(
      and(
        eq(portfolioAssignments.id, id),
        isNull(portfolioAssignments.submittedAt),
        isNull(portfolioAssignments.replacedAt),
      ),
    )
    .returning();
  return row;
}

/** Record a round's decision, with its rating pairs counted from the ratings just submitted. */
export async function insertDecision(tx: Queryable, row: Omit<DecisionRow, 'ratingPairs'>): Promise<void> {
  await tx
    .insert(portfolioDecisions)
    .values({ ...row, ratingPairs: ratingPairsOf(row.portfolioId, row.round) });
}

export async function listDecisions(db: Queryable, portfolioId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(portfolioDecisions)
    .where(eq(portfolioDecisions.portfolioId, portfolioId))
    .orderBy(asc(portfolioDecisions.round));
}

/** Addresses of active program staff, for the rare case that needs a person to act (a handful of rows). */
export async function listStaffAddresses(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(sql`${users.roles} && array['staff','admin']::text[]`, isNull(users.disabledAt)))
    .orderBy(asc(users.email))
    .limit(50);
  return rows.map((r) => r.email);
}

/**
 * The nine counts of how the first two evaluators' ratings of a round paired up (rules/agreement.ts
 * order: first evaluator's rating by second's, met/partial/not met), as an SQL expression to store
 * with the decision. Only competencies both rated in that round count: in a resubmission, the
 * reopened ones.
 */
export function ratingPairsOf(portfolioId: SQL | string, round: SQL | number): SQL {
  const cells = RATING_ORDER.flatMap((f) =>
    RATING_ORDER.map((s) => sql`count(*) filter (where x.f = ${f} and x.s = ${s})::int`),
  );
  return sql`(select array[${sql.join(cells, sql`, `)}]::int[] from (
    select min(r.rating) filter (where a.position = 1) as f, min(r.rating) filter (where a.position = 2) as s
    from ${portfolioAssignments} a join ${portfolioRatings} r on r.assignment_id = a.id
    where a.portfolio_id = ${portfolioId} and a.round = ${round} and a.position in (1, 2)
      and a.replaced_at is null and a.submitted_at is not null
    group by r.competency_id) x
    where x.f is not null and x.s is not null)`;
}
