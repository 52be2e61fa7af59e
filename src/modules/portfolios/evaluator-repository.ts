import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { rowsOf } from '../completions/roster-sql.js';
import { evaluatorConflicts, evaluatorProfiles, portfolioAssignments, portfolios } from './schema.js';

export type EvaluatorProfileRow = typeof evaluatorProfiles.$inferSelect;
export type EvaluatorConflictRow = typeof evaluatorConflicts.$inferSelect;

const isPortfolioEvaluator = sql`'portfolio_evaluator' = any(${users.roles})`;

/** Loads count from the first instant of the program year (UTC), so a year's load resets on 1 January. */
export function yearStartOf(today: CalendarDate): Date {
  return new Date(`${today.slice(0, 4)}-01-01T00:00:00Z`);
}

/** A person holding the portfolio evaluator role (and not disabled), or undefined. */
export async function findEvaluatorUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), isPortfolioEvaluator, isNull(users.disabledAt)))
    .limit(1);
  return row;
}

export async function findEvaluatorProfile(
  db: Queryable,
  userId: string,
): Promise<EvaluatorProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluatorProfiles)
    .where(eq(evaluatorProfiles.userId, userId))
    .limit(1);
  return row;
}

export async function upsertEvaluatorProfile(tx: Queryable, row: EvaluatorProfileRow): Promise<void> {
  const { userId: _, ...rest } = row;
  await tx.insert(evaluatorProfiles).values(row).onConflictDoUpdate({
    target: evaluatorProfiles.userId,
    set: rest,
  });
}

export async function listConflictsOf(db: Queryable, userId: string): Promise<EvaluatorConflictRow[]> {
  return db
    .select()
    .from(evaluatorConflicts)
    .where(eq(evaluatorConflicts.evaluatorId, userId))
    .orderBy(asc(evaluatorConflicts.kind), asc(evaluatorConflicts.createdAt), asc(evaluatorConflicts.id));
}

export async function insertConflict(tx: Queryable, row: EvaluatorConflictRow): Promise<void> {
  await tx.insert(evaluatorConflicts).values(row);
}

/** Remove one of the evaluator's declarations; undefined when it is not theirs or already gone. */
export async function deleteConflict(
  tx: Queryable,
  userId: string,
  conflictId: string,
): Promise<EvaluatorConflictRow | undefined> {
  const [row] = await tx
    .delete(evaluatorConflicts)
    .where(and(eq(evaluatorConflicts.id, conflictId), eq(evaluatorConflicts.evaluatorId, userId)))
    .returning();
  return row;
}

/** Portfolios given to one evaluator this year and ever; replaced assignments do not count. */
export async function loadOf(db: Queryable, userId: string, yearStart: Date) {
  const [row] = await db
    .select({
      load: sql<number>`count(*) filter (where ${portfolioAssignments.assignedAt} >= ${yearStart})`.mapWith(
        Number,
      ),
      total: count(),
    })
    .from(portfolioAssignments)
    .where(and(eq(portfolioAssignments.evaluatorId, userId), isNull(portfolioAssignments.replacedAt)));
  return { load: row?.load ?? 0, total: row?.total ?? 0 };
}

/** Per-evaluator counts, computed with the evaluator index (portfolio_assignments_evaluator_idx). */
const loadColumns = (yearStart: Date) => ({
  load: sql<number>`(select count(*) from ${portfolioAssignments} a where a.evaluator_id = ${users.id} and a.replaced_at is null and a.assigned_at >= ${yearStart})`.mapWith(
    Number,
  ),
  total:
    sql<number>`(select count(*) from ${portfolioAssignments} a where a.evaluator_id = ${users.id} and a.replaced_at is null)`.mapWith(
      Number,
    ),
});

export type PoolListRow = Awaited<ReturnType<typeof listPoolPage>>['rows'][number];

