import { type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Db, Queryable } from '../../../platform/db/client.js';
import { users } from '../../accounts/schema.js';
import { rowsOf } from '../../completions/roster-sql.js';
import { invoiceLines, invoicePayments, invoices } from '../../institutions/schema.js';
import { checkouts, feeBalances, fees, ledgerDaysClosed, ledgerDayTotals, ledgerEntries } from '../schema.js';
import { paymentEvents } from '../stripe/schema.js';
import {
  firstEntryDay,
  firstOpenDay,
  lastClosableDay,
  onOpenDay,
  startOfDay,
} from './day-totals-repository.js';

/**
 * The ledger checked against itself and its sources, one statement per check. Each list is capped:
 * a check that finds more than a page of problems has a bigger problem than the page can show.
 */
export const RECONCILIATION_LIMIT = 200;

export interface KindTotal {
  kind: string;
  count: number;
  totalCents: number;
}

/**
 * Count and sum of every ledger entry per kind, ordered by kind: closed days (see day-totals-repository.ts)
 * from ledger_day_totals, days since the first entry not closed and the last days up to today (and any
 * after) from the ledger. One statement, so exact whatever is closed at that moment; call closeLedgerDays
 * from the first entry first for the closing to pay off.
 */
export async function ledgerTotalsByKind(db: Queryable, today: CalendarDate): Promise<KindTotal[]> {
  // The upper bound "infinity" changes no row: with a lower bound only known when the query runs, the
  // planner would expect a third of the ledger, and compile the query (JIT) for over a second.

  const closable = sql`${lastClosableDay(today)}::date`;
  const recent = sql`${closable} + 1`;
  const result = await db.execute(sql`
    select g.kind, sum(g.count)::int as count, sum(g.total)::bigint as total from (
      select t.kind, sum(t.count) as count, sum(t.total_cents) as total
      from ${ledgerDaysClosed} c join ${ledgerDayTotals} t on t.day = c.day
      where c.day <= ${closable}
      group by t.kind
      union all
      select e.kind, count(*), sum(e.amount_cents) from ${ledgerEntries} e
      where e.created_at >= ${startOfDay(firstOpenDay(firstEntryDay, closable, recent))}
        and e.created_at < 'infinity'::timestamptz
        and (e.created_at >= ${startOfDay(recent)} or ${onOpenDay})
      group by e.kind
    ) g
    group by g.kind order by g.kind`);
  return rowsOf<{ kind: string; count: number; total: string }>(result).map((r) => ({
    kind: r.kind,
    count: r.count,
    totalCents: Number(r.total),
  }));
}

export interface OverRefundedFee {
  feeId: string;
  payerName: string;
  paidCents: number;
  refundedCents: number;
}

/**
 * Fees that paid out more than came in: refunds above payments. The ledger must never allow one. Such a
 * fee has a negative net paid in fee_balances (kept with every entry by the database), so those are
 * read first (fee_balances_over_refunded_idx, normally empty); each is then summed from the ledger
 * itself, and shown only if its own entries agree.
 */
export async function overRefundedFees(db: Queryable): Promise<OverRefundedFee[]> {
  const result = await db.execute(sql`
    with f as (
      select b.fee_id, p.paid, p.refunded from ${feeBalances} b
      cross join lateral (
        select coalesce(sum(amount_cents) filter (where kind = 'payment'), 0)::bigint as paid,
               coalesce(sum(amount_cents) filter (where kind = 'refund'), 0)::bigint as refunded
        from ${ledgerEntries} e where e.fee_id = b.fee_id
      ) p
      where b.net_paid_cents < 0
    )
    select f.fee_id, u.display_name, f.paid, f.refunded
    from f join ${fees} on ${fees.id} = f.fee_id join ${users} u on u.id = ${fees.payerUserId}
    where f.refunded > f.paid
    order by f.fee_id limit ${RECONCILIATION_LIMIT}`);
  return rowsOf<{ fee_id: string; display_name: string; paid: string; refunded: string }>(result).map(
    (r) => ({
      feeId: r.fee_id,
      payerName: r.display_name,
      paidCents: Number(r.paid),
      refundedCents: Number(r.refunded),
    }),
  );
}

// A card payment and a checkout belong together when the payment's reference is the checkout's id
// (the sandbox) or the provider's payment reference an event reported for that checkout (Stripe).
const sameCardPayment = sql`(e.reference = c.id::text or exists (
  select 1 from ${paymentEvents} pe where pe.payment_reference = e.reference and pe.checkout_id = c.id))`;

/**
 * Run one card-matching check with hash joins off for its own short transaction. Both sides are read in
 * fee order from their partial indexes, so a merge anti-join needs neither a hash table nor the rows;
 * the planner still prices the hash join lower. Measured on the finance bench (26,666 card payments and
 * checkouts): 15–23 ms merged against 30–32 ms hashed, per check.
 */
