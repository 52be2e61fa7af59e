import { type SQL, sql } from 'drizzle-orm';
import { addDays, type CalendarDate, compareDates } from '../../../lib/calendar-date.js';
import type { Db } from '../../../platform/db/client.js';
import { rowsOf } from '../../completions/roster-sql.js';
import { ledgerDaysClosed, ledgerDayTotals, ledgerEntries } from '../schema.js';

/**
 * Closed days: UTC days of the ledger whose counts and sums per kind and method are kept in
 * ledger_day_totals, so a report over a year reads ~365 small rows per kind and method instead of grouping
 * every entry. Only days at least three days before today are closed. Entries are written at "now",
 * today in UTC, which is at least two days after any closed day even when the program's "today" is in a
 * time zone a day ahead of UTC, so ordinary writes never touch a closed day. An entry written on one all
 * the same (an import, a seed, a test moving the clock) drops that day's summary in its own transaction
 * (trigger, migration 0021), and the next report sums the day from the ledger again.
 *
 * The reports read closed days from the summary and every other day from the ledger, in one statement:
 * the answer is exact whatever is closed at that moment. Closing days only makes it cheaper.
 */

/** The last day a report may read from the summaries (and close). */
export const lastClosableDay = (today: CalendarDate): CalendarDate => addDays(today, -3);

/** Midnight UTC at the start of a day, as an instant (a date expression in SQL). */
export const startOfDay = (day: SQL) => sql`((${day})::timestamp at time zone 'UTC')`;

/** The UTC day of an entry's instant. */
export const entryDay = sql`(e.created_at at time zone 'UTC')::date`;

/** Days from `from` to `through` (date expressions, both included) that are not closed. */
export const openDays = (from: SQL, through: SQL) => sql`(
  select f.day + i as day
  from (select (${from})::date as day) f
  cross join generate_series(0, (${through})::date - f.day) i
  where not exists (select 1 from ${ledgerDaysClosed} c where c.day = f.day + i)
)`;

/** The entry `e` is on a day that is not closed. */
export const onOpenDay = sql`not exists (select 1 from ${ledgerDaysClosed} c where c.day = ${entryDay})`;

/**
 * The first day from `from` to `through` not closed, or else `otherwise`. Entries from there on are read
 * from the ledger: normally none before the last three days, since the report closes them first. (One
 * range read on ledger_entries_created_idx rather than one per open day: the planner expects thousands of
 * entries a day from a per-day read and then compiles the query, which costs more than the query.)
 */
export const firstOpenDay = (from: SQL, through: SQL, otherwise: SQL) =>
  sql`coalesce((select min(o.day) from ${openDays(from, through)} o), ${otherwise})`;

/** The day of the ledger's first entry (null when the ledger is empty). */
export const firstEntryDay = sql`(select (min(created_at) at time zone 'UTC')::date from ${ledgerEntries})`;

// Writers wait behind the lock while days are summed: a day's entries take a few milliseconds, a whole
// year the first time a few hundred. If a writer's transaction holds the ledger longer than this, the
// report reads those days from the ledger this time and tries again on the next request.
const LOCK_WAIT = '250ms';

const lockNotAvailable = (err: unknown): boolean => {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '55P03') return true;
  return false;
};

/**
 * Close the days from `from` (a date, or the ledger's first entry's day) to `through` that are not closed
 * yet: sum their entries into ledger_day_totals and mark them in ledger_days_closed (days with no entries
 * too). `through` must be at most lastClosableDay(today). Returns how many days it closed; 0 when there
 * was nothing to do or the ledger was busy.
 *
 * A short transaction that first takes a lock on ledger_entries that waits for the writers in progress
 * and keeps new ones out until it commits (SHARE ROW EXCLUSIVE; it also keeps a second report from
 * summing the same days at the same time). Without it, an entry backdated into a day while that day is
 * being summed could commit unseen by the sum, and its trigger would find no summary yet to drop: the
 * summary would miss it for good. With it, every entry is either in the sum or written after the summary
 * committed, when its trigger drops it. Readers are never blocked. Checked first without the lock, so an
 * ordinary request (all days already closed) takes no lock at all.
 */
export async function closeLedgerDays(
  db: Db,
  q: { from: CalendarDate | 'first entry'; through: CalendarDate; now: Date },
): Promise<number> {
  const from = q.from === 'first entry' ? firstEntryDay : sql`${q.from}::date`;
  const through = sql`${q.through}::date`;
  if (q.from !== 'first entry' && compareDates(q.from, q.through) > 0) return 0;
  const days = openDays(from, through);
  const pending = await db.execute(sql`select exists (select 1 from ${days} d) as pending`);
  if (!rowsOf<{ pending: boolean }>(pending)[0]?.pending) return 0;
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_WAIT}'`));
      await tx.execute(sql`lock table ${ledgerEntries} in share row exclusive mode`);
      // Sums of days that are not closed are never read; clear any so the insert below starts clean.
      await tx.execute(sql`
        delete from ${ledgerDayTotals} t
        where t.day >= ${from} and t.day <= ${through}
          and not exists (select 1 from ${ledgerDaysClosed} c where c.day = t.day)`);
      await tx.execute(sql`
        insert into ${ledgerDayTotals} (day, kind, method, count, total_cents)
        select ${entryDay}, e.kind, e.method, count(*)::int, sum(e.amount_cents)::bigint
        from ${ledgerEntries} e
        where e.created_at >= ${startOfDay(sql`(select min(o.day) from ${days} o)`)}
          and e.created_at < ${startOfDay(sql`(select max(o.day) from ${days} o) + 1`)}
          and ${onOpenDay}
        group by 1, 2, 3
        on conflict do nothing`);
      const closed = await tx.execute(sql`
        insert into ${ledgerDaysClosed} (day, closed_at)
        select d.day, ${q.now.toISOString()}::timestamptz from ${days} d
        on conflict do nothing
        returning day`);
      return rowsOf<{ day: string }>(closed).length;
    });
  } catch (err) {
    if (lockNotAvailable(err)) return 0;
    throw err;
  }
}
