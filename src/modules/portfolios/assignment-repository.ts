import { and, asc, count, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications, experienceEntries } from '../applications/schema.js';
import { anyOf, chunks, rowsOf } from '../completions/roster-sql.js';
import { fees, ledgerEntries } from '../payments/schema.js';
import type { CandidateIdentityInput } from './rules/conflicts.js';
import { portfolioAssignments, portfolios } from './schema.js';

export type AssignmentRow = typeof portfolioAssignments.$inferSelect;

/** Serialises everything that reads loads and then assigns, so two runs never overfill an evaluator. */
const ASSIGNMENT_LOCK_KEY = 7_154_041;

export async function lockAssignmentWork(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSIGNMENT_LOCK_KEY})`);
}

const waitingStatuses = ['submitted', 'resubmitted'] as const;

/**
 * Nothing is owed for the portfolio: its fee (if one was charged; a program without a portfolio
 * fee charges none) is settled, i.e. charges + refunds − payments − waivers ≤ 0, the payments
 * ledger rule (rules/ledger.ts) as SQL so a batch is one query: one pass over the fee's entries on
 * fees_subject_uq and ledger_entries_fee_idx.
 */
export const feeSettled = sql`not exists (
  select 1 from ${fees} f
  where f.kind = 'portfolio' and f.subject_id = ${portfolios.id}
    and not coalesce((select bool_or(l.kind = 'charge')
                and sum(case when l.kind in ('charge', 'refund') then l.amount_cents else -l.amount_cents end) <= 0
         from ${ledgerEntries} l where l.fee_id = f.id), false))`;

/**
 * Some slot of the portfolio's current round, probed per portfolio on portfolio_assignments_slot_uq.
 * A scalar subquery on purpose: as NOT EXISTS inside the OR below, PostgreSQL hashes every assignment
 * (35,000 rows, 30 ms at the bench's size) instead of probing the index for the few waiting.
 */
const firstCurrentSlot = sql`(select a.id from ${portfolioAssignments} a
  where a.portfolio_id = ${portfolios.id} and a.round = ${portfolios.round} and a.replaced_at is null limit 1)`;

/**
 * Waiting for evaluators: a submitted portfolio with nobody on its round yet, or a resubmitted one,
 * which is "resubmitted" exactly while a slot of its new round is empty (an earlier evaluator who
 * could not be kept, see use-cases/resubmit-portfolio.ts): filling the empty slots moves it to
 * "in evaluation", so it is never listed with every slot taken.
 */
export const waitingForEvaluators = or(
  eq(portfolios.status, 'resubmitted'),
  and(eq(portfolios.status, 'submitted'), sql`${firstCurrentSlot} is null`),
);

const submittedKey = sql`coalesce(${portfolios.submittedAt}, 'epoch'::timestamptz)`;

export const portfolioForAssignmentColumns = {
  id: portfolios.id,
  number: portfolios.number,
  setId: portfolios.setId,
  round: portfolios.round,
  status: portfolios.status,
  candidateId: portfolios.candidateId,
  frameworkVersionId: portfolios.frameworkVersionId,
  submittedAt: portfolios.submittedAt,
};
export type PortfolioForAssignment = {
  id: string;
  number: string | null;
  setId: string;
  round: number;
  status: string;
  candidateId: string;
  frameworkVersionId: string;
  submittedAt: Date | null;
};

export interface Keyset {
  at: Date;
  id: string;
}

const paidWaiting = (after?: Keyset) =>
  and(
    inArray(portfolios.status, [...waitingStatuses]),
    waitingForEvaluators,
    feeSettled,
    after
      ? sql`(${submittedKey}, ${portfolios.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined,
  );

/** Paid portfolios waiting for evaluators, oldest submission first, from after the keyset (portfolios_status_idx). */
export async function listPaidWaiting(
  db: Queryable,
  page: { limit: number; after?: Keyset | undefined },
): Promise<PortfolioForAssignment[]> {
  return db
    .select(portfolioForAssignmentColumns)
    .from(portfolios)
    .where(paidWaiting(page.after))
    .orderBy(submittedKey, asc(portfolios.id))
    .limit(page.limit);
}

/**
 * One page of them with how many there are in all: the fee check runs once per waiting portfolio
 * for both (the count rides on the page's rows; past the last page it is counted on its own).
 */
export async function pagePaidWaiting(
  db: Queryable,
  page: { limit: number; offset: number },
): Promise<{ rows: PortfolioForAssignment[]; total: number }> {
  const found = await db
    .select({ ...portfolioForAssignmentColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(portfolios)
    .where(paidWaiting())
    .orderBy(submittedKey, asc(portfolios.id))
    .limit(page.limit)
    .offset(page.offset);
  if (found.length > 0 || page.offset === 0)
    return { rows: found.map(({ total: _, ...row }) => row), total: found[0]?.total ?? 0 };
  const [counted] = await db.select({ n: count() }).from(portfolios).where(paidWaiting());
  return { rows: [], total: counted?.n ?? 0 };
}

export const keysetOf = (p: PortfolioForAssignment): Keyset => ({
  at: p.submittedAt ?? new Date(0),
  id: p.id,
});

export async function findPortfolioForAssignment(
  db: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PortfolioForAssignment | undefined> {
  const q = db.select(portfolioForAssignmentColumns).from(portfolios).where(eq(portfolios.id, id)).limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** The figures at the top of the assignment page that do not need the fee check. */
export async function assignmentCounts(db: Queryable, today: CalendarDate) {
  const [[waiting], [inEvaluation], [overdue]] = await Promise.all([
    db
      .select({ n: count() })
      .from(portfolios)
      .where(and(inArray(portfolios.status, [...waitingStatuses]), waitingForEvaluators)),
    db.select({ n: count() }).from(portfolios).where(eq(portfolios.status, 'in_evaluation')),
    db
      .select({ n: count() })
      .from(portfolioAssignments)
      .where(
        and(
          isNull(portfolioAssignments.submittedAt),
          isNull(portfolioAssignments.replacedAt),
          lt(portfolioAssignments.dueOn, today),
        ),
      ),
  ]);
  return {
    waiting: waiting?.n ?? 0,
    inEvaluation: inEvaluation?.n ?? 0,
    overdueAssignments: overdue?.n ?? 0,
  };
}

/**
 * What the conflict rule compares, for many candidates in one statement: the account, the names and
 * employers on all their applications, and every library in their experience entries.
 */
export async function candidateIdentities(
  db: Queryable,
  candidateIds: readonly string[],
): Promise<Map<string, CandidateIdentityInput>> {
  const out = new Map<string, CandidateIdentityInput>();
  for (const part of chunks([...new Set(candidateIds)])) {
    const result = await db.execute(sql`
      select u.id, u.email, u.display_name as "displayName",
        coalesce(ap.names, '[]'::jsonb) as names,
        coalesce(ap.employers, '{}') as employers,
        coalesce(ex.libraries, '{}') as libraries
      from ${users} u
      left join lateral (
        select jsonb_agg(jsonb_build_object('givenName', a.given_name, 'familyName', a.family_name)) as names,
               array_agg(a.details->'personal'->>'employerName') as employers
        from ${applications} a where a.candidate_id = u.id) ap on true
      left join lateral (
        select array_agg(e.library) as libraries
        from ${experienceEntries} e join ${applications} a on a.id = e.application_id
        where a.candidate_id = u.id) ex on true
      where ${anyOf(sql`u.id`, part, 'uuid')}`);
    for (const r of rowsOf<CandidateIdentityInput & { id: string; names: unknown }>(result)) {
      const names = typeof r.names === 'string' ? JSON.parse(r.names) : r.names;
      out.set(r.id, { ...r, names: names as CandidateIdentityInput['names'] });
    }
  }
  return out;
}

/** Every assignment of these portfolios, replaced ones too (they must not be chosen again). */
export async function assignmentsOfPortfolios(
  db: Queryable,
  portfolioIds: readonly string[],
): Promise<AssignmentRow[]> {
  const rows: AssignmentRow[] = [];
  for (const part of chunks(portfolioIds))
    rows.push(
      ...(await db
        .select()
        .from(portfolioAssignments)
        .where(anyOf(portfolioAssignments.portfolioId, part, 'uuid'))
        .orderBy(asc(portfolioAssignments.assignedAt), asc(portfolioAssignments.id))),
    );
  return rows;
}

export async function insertAssignments(tx: Queryable, rows: readonly AssignmentRow[]): Promise<void> {
  for (const part of chunks(rows, 2000)) await tx.insert(portfolioAssignments).values(part);
}

/** Waiting → in evaluation; returns the ids that were still waiting (another change may have won). */
export async function markInEvaluation(
  tx: Queryable,
  ids: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const moved = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await tx
      .update(portfolios)
      .set({ status: 'in_evaluation', updatedAt: now })
      .where(and(anyOf(portfolios.id, part, 'uuid'), inArray(portfolios.status, [...waitingStatuses])))
      .returning({ id: portfolios.id });
    for (const r of rows) moved.add(r.id);
  }
  return moved;
}

export async function findAssignment(db: Queryable, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(portfolioAssignments).where(eq(portfolioAssignments.id, id)).limit(1);
  return row;
}

/** Mark a live, unsubmitted assignment replaced; undefined when it was submitted or replaced meanwhile. */
export async function markReplaced(tx: Queryable, id: string, now: Date): Promise<AssignmentRow | undefined> {
  const [row] = await tx
    .update(portfolioAssignments)
    .set({ replacedAt: now })
    .where(
      and(
        eq(portfolioAssignments.id, id),
        isNull(portfolioAssignments.replacedAt),
        isNull(portfolioAssignments.submittedAt),
      ),
    )
    .returning();
  return row;
}

/** The assignments of one portfolio with the evaluators' names (staff only: never shown to candidates). */
export async function listAssignmentsWithEvaluators(db: Queryable, portfolioId: string) {
  return db
    .select({ assignment: portfolioAssignments, name: users.displayName, email: users.email })
    .from(portfolioAssignments)
    .innerJoin(users, eq(users.id, portfolioAssignments.evaluatorId))
    .where(eq(portfolioAssignments.portfolioId, portfolioId))
    .orderBy(
      asc(portfolioAssignments.round),
      asc(portfolioAssignments.position),
      asc(portfolioAssignments.assignedAt),
    );
}

/** Still to do, not replaced, past its due day (portfolio_assignments_open_due_idx). */
const overdue = (today: CalendarDate) =>
  and(
    isNull(portfolioAssignments.submittedAt),
    isNull(portfolioAssignments.replacedAt),
    lt(portfolioAssignments.dueOn, today),
  );
const notRemindedSince = (cutoff: CalendarDate) =>
  sql`(${portfolioAssignments.lastRemindedOn} is null or ${portfolioAssignments.lastRemindedOn} <= ${cutoff})`;

/** Overdue assignments not chased since the cutoff day, with the evaluator and the portfolio's PF number. */
export async function listOverdueAssignments(
  db: Queryable,
  today: CalendarDate,
  cutoff: CalendarDate,
  limit: number,
) {
  return db
    .select({
      id: portfolioAssignments.id,
      portfolioId: portfolioAssignments.portfolioId,
      dueOn: portfolioAssignments.dueOn,
      email: users.email,
      displayName: users.displayName,
      number: portfolios.number,
      setId: portfolios.setId,
      frameworkVersionId: portfolios.frameworkVersionId,
    })
    .from(portfolioAssignments)
    .innerJoin(users, eq(users.id, portfolioAssignments.evaluatorId))
    .innerJoin(portfolios, eq(portfolios.id, portfolioAssignments.portfolioId))
    .where(and(overdue(today), notRemindedSince(cutoff), eq(portfolios.status, 'in_evaluation')))
    .orderBy(asc(portfolioAssignments.dueOn), asc(portfolioAssignments.id))
    .limit(limit);
}

/** Record today's reminders; returns those marked now (another run, or a submission, may have won). */
export async function markAssignmentsReminded(
  tx: Queryable,
  ids: readonly string[],
  today: CalendarDate,
  cutoff: CalendarDate,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .update(portfolioAssignments)
    .set({ lastRemindedOn: today })
    .where(and(anyOf(portfolioAssignments.id, ids, 'uuid'), overdue(today), notRemindedSince(cutoff)))
    .returning({ id: portfolioAssignments.id });
  return new Set(rows.map((r) => r.id));
}
