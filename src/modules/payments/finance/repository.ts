import { sql } from 'drizzle-orm';
import { addDays, type CalendarDate } from '../../../lib/calendar-date.js';
import type { Queryable } from '../../../platform/db/client.js';
import { rowsOf } from '../../completions/roster-sql.js';
import { institutions, invoicePayments, invoices } from '../../institutions/schema.js';
import { ledgerEntries } from '../schema.js';
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

const startOf = (day: CalendarDate) => sql`${`${day}T00:00:00Z`}::timestamptz`;

export async function paymentsByDayAndMethod(db: Queryable, range: DayRange): Promise<DayMethodRow[]> {
  // Grouped on the date itself; turned into text only for the few grouped rows.
  const result = await db.execute(sql`
    select to_char(g.day, 'YYYY-MM-DD') as day, g.method, g.kind, g.count, g.total from (
      select (e.created_at at time zone 'UTC')::date as day, e.method, e.kind,
             count(*)::int as count, sum(e.amount_cents)::bigint as total
      from ${ledgerEntries} e
      where e.created_at >= ${startOf(range.from)} and e.created_at < ${startOf(addDays(range.to, 1))}
        and e.kind in ('payment', 'refund')
      group by 1, 2, 3
    ) g
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
