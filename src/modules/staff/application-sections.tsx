import { formatMoney, money } from '../../lib/money.js';
import { formatDate, formatDateTime, formatNumber } from '../../views/format.js';
import { type LibraryType, libraryTypeLabels } from '../applications/forms.js';
import type { ApplicationStatus } from '../applications/schema.js';
import { statusLabels } from './status.js';
import type { StaffApplicationView } from './use-cases/view-application.js';

/** Eligibility as the rules count it on the submission day, entry by entry. */
export function EligibilitySection({ view }: { view: StaffApplicationView }) {
  const e = view.eligibility;
  const snapshot = view.application.eligibility as { eligible?: boolean; countedHours?: number } | null;
  return (
    <section aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">Eligibility</h2>
      {e ? (
        <p>
          <span class={e.eligible ? 'tag ok' : 'tag bad'}>{e.eligible ? 'Eligible' : 'Not eligible'}</span>{' '}
          {formatNumber(e.countedHours, 2)} of {formatNumber(e.requiredHours)} hours counted, for work from{' '}
          {formatDate(e.window.from)} to {formatDate(e.window.to)} (policy {view.policyVersion}). High-school
          diploma or equivalent: {view.application.hasHighSchool ? 'yes' : 'no'}.
        </p>
      ) : (
        <p>Not submitted yet.</p>
      )}
      {e && e.reasons.length > 0 && (
        <ul>
          {e.reasons.map((r) => (
            <li>{r.message}</li>
          ))}
        </ul>
      )}
      {snapshot && typeof snapshot.countedHours === 'number' && (
        <p class="meta">
          Recorded when submitted: {snapshot.eligible ? 'eligible' : 'not eligible'},{' '}
          {formatNumber(snapshot.countedHours, 2)} hours.
          {e && snapshot.countedHours !== e.countedHours && ' The work history has changed since.'}
        </p>
      )}
      {view.experience.length > 0 && (
        <table>
          <caption>Library work</caption>
          <thead>
            <tr>
              <th scope="col">Library</th>
              <th scope="col">Position</th>
              <th scope="col">Dates</th>
              <th scope="col">Hours given</th>
              <th scope="col">Hours counted</th>
            </tr>
          </thead>
          <tbody>
            {view.experience.map((x, i) => {
              const assessed = e?.entries[i];
              return (
                <tr>
                  <th scope="row">
                    {x.library}
                    <br />
                    <span class="meta">
                      {libraryTypeLabels[x.libraryType as LibraryType] ?? x.libraryType}
                    </span>
                  </th>
                  <td>
                    {x.position} ({x.paid ? 'paid' : 'volunteer'})
                  </td>
                  <td>
                    {formatDate(x.startDate)} to {x.endDate ? formatDate(x.endDate) : 'now'}
                  </td>
                  <td>
                    {x.hoursPerWeek !== null
                      ? `${formatNumber(Number(x.hoursPerWeek), 2)} a week`
                      : `${formatNumber(x.totalHours ?? 0)} in total`}
                  </td>
                  <td>
                    {assessed ? formatNumber(assessed.countedHours, 2) : '—'}
                    {assessed?.outsideWindow && <span class="meta"> (outside the window)</span>}
                    {assessed?.errors.map((err) => (
                      <span class="error-message"> {err.message}</span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

const entryKinds = {
  charge: 'Fee charged',
  payment: 'Payment',
  refund: 'Refund',
  waiver: 'Waived',
  award: 'Award',
} as const;
const methods = { card: 'Card', check: 'Check', bank_transfer: 'Bank transfer', none: '—' } as const;

export function PaymentSection({ view }: { view: StaffApplicationView }) {
  const fee = view.fee;
  if (!fee) {
    return (
      <section aria-labelledby="payment-title">
        <h2 id="payment-title">Payment</h2>
        <p>No fee has been charged for this application.</p>
      </section>
    );
  }
  const usd = (cents: number) => formatMoney(money(cents, fee.amount.currency));
  const b = fee.balance;
  return (
    <section aria-labelledby="payment-title">
      <h2 id="payment-title">Payment</h2>
      <p>
        Application fee {formatMoney(fee.amount)} ({fee.member ? 'ALA member rate' : 'non-member rate'}). Paid{' '}
        {usd(b.netPaidCents)}.{' '}
        {b.settled ? (
          <span class="tag ok">Paid in full</span>
        ) : (
          <span class="tag warn">{usd(b.dueCents)} due</span>
        )}
      </p>
      {view.refundOwedCents !== null && view.refundOwedCents > 0 && (
        <p class="warning">
          <strong>Refund owed: {usd(view.refundOwedCents)}</strong>
        </p>
      )}
      <table>
        <caption>Fee ledger</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Entry</th>
            <th scope="col">Method</th>
            <th scope="col">Reference</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {fee.entries.map((l) => (
            <tr>
              <th scope="row">{formatDateTime(l.createdAt)}</th>
              <td>
                {entryKinds[l.kind]}
                {l.note && <span class="meta"> · {l.note}</span>}
              </td>
              <td>{methods[l.method]}</td>
              <td>{l.reference ?? '—'}</td>
              <td>{usd(l.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/staff/payments/fees/${fee.feeId}`}>Refund, waive or grant an award on this fee</a> (a
        second staff member approves).
      </p>
    </section>
  );
}

export function MessagesSection({ view }: { view: StaffApplicationView }) {
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      {view.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol class="timeline">
          {view.messages.map((m) => (
            <li>
              <p class="meta">
                {m.kind === 'info_request' ? 'Question from staff' : 'Answer from the candidate'},{' '}
                {formatDateTime(m.createdAt)}
              </p>
              <p class="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const actionLabels: Record<string, string> = {
  'application.started': 'Application started',
  'application.submitted': 'Submitted',
  'application.info_requested': 'More information requested',
  'application.info_response_sent': 'Candidate answered',
  'application.fee_paid': 'Fee paid in full',
  'application.check_recorded': 'Check recorded',
  'application.admitted': 'Admitted',
  'application.rejected': 'Rejected as ineligible',
  'fee.created': 'Fee charged',
  'fee.payment_recorded': 'Payment recorded',
};

/** "application.experience_added" → "Experience added", for actions other modules add later. */
function actionLabel(action: string): string {
  const known = actionLabels[action];
  if (known) return known;
  const words = (action.split('.').pop() ?? action).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const label = (s: unknown) => statusLabels[s as ApplicationStatus] ?? String(s);
  const parts: string[] = [];
  if (a.status && b.status && a.status !== b.status) parts.push(`${label(b.status)} → ${label(a.status)}`);
  else if (a.status) parts.push(label(a.status));
  if (typeof a.checkNumber === 'string') parts.push(`check ${a.checkNumber}`);
  if (typeof a.reference === 'string' && a.checkNumber === undefined) parts.push(`reference ${a.reference}`);
  if (typeof a.amountCents === 'number') parts.push(formatMoney(money(a.amountCents)));
  if (typeof a.deadlineOn === 'string') parts.push(`deadline ${formatDate(a.deadlineOn)}`);
  return parts.join(', ');
}

export function HistorySection({ view }: { view: StaffApplicationView }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <table>
        <caption>Audit trail of this application and its fee, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {view.audit.map((e) => (
            <tr>
              <th scope="row">{formatDateTime(e.at)}</th>
              <td>{actionLabel(e.action)}</td>
              <td>{e.actorLabel}</td>
              <td>{describeChange(e.before, e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