function merged(db: Db, query: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_hashjoin = off`);
    return tx.execute(query);
  });
}

export interface UnmatchedCardPayment {
  ledgerEntryId: string;
  feeId: string;
  amountCents: number;
  reference: string | null;
  at: Date;
}

/**
 * Card payments in the ledger with no succeeded checkout behind them. The match reads both sides in fee
 * order from their partial indexes alone (ledger_entries_card_payments_idx, checkouts_succeeded_idx: a
 * merge anti-join, no visit to the rows); only the page found is then read in full. Sorted after
 * finding: left to itself the planner walks every entry in date order to fill the page.
 */
export async function cardPaymentsWithoutCheckout(db: Db): Promise<UnmatchedCardPayment[]> {
  const result = await merged(
    db,
    sql`
    with unmatched as materialized (
      select e.id, e.created_at
      from ${ledgerEntries} e
      where e.kind = 'payment' and e.method = 'card'
        and not exists (select 1 from ${checkouts} c where c.fee_id = e.fee_id and c.status = 'succeeded' and ${sameCardPayment})
    ), page as (
      select id from unmatched order by created_at, id limit ${RECONCILIATION_LIMIT}
    )
    select e.id, e.fee_id, e.amount_cents, e.reference, e.created_at
    from page p join ${ledgerEntries} e on e.id = p.id
    order by e.created_at, e.id`,
  );
  return rowsOf<{
    id: string;
    fee_id: string;
    amount_cents: number;
    reference: string | null;
    created_at: string | Date;
  }>(result).map((r) => ({
    ledgerEntryId: r.id,
    feeId: r.fee_id,
    amountCents: r.amount_cents,
    reference: r.reference,
    at: new Date(r.created_at),
  }));
}

export interface UnrecordedCheckout {
  checkoutId: string;
  feeId: string;
  amountCents: number;
  provider: string;
  completedAt: Date | null;
}

/** Checkouts that succeeded (the payer paid) with no card payment in the ledger; matched as above. */
export async function succeededCheckoutsWithoutPayment(db: Db): Promise<UnrecordedCheckout[]> {
  const result = await merged(
    db,
    sql`
    with unrecorded as materialized (
      select c.id, c.completed_at
      from ${checkouts} c
      where c.status = 'succeeded'
        and not exists (select 1 from ${ledgerEntries} e
          where e.fee_id = c.fee_id and e.kind = 'payment' and e.method = 'card' and ${sameCardPayment})
    ), page as (
      select id from unrecorded order by completed_at nulls first, id limit ${RECONCILIATION_LIMIT}
    )
    select c.id, c.fee_id, c.amount_cents, c.provider, c.completed_at
    from page p join ${checkouts} c on c.id = p.id
    order by c.completed_at nulls first, c.id`,
  );
  return rowsOf<{
    id: string;
    fee_id: string;
    amount_cents: number;
    provider: string;
    completed_at: string | Date | null;
  }>(result).map((r) => ({
    checkoutId: r.id,
    feeId: r.fee_id,
    amountCents: r.amount_cents,
    provider: r.provider,
    completedAt: r.completed_at ? new Date(r.completed_at) : null,
  }));
}

export interface MisallocatedInvoice {
  invoiceId: string;
  number: string;
  totalCents: number;
  paidCents: number;
  /** Paid beyond the invoice's total: the institution's credit, never passed on to fees. */
  creditCents: number;
  /** What reached applicants' fees as ledger payments. */
  allocatedCents: number;
  /** Linked ledger entries that are not payments. */
  wrongKind: number;
}

/**
 * Invoices whose payments and the ledger payments made from them disagree: more reached applicants'
 * fees than the institution paid (less its credit), or a line points at an entry that is not a payment.
 * Less is normal: applicants who have not applied yet have no fee to pay.
 */
export async function misallocatedInvoices(db: Queryable): Promise<MisallocatedInvoice[]> {
  const result = await db.execute(sql`
    with paid as (
      select invoice_id, sum(amount_cents)::bigint as paid from ${invoicePayments}
      where state = 'approved' group by invoice_id
    ), allocated as (
      select l.invoice_id, sum(e.amount_cents)::bigint as allocated,
             count(*) filter (where e.kind <> 'payment')::int as wrong_kind
      from ${invoiceLines} l join ${ledgerEntries} e on e.id = l.fee_payment_entry_id
      where l.fee_payment_entry_id is not null
      group by l.invoice_id
    )
    select i.id, i.number, i.total_cents, coalesce(p.paid, 0) as paid, a.allocated, a.wrong_kind
    from allocated a
    join ${invoices} i on i.id = a.invoice_id
    left join paid p on p.invoice_id = i.id
    where a.allocated > least(coalesce(p.paid, 0), i.total_cents) or a.wrong_kind > 0
    order by i.number limit ${RECONCILIATION_LIMIT}`);
  return rowsOf<{
    id: string;
    number: string;
    total_cents: number;
    paid: string;
    allocated: string;
    wrong_kind: number;
  }>(result).map((r) => {
    const paid = Number(r.paid);
    return {
      invoiceId: r.id,
      number: r.number,
      totalCents: r.total_cents,
      paidCents: paid,
      creditCents: Math.max(0, paid - r.total_cents),
      allocatedCents: Number(r.allocated),
      wrongKind: r.wrong_kind,
    };
  });
}
