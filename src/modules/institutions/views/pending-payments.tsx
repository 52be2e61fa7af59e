import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatDateTime } from '../../../views/format.js';
import { SecondPersonDecision } from '../../../views/second-person-decision.js';
import type { UncountedPaymentRow } from '../invoices-repository.js';
import type { PendingInvoicePayment } from '../use-cases/decide-invoice-payment.js';

export const invoicePaymentMethodLabels = { check: 'Check', bank_transfer: 'Bank transfer' } as const;

/** On the staff approvals page: invoice payments waiting for a second staff member, each linking to its invoice. */
export function PendingInvoicePayments(p: { payments: PendingInvoicePayment[]; viewerId: string }) {
  return (
    <>
      <h2>Invoice payments waiting for approval</h2>
      {p.payments.length === 0 ? (
        <p>No invoice payments are waiting for approval.</p>
      ) : (
        <table>
          <caption>Checks and transfers from institutions over the approval limit</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Institution</th>
              <th scope="col">Payment</th>
              <th scope="col">Recorded by</th>
            </tr>
          </thead>
          <tbody>
            {p.payments.map((pay) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/invoices/${pay.invoiceId}#payment-${pay.id}`}>{pay.invoiceNumber}</a>
                </th>
                <td>{pay.institutionName}</td>
                <td>
                  {pay.amount} by {invoicePaymentMethodLabels[pay.method].toLowerCase()} ({pay.reference}),
                  received {formatCalendarDate(pay.receivedOn)}
                </td>
                <td>
                  {pay.recordedBy === p.viewerId ? 'You' : pay.recordedByName},{' '}
                  {formatDateTime(new Date(pay.recordedAt))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface DecisionShown {
  paymentId: string;
  errors?: Record<string, string> | undefined;
  message?: string | undefined;
  values?: Record<string, string> | undefined;
}

/** One payment waiting for approval on the staff invoice page, with the viewer's possible decisions. */
export function PendingInvoicePaymentCard(p: {
  row: UncountedPaymentRow;
  amount: string;
  invoiceId: string;
  viewerId: string;
  csrfToken: string;
  shown?: DecisionShown | undefined;
}) {
  const pay = p.row.payment;
  const own = pay.recordedBy === p.viewerId;
  const base = `/staff/invoices/${p.invoiceId}/payments/${pay.id}`;
  const shown = p.shown?.paymentId === pay.id ? p.shown : undefined;
  return (
    <section aria-labelledby={`payment-${pay.id}`} class="card">
      <h3 id={`payment-${pay.id}`}>
        {invoicePaymentMethodLabels[pay.method]} of {p.amount}, reference {pay.reference}
      </h3>
      <dl>
        <dt>Received</dt>
        <dd>{formatCalendarDate(pay.receivedOn)}</dd>
        <dt>Recorded by</dt>
        <dd>
          {own ? 'You' : p.row.recordedByName}, {formatDateTime(pay.createdAt)}
        </dd>
      </dl>
      {shown?.message && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{shown.message}</p>
        </div>
      )}
      <SecondPersonDecision
        own={own}
        base={base}
        csrfToken={p.csrfToken}
        ownNote="You recorded this payment, so a different staff member must approve or decline it."
        withdrawLabel="Withdraw the payment"
        approveLabel="Approve: the money arrived, count it now"
        declineLabel="Why you decline (sent to the staff member who recorded it)"
        idSuffix={pay.id}
        noteError={shown?.errors?.note}
        noteValue={shown?.values?.note}
      />
    </section>
  );
}