/** Everyone with the role, by name, with their profile (if any) and this year's load: the staff list. */
export async function listPoolPage(db: Queryable, page: { limit: number; offset: number }, yearStart: Date) {
  const where = and(isPortfolioEvaluator, isNull(users.disabledAt));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        profile: evaluatorProfiles,
        ...loadColumns(yearStart),
      })
      .from(users)
      .leftJoin(evaluatorProfiles, eq(evaluatorProfiles.userId, users.id))
      .where(where)
      .orderBy(asc(users.displayName), asc(users.email), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export interface PoolMember {
  id: string;
  email: string;
  displayName: string;
  profile: Pick<
    EvaluatorProfileRow,
    'setIds' | 'yearlyCapacity' | 'trainingCompletedOn' | 'employer' | 'active'
  >;
  load: number;
  total: number;
  conflicts: Array<{ kind: 'library' | 'person'; value: string }>;
}

type PoolRow = {
  id: string;
  email: string;
  displayName: string;
  setIds: string[];
  yearlyCapacity: number;
  trainingCompletedOn: string | null;
  employer: string | null;
  active: boolean;
  load: number;
  total: number;
  conflicts: unknown;
};

/**
 * The assignable pool in one statement: every profile (only those qualified for `setIds` when
 * given, e.g. one portfolio's set) whose owner still holds the role and is not disabled, with the
 * declared conflicts and the loads, each counted on its evaluator index. The all-time total (a
 * tie-breaker when choosing) reads every past assignment, so a page that only judges eligibility
 * skips it. Inactive and untrained evaluators are included so a shortfall can be explained; the
 * assignment rule skips them.
 */
export async function loadAssignmentPool(
  db: Queryable,
  yearStart: Date,
  opts: { setIds?: readonly string[]; totals?: boolean } = {},
): Promise<PoolMember[]> {
  const a = portfolioAssignments;
  const total =
    opts.totals === false
      ? sql`0`
      : sql`(select count(*) from ${a} where ${a.evaluatorId} = ep.user_id and ${a.replacedAt} is null)::int`;
  const bySet = opts.setIds ? sql`and ep.set_ids && ${sql.param([...opts.setIds])}::text[]` : sql``;
  const result = await db.execute(sql`
    select u.id, u.email, u.display_name as "displayName", ep.set_ids as "setIds",
      ep.yearly_capacity as "yearlyCapacity", ep.training_completed_on::text as "trainingCompletedOn",
      ep.employer, ep.active,
      (select count(*) from ${a} where ${a.evaluatorId} = ep.user_id and ${a.replacedAt} is null
         and ${a.assignedAt} >= ${yearStart.toISOString()}::timestamptz)::int as load,
      ${total} as total,
      (select coalesce(json_agg(json_build_object('kind', c.kind, 'value', c.value)), '[]'::json)
         from ${evaluatorConflicts} c where c.evaluator_id = ep.user_id) as conflicts
    from ${evaluatorProfiles} ep
    -- Owners by primary key (the limit keeps it a keyed lookup, not a scan of every user).
    join lateral (
      select id, email, display_name from ${users}
      where id = ep.user_id and 'portfolio_evaluator' = any(roles) and disabled_at is null limit 1) u on true
    where true ${bySet}
    order by u.id`);
  return rowsOf<PoolRow>(result).map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    profile: {
      setIds: r.setIds,
      yearlyCapacity: r.yearlyCapacity,
      trainingCompletedOn: r.trainingCompletedOn,
      employer: r.employer,
      active: r.active,
    },
    load: Number(r.load),
    total: Number(r.total),
    conflicts: (typeof r.conflicts === 'string'
      ? JSON.parse(r.conflicts)
      : r.conflicts) as PoolMember['conflicts'],
  }));
}

/** The portfolios currently assigned to an evaluator (by PF number only: review is blind), due first. */
export async function listCurrentAssignmentsOf(db: Queryable, evaluatorId: string) {
  return db
    .select({
      portfolioId: portfolios.id,
      number: portfolios.number,
      setId: portfolios.setId,
      frameworkVersionId: portfolios.frameworkVersionId,
      round: portfolioAssignments.round,
      dueOn: portfolioAssignments.dueOn,
      submittedAt: portfolioAssignments.submittedAt,
    })
    .from(portfolioAssignments)
    .innerJoin(portfolios, eq(portfolios.id, portfolioAssignments.portfolioId))
    .where(and(eq(portfolioAssignments.evaluatorId, evaluatorId), isNull(portfolioAssignments.replacedAt)))
    .orderBy(asc(portfolioAssignments.dueOn), asc(portfolios.number))
    .limit(200);
}
