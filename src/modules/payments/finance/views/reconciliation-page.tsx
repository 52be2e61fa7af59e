import { formatDateTime, formatNumber } from '../../../../views/format.js';
import { feePath } from '../../adjustments/views/adjustments-page.js';
import { kindLabel, RECONCILIATION_PATH } from '../labels.js';
import type { Reconciliation } from '../use-cases/view-reconciliation.js';
import { BackToFinance, CsvLink, usd } from './money.js';

const NOTHING = 'Nothing to reconcile.';

export function ReconciliationPage({ v }: { v: Reconciliation }) {
  return (
    <>
      <BackToFinance />
      <h1>Reconciliation</h1>
      <p>
        {v.clean
          ? 'Every check passed: the ledger agrees with itself, the card checkouts and the invoice payments.'
          : 'Some checks found entries to look into: see the lists below.'}
      </p>
      <CsvLink href={`${RECONCILIATION_PATH}.csv`} what="the reconciliation" />
      <table>
        <caption>Ledger totals by kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Entries</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {v.totals.map((t) => (
            <tr>
              <th scope="row">{kindLabel(t.kind)}</th>
              <td>{formatNumber(t.count)}</td>
              <td>{usd(t.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Fees that paid out more than came in</h2>
      {v.overRefunded.length === 0 ? (
        <p>{NOTHING}</p>
      ) : (
        <table>
          <caption>Fees refunded beyond what was paid</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col">Payer</th>
              <th scope="col">Paid</th>
              <th scope="col">Refunded</th>
            </tr>
          </thead>
          <tbody>
            {v.overRefunded.map((f) => (
              <tr>
                <th scope="row">
                  <a href={feePath(f.feeId)}>Fee {f.feeId.slice(0, 8)}</a>
                </th>
                <td>{f.payerName}</td>
                <td>{usd(f.paidCents)}</td>
                <td>{usd(f.refundedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Card payments with no succeeded checkout</h2>
      {v.cardPaymentsWithoutCheckout.length === 0 ? (
        <p>{NOTHING}</p>
      ) : (
        <table>
          <caption>Card payments in the ledger that no succeeded checkout explains</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col">Reference</th>
              <th scope="col">Recorded</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {v.cardPaymentsWithoutCheckout.map((p) => (
              <tr>
                <th scope="row">
                  <a href={feePath(p.feeId)}>Fee {p.feeId.slice(0, 8)}</a>
                </th>
                <td>{p.reference ?? 'None'}</td>
                <td>{formatDateTime(p.at)}</td>
                <td>{usd(p.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Succeeded checkouts with no payment in the ledger</h2>
      {v.checkoutsWithoutPayment.length === 0 ? (
        <p>{NOTHING}</p>
      ) : (
        <table>
          <caption>Checkouts the payer completed that never reached the ledger</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col">Checkout</th>
              <th scope="col">Completed</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {v.checkoutsWithoutPayment.map((c) => (
              <tr>
                <th scope="row">
                  <a href={feePath(c.feeId)}>Fee {c.feeId.slice(0, 8)}</a>
                </th>
                <td>
                  {c.checkoutId} ({c.provider})
                </td>
                <td>{c.completedAt ? formatDateTime(c.completedAt) : 'Unknown'}</td>
                <td>{usd(c.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Invoice payments that do not match the ledger</h2>
      <p>
        The payments made to applicants' fees from an invoice can be less than the institution paid (someone
        has not applied yet), never more, and never more than the invoice's total.
      </p>
      {v.misallocatedInvoices.length === 0 ? (
        <p>{NOTHING}</p>
      ) : (
        <table>
          <caption>Invoices whose ledger payments exceed what was received</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Received</th>
              <th scope="col">Credit</th>
              <th scope="col">Reached fees</th>
              <th scope="col">Entries that are not payments</th>
            </tr>
          </thead>
          <tbody>
            {v.misallocatedInvoices.map((i) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/invoices/${i.invoiceId}`}>{i.number}</a>
                </th>
                <td>{usd(i.paidCents)}</td>
                <td>{usd(i.creditCents)}</td>
                <td>{usd(i.allocatedCents)}</td>
                <td>{formatNumber(i.wrongKind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
