import { type SQL, sql } from 'drizzle-orm';
import { addDays, type CalendarDate, compareDates, maxDate, minDate } from '../../../lib/calendar-date.js';
import type { Queryable } from '../../../platform/db/client.js';
import { rowsOf } from '../../completions/roster-sql.js';
import { institutions, invoicePayments, invoices } from '../../institutions/schema.js';
import { ledgerDaysClosed, ledgerDayTotals, ledgerEntries } from '../schema.js';
import { entryDay, firstOpenDay, lastClosableDay, onOpenDay, startOfDay } from './day-totals-repository.js';
import type { DayRange } from './range.js';

/**
 * Set-based queries behind the finance reports: each is one statement, grouped in PostgreSQL, so the
 * page costs the same at 200,000 ledger entries as at 20. Days are UTC days, as in the other staff
 * reports (the ledger's instants are read on ledger_entries_created_idx).
 */

export interface DayMethodRow {
  day: CalendarDate;
  method: string;
  kind: 'payment' | 'refund';
  count: number;
  totalCents: number;
}

/**
 * Payments and refunds per UTC day, method and kind, ordered by day, method, kind. Closed days (see
 * day-totals-repository.ts) come from ledger_day_totals; days not closed, and the last days up to today
 * and after, are grouped from the ledger. One statement, so exact whatever is closed at that moment;
 * call closeLedgerDays first for the closing to pay off.
 */
export async function paymentsByDayAndMethod(
  db: Queryable,
  range: DayRange,
  today: CalendarDate,
): Promise<DayMethodRow[]> {
  const closable = minDate(range.to, lastClosableDay(today));
  const recentFrom = maxDate(range.from, addDays(lastClosableDay(today), 1));
  const recent = sql`${recentFrom}::date`;
  const parts: SQL[] = [];
  let liveFrom = recent;
  if (compareDates(range.from, closable) <= 0) {
    parts.push(sql`
      select t.day, t.method, t.kind, t.count, t.total_cents as total
      from ${ledgerDaysClosed} c join ${ledgerDayTotals} t on t.day = c.day
      where c.day >= ${range.from}::date and c.day <= ${closable}::date and t.kind in ('payment', 'refund')`);
    liveFrom = firstOpenDay(sql`${range.from}::date`, sql`${closable}::date`, recent);
  }
  // Entries of the days not closed: the recent ones, and any before that are not closed yet. Grouped
  // over every kind and only then narrowed to money in and out: filtered inside, the planner would
  // combine the few recent entries with all the ledger's payments on ledger_entries_kind_idx.
  parts.push(sql`select * from live where kind in ('payment', 'refund')`);
  const result = await db.execute(sql`
    with live as materialized (
      select ${entryDay} as day, e.method, e.kind, count(*)::int as count, sum(e.amount_cents)::bigint as total
      from ${ledgerEntries} e
      where e.created_at >= ${startOfDay(liveFrom)} and e.created_at < ${startOfDay(sql`${range.to}::date + 1`)}
        and (e.created_at >= ${startOfDay(recent)} or ${onOpenDay})
      group by 1, 2, 3
    )
    select to_char(g.day, 'YYYY-MM-DD') as day, g.method, g.kind, g.count, g.total
    from (${sql.join(parts, sql` union all `)}) g
    order by g.day, g.method, g.kind`);
  return rowsOf<{ day: string; method: string; kind: 'payment' | 'refund'; count: number; total: string }>(
    result,
  ).map((r) => ({ day: r.day, method: r.method, kind: r.kind, count: r.count, totalCents: Number(r.total) }));
}

export const ageBuckets = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;
export type AgeBucket = (typeof ageBuckets)[number];

export interface OutstandingInvoiceRow {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  totalCents: number;
  paidCents: number;
  dueCents: number;
  currency: string;
  issuedOn: CalendarDate;
  dueOn: CalendarDate;
  /** Days after the due date (0 or less: not yet due). */
  daysPastDue: number;
  bucket: AgeBucket;
}

export interface BucketTotal {
  bucket: AgeBucket;
  count: number;
  dueCents: number;
}

const bucketOf = (days: ReturnType<typeof sql>) => sql`case
  when ${days} <= 0 then 'not_due' when ${days} <= 30 then '1_30' when ${days} <= 60 then '31_60'
  when ${days} <= 90 then '61_90' else 'over_90' end`;

// Paid per invoice on invoice_payments_reference_uq (invoice_id first), one lookup per invoice; only
// approved payments count (one waiting for a second staff member does not).
const outstanding = (today: CalendarDate) => sql`
  select i.id, i.number, i.institution_id, i.total_cents, i.currency, i.issued_on, i.due_on,
         p.paid, (${today}::date - i.due_on) as days
  from ${invoices} i
  cross join lateral (
    select coalesce(sum(ip.amount_cents), 0)::bigint as paid from ${invoicePayments} ip
    where ip.invoice_id = i.id and ip.state = 'approved'
  ) p
  where p.paid < i.total_cents`;

/** Invoices not fully paid, oldest due date first, one page of them. */
export async function outstandingInvoicesPage(
  db: Queryable,
  q: { today: CalendarDate; limit: number; offset: number },
): Promise<OutstandingInvoiceRow[]> {
  const result = await db.execute(sql`
    with o as (${outstanding(q.today)})
    select o.*, to_char(o.issued_on, 'YYYY-MM-DD') as issued, to_char(o.due_on, 'YYYY-MM-DD') as due,
           n.name as institution_name, ${bucketOf(sql`o.days`)} as bucket
    from o join ${institutions} n on n.id = o.institution_id
    order by o.due_on, o.number
    limit ${q.limit} offset ${q.offset}`);
  return rowsOf<{
    id: string;
    number: string;
    institution_id: string;
    institution_name: string;
    total_cents: number;
    paid: string;
    currency: string;
    issued: string;
    due: string;
    days: number;
    bucket: AgeBucket;
  }>(result).map((r) => ({
    id: r.id,
    number: r.number,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    totalCents: r.total_cents,
    paidCents: Number(r.paid),
    dueCents: r.total_cents - Number(r.paid),
    currency: r.currency,
    issuedOn: r.issued,
    dueOn: r.due,
    daysPastDue: Number(r.days),
    bucket: r.bucket,
  }));
}

/** How many invoices and how much is owed in each age bucket (all outstanding invoices). */
export async function outstandingByBucket(db: Queryable, today: CalendarDate): Promise<BucketTotal[]> {
  const result = await db.execute(sql`
    with o as (${outstanding(today)})
    select ${bucketOf(sql`o.days`)} as bucket, count(*)::int as count,
           sum(o.total_cents - o.paid)::bigint as due
    from o group by 1`);
  const found = new Map(
    rowsOf<{ bucket: AgeBucket; count: number; due: string }>(result).map((r) => [r.bucket, r]),
  );
  return ageBuckets.map((bucket) => ({
    bucket,
    count: found.get(bucket)?.count ?? 0,
    dueCents: Number(found.get(bucket)?.due ?? 0),
  }));
}
