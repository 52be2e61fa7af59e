import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { rowsOf } from '../completions/roster-sql.js';
import { RATING_ORDER, type RatingPairCount } from './rules/agreement.js';
import { portfolioAssignments, portfolioDecisions, portfolios } from './schema.js';

/**
 * Figures about portfolio evaluation for staff, all grouped in SQL so they cost the same at 20,000
 * portfolios as at 20: per evaluator (turnaround), per set (outcomes) and per set and pair of ratings
 * (agreement, which the pure rules turn into kappa). A period is [from, to) in instants.
 */

export interface Period {
  from: Date;
  to: Date;
}

export interface TurnaroundRow {
  evaluatorId: string;
  name: string;
  /** Ratings submitted in the period. */
  done: number;
  /** Days from assignment to submission, over those. */
  medianDays: number | null;
  longestDays: number | null;
  /** Of those, submitted on or before the due day (UTC). */
  onTime: number;
  /** Not submitted and not replaced, now. */
  open: number;
  overdue: number;
}

const DAY_SECONDS = 86_400;

/**
 * One page of evaluators, by name, who submitted in the period or hold an assignment now, and how
 * many there are. With a set, only that set's portfolios count. The page's 50 are chosen first (one
 * pass, no medians); only their assignments are then read again, on portfolio_assignments_evaluator_idx,
 * for the medians and counts.
 */
export async function turnaroundPage(
  db: Queryable,
  q: { period: Period; today: CalendarDate; setId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: TurnaroundRow[]; total: number }> {
  const joinSet =
    q.setId === undefined
      ? sql``
      : sql`join ${portfolios} p on p.id = a.portfolio_id and p.set_id = ${q.setId}`;
  const from = sql`${q.period.from.toISOString()}::timestamptz`;
  const to = sql`${q.period.to.toISOString()}::timestamptz`;
  const took = sql`extract(epoch from (a.submitted_at - a.assigned_at))::float8 / ${DAY_SECONDS}`;
  const result = await db.execute(sql`
    with active as (
      select a.evaluator_id from ${portfolioAssignments} a ${joinSet}
      where (a.submitted_at >= ${from} and a.submitted_at < ${to})
         or (a.submitted_at is null and a.replaced_at is null)
      group by a.evaluator_id
    ), page as (
      select u.id, u.display_name, count(*) over ()::int as total
      from active e join ${users} u on u.id = e.evaluator_id
      order by u.display_name, u.id
      limit ${q.limit} offset ${q.offset}
    )
    select page.id as "evaluatorId", page.display_name as name, page.total,
      done.done, done.median_days as "medianDays", done.longest_days as "longestDays", done.on_time as "onTime",
      open.open, open.overdue
    from page
    cross join lateral (
      select count(*)::int as done,
        percentile_cont(0.5) within group (order by ${took}) as median_days,
        max(${took}) as longest_days,
        count(*) filter (where (a.submitted_at at time zone 'UTC')::date <= a.due_on)::int as on_time
      from ${portfolioAssignments} a ${joinSet}
      where a.evaluator_id = page.id and a.submitted_at >= ${from} and a.submitted_at < ${to}) done
    cross join lateral (
      select count(*)::int as open, count(*) filter (where a.due_on < ${q.today}::date)::int as overdue
      from ${portfolioAssignments} a ${joinSet}
      where a.evaluator_id = page.id and a.submitted_at is null and a.replaced_at is null) open
    order by page.display_name, page.id`);
  const rows = rowsOf<TurnaroundRow & { total: number }>(result);
  if (rows.length === 0 && q.offset > 0) {
    const all = await turnaroundPage(db, { ...q, offset: 0, limit: 1 });
    return { rows: [], total: all.total };
  }
  return {
    rows: rows.map(({ total: _, ...r }) => ({
      ...r,
      medianDays: r.medianDays === null ? null : Number(r.medianDays),
      longestDays: r.longestDays === null ? null : Number(r.longestDays),
    })),
    total: rows[0]?.total ?? 0,
  };
}

export interface OutcomeCounts {
  setId: string;
  /** Approved or not satisfactory (final outcomes) in the period. */
  decided: number;
  approved: number;
  notSatisfactory: number;
  /** First evaluations decided in the period, and how many of them asked for more information. */
  firstRounds: number;
  moreInformation: number;
  /** Evaluations of a resubmission decided in the period, and how many were approved. */
  resubmissions: number;
  approvedAfterResubmission: number;
}

/** Decisions per set in the period (portfolio_decisions carries the set, so no join). */
export async function outcomeCountsBySet(
  db: Queryable,
  q: { period: Period; setId?: string | undefined },
): Promise<OutcomeCounts[]> {
  const d = portfolioDecisions;
  const result = await db.execute(sql`
    select ${d.setId} as "setId",
      count(*) filter (where ${d.outcome} <> 'more_information')::int as decided,
      count(*) filter (where ${d.outcome} = 'approved')::int as approved,
      count(*) filter (where ${d.outcome} = 'not_satisfactory')::int as "notSatisfactory",
      count(*) filter (where ${d.round} = 1)::int as "firstRounds",
      count(*) filter (where ${d.round} = 1 and ${d.outcome} = 'more_information')::int as "moreInformation",
      count(*) filter (where ${d.round} > 1)::int as resubmissions,
      count(*) filter (where ${d.round} > 1 and ${d.outcome} = 'approved')::int as "approvedAfterResubmission"
    from ${d}
    where ${d.decidedAt} >= ${q.period.from.toISOString()}::timestamptz
      and ${d.decidedAt} < ${q.period.to.toISOString()}::timestamptz
      ${q.setId === undefined ? sql`` : sql`and ${d.setId} = ${q.setId}`}
    group by ${d.setId}`);
  return rowsOf<OutcomeCounts>(result);
}

/**
 * Agreement between the first two evaluators, per set, for rounds decided in the period: the nine
 * pair counts stored with each decision (`rating_pairs`, written when the round is decided), summed.
 * A few numbers per decision on portfolio_decisions_set_idx, instead of pairing every rating again.
 */
export async function ratingPairsBySet(
  db: Queryable,
  q: { period: Period; setId?: string | undefined },
): Promise<Array<RatingPairCount & { setId: string }>> {
  const cells = RATING_ORDER.flatMap((first) => RATING_ORDER.map((second) => ({ first, second })));
  const sums = cells.map((_, i) => sql.raw(`coalesce(sum(d.rating_pairs[${i + 1}]), 0)::int as "c${i}"`));
  const result = await db.execute(sql`
    select d.set_id as "setId", ${sql.join(sums, sql`, `)}
    from ${portfolioDecisions} d
    where d.decided_at >= ${q.period.from.toISOString()}::timestamptz
      and d.decided_at < ${q.period.to.toISOString()}::timestamptz
      ${q.setId === undefined ? sql`` : sql`and d.set_id = ${q.setId}`}
    group by d.set_id`);
  return rowsOf<Record<string, number> & { setId: string }>(result).flatMap((row) =>
    cells
      .map((cell, i) => ({ setId: row.setId, ...cell, n: Number(row[`c${i}`] ?? 0) }))
      .filter((c) => c.n > 0),
  );
}
