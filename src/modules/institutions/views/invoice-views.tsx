import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { CHECK_APPROVAL_THRESHOLD_CENTS } from '../../payments/adjustments/policy.js';
import type { InvoiceView } from '../use-cases/view-invoice.js';
import {
  type DecisionShown,
  invoicePaymentMethodLabels as methodLabels,
  PendingInvoicePaymentCard,
} from './pending-payments.js';

export function InvoicePage(p: {
  view: InvoiceView;
  staff: boolean;
  csrfToken: string;
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
  /** Staff: who is looking (their own pending payments can only be withdrawn). */
  viewerId?: string;
  /** Staff: the error of a decision on one pending payment. */
  decision?: DecisionShown | undefined;
}) {
  const { view } = p;
  const pending = view.uncounted.filter((u) => u.payment.state === 'pending');
  const closed = view.uncounted.filter((u) => u.payment.state !== 'pending');
  const usd = (cents: number) => formatMoney(money(cents, view.invoice.currency));
  const base = p.staff ? '/staff/invoices' : '/institution/invoices';
  return (
    <>
      <h1>Invoice {view.invoice.number}</h1>
      <ErrorSummary errors={p.errors} title={p.errors ? 'The payment was not recorded' : undefined} />
      <dl class="summary">
        <dt>Institution</dt>
        <dd>
          <a
            href={
              p.staff ? `/staff/institutions/${view.institution.id}` : `/institution/${view.institution.id}`
            }
          >
            {view.institution.name}
          </a>
        </dd>
        <dt>Purchase order</dt>
        <dd>
          {view.poNumber} ({usd(view.poAmountCents)})
        </dd>
        <dt>Issued</dt>
        <dd>{formatCalendarDate(view.invoice.issuedOn)}</dd>
        <dt>Due</dt>
        <dd>{formatCalendarDate(view.invoice.dueOn)}</dd>
        <dt>Total</dt>
        <dd>{usd(view.invoice.totalCents)}</dd>
        <dt>Paid</dt>
        <dd>{usd(view.paidCents)}</dd>
        <dt>Still due</dt>
        <dd>{usd(view.dueCents)}</dd>
        {view.creditCents > 0 && (
          <>
            <dt>Credit</dt>
            <dd>
              {usd(view.creditCents)}{' '}
              {view.lines.some((l) => l.unusedCents > 0)
                ? 'paid beyond what the applicants’ fees needed'
                : 'paid beyond the invoice'}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`${base}/${view.invoice.id}/pdf`}>Download the invoice (PDF)</a>
      </p>
      <h2>Applicants</h2>
      <p>Payments cover the applicants in this order, each in full before the next.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Applicant</th>
            <th scope="col">Fee</th>
            <th scope="col">Application</th>
            <th scope="col">Covered</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr>
              <td>{l.position}</td>
              <td>
                {l.name}
                <br />
                {l.email}
              </td>
              <td>
                {usd(l.amountCents)}{' '}
                {l.member ? '(member)' : l.memberUnknown ? '(non-member: not applied yet)' : '(non-member)'}
              </td>
              <td>
                {l.applicationNumber ??
                  (l.applicationStatus ? 'Started, not submitted' : 'Invited, not started')}
              </td>
              <td>
                {l.covered ? 'Covered' : 'Not yet'}
                {l.unusedCents > 0 && (
                  <>
                    <br />
                    The fee needed {usd(l.amountCents - l.unusedCents)}: {usd(l.unusedCents)} is credit
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Payments</h2>
      {view.payments.length === 0 ? (
        <p>No payment recorded yet.</p>
      ) : (
        <ul>
          {view.payments.map((pay) => (
            <li>
              {formatCalendarDate(pay.receivedOn)}: {usd(pay.amountCents)} by{' '}
              {methodLabels[pay.method].toLowerCase()} (reference {pay.reference}).{' '}
              <a
                href={`${p.staff ? '/staff' : '/institution'}/invoices/${view.invoice.id}/payments/${pay.id}/receipt.pdf`}
                download
              >
                Receipt (PDF)
              </a>
            </li>
          ))}
        </ul>
      )}
      {p.staff && pending.length > 0 && (
        <>
          <h2>Waiting for approval</h2>
          <p>
            These payments do not count until a staff member other than the one who recorded them approves.
          </p>
          {pending.map((row) => (
            <PendingInvoicePaymentCard
              row={row}
              amount={usd(row.payment.amountCents)}
              invoiceId={view.invoice.id}
              viewerId={p.viewerId ?? ''}
              csrfToken={p.csrfToken}
              shown={p.decision}
            />
          ))}
        </>
      )}
      {p.staff && closed.length > 0 && (
        <>
          <h2>Payments that did not count</h2>
          <ul>
            {closed.map(({ payment: pay, decidedByName }) => (
              <li>
                {formatCalendarDate(pay.receivedOn)}: {usd(pay.amountCents)} by{' '}
                {methodLabels[pay.method].toLowerCase()} (reference {pay.reference}),{' '}
                {pay.state === 'declined'
                  ? `declined by ${decidedByName ?? 'staff'}${pay.decisionNote ? `: ${pay.decisionNote}` : ''}`
                  : 'withdrawn by the staff member who recorded it'}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.staff && (
        <>
          <h2>Record a payment</h2>
          <p>
            A payment over {usd(CHECK_APPROVAL_THRESHOLD_CENTS)} counts only once a different staff member
            approves it.
          </p>
          <Form action={`/staff/invoices/${view.invoice.id}/payments`} csrfToken={p.csrfToken}>
            <ChoiceField
              name="method"
              legend="How did the money come?"
              options={[
                ['check', 'Check'],
                ['bank_transfer', 'Bank transfer'],
              ]}
              value={p.values?.method}
              error={p.errors?.method}
            />
            <TextField
              name="amount"
              label="Amount received, in US dollars"
              inputMode="decimal"
              width="short"
              value={p.values?.amount}
              error={p.errors?.amount}
            />
            <TextField
              name="reference"
              label="Check number or transfer reference"
              width="medium"
              value={p.values?.reference}
              error={p.errors?.reference}
            />
            <TextField
              name="receivedOn"
              type="date"
              label="Date received"
              width="short"
              value={p.values?.receivedOn}
              error={p.errors?.receivedOn}
            />
            <button type="submit">Record the payment</button>
          </Form>
        </>
      )}
    </>
  );
}

export function ApplicantInvitationPage(p: {
  invitation: { name: string; email: string; institutionName: string; used: boolean };
  signedIn: boolean;
  token: string;
  next: string;
  csrfToken: string;
  error?: string | undefined;
}) {
  const { invitation } = p;
  return (
    <>
      <h1>Apply with your fee paid by {invitation.institutionName}</h1>
      {p.error && <ErrorSummary errors={{ invitation: p.error }} />}
      <p>
        {invitation.institutionName} sent a purchase order that pays the application fee for {invitation.name}{' '}
        ({invitation.email}).
      </p>
      {p.signedIn ? (
        <Form action="/institution-invitations/apply" csrfToken={p.csrfToken}>
          <input type="hidden" name="token" value={p.token} />
          <button type="submit">Start my application</button>
        </Form>
      ) : (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(p.next)}`}>Sign in</a> with {invitation.email}, or{' '}
          <a href="/sign-up">create an account</a> with that address first and then open the link in the email
          again.
        </p>
      )}
    </>
  );
}

export function ContactInvitationPage(p: {
  token: string;
  csrfToken: string;
  signedIn: boolean;
  next: string;
}) {
  return (
    <>
      <h1>Become a contact for an institution</h1>
      {p.signedIn ? (
        <Form action="/institution-contacts/accept" csrfToken={p.csrfToken}>
          <input type="hidden" name="token" value={p.token} />
          <button type="submit">Accept the invitation</button>
        </Form>
      ) : (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(p.next)}`}>Sign in</a> with the address the invitation
          was sent to, or <a href="/sign-up">create an account</a> first.
        </p>
      )}
    </>
  );
}
