import type { RefundOwed } from '../adjustments/use-cases/list-adjustments.js';
import { csvDollars, toCsv } from './csv.js';
import { bucketLabels, kindLabel, methodLabel } from './labels.js';
import type { OutstandingInvoices } from './use-cases/view-outstanding-invoices.js';
import type { PaymentsByDay } from './use-cases/view-payments-by-day.js';
import type { Reconciliation } from './use-cases/view-reconciliation.js';
import { owedWhy } from './views/refunds-owed-page.js';

/** Each report as CSV: a header row, then one record a line; amounts in dollars with two decimals. */

export function paymentsCsv(v: PaymentsByDay): string {
  return toCsv(
    ['Day', 'Method', 'Payments', 'Paid in (USD)', 'Refunds', 'Refunded (USD)', 'Net (USD)'],
    v.rows.map((r) => [
      r.day,
      methodLabel(r.method),
      r.paymentCount,
      csvDollars(r.paymentCents),
      r.refundCount,
      csvDollars(r.refundCents),
      csvDollars(r.netCents),
    ]),
  );
}

export function outstandingCsv(v: OutstandingInvoices): string {
  return toCsv(
    [
      'Invoice',
      'Institution',
      'Issued on',
      'Due on',
      'Days past due',
      'Age',
      'Currency',
      'Total',
      'Paid',
      'Owed',
    ],
    v.invoices.map((i) => [
      i.number,
      i.institutionName,
      i.issuedOn,
      i.dueOn,
      Math.max(0, i.daysPastDue),
      bucketLabels[i.bucket],
      i.currency,
      csvDollars(i.totalCents),
      csvDollars(i.paidCents),
      csvDollars(i.dueCents),
    ]),
  );
}

export function refundsOwedCsv(owed: RefundOwed[]): string {
  return toCsv(
    ['Fee', 'Application', 'Payer', 'Why', 'Currency', 'Owed'],
    owed.map((o) => [
      o.feeId,
      o.applicationNumber ?? '',
      o.payerName,
      owedWhy(o.why),
      o.currency,
      csvDollars(o.owedCents),
    ]),
  );
}

/** One file for the whole reconciliation: a "Check" column says which list a record belongs to. */
export function reconciliationCsv(v: Reconciliation): string {
  const rows: (string | number)[][] = [];
  for (const t of v.totals)
    rows.push(['Total by kind', kindLabel(t.kind), '', t.count, csvDollars(t.totalCents)]);
  for (const f of v.overRefunded)
    rows.push([
      'Fee refunded beyond what was paid',
      f.feeId,
      `${f.payerName}: paid ${csvDollars(f.paidCents)}`,
      1,
      csvDollars(f.refundedCents),
    ]);
  for (const p of v.cardPaymentsWithoutCheckout)
    rows.push([
      'Card payment with no succeeded checkout',
      p.feeId,
      p.reference ?? '',
      1,
      csvDollars(p.amountCents),
    ]);
  for (const c of v.checkoutsWithoutPayment)
    rows.push(['Succeeded checkout with no payment', c.feeId, c.checkoutId, 1, csvDollars(c.amountCents)]);
  for (const i of v.misallocatedInvoices)
    rows.push([
      'Invoice payments not matching the ledger',
      i.number,
      `received ${csvDollars(i.paidCents)}, credit ${csvDollars(i.creditCents)}`,
      i.wrongKind,
      csvDollars(i.allocatedCents),
    ]);
  return toCsv(['Check', 'Subject', 'Detail', 'Count', 'Amount (USD)'], rows);
}
