import type { ComponentChildren } from 'preact';
import { formatMoney, money } from '../../../../lib/money.js';
import { formatDateTime } from '../../../../views/format.js';
import { SecondPersonDecision } from '../../../../views/second-person-decision.js';
import type { RefundOwed } from '../use-cases/list-adjustments.js';
import type { AdjustmentView } from '../view.js';
import { methodLabels } from '../view.js';

export const ADJUSTMENTS_PATH = '/staff/payments/adjustments';
export const feePath = (feeId: string) => `/staff/payments/fees/${feeId}`;

/** One request with its decision forms (or the note that the viewer must leave it to someone else). */
export function PendingRequest(p: {
  r: AdjustmentView;
  viewerId: string;
  csrfToken: string;
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
  headingLevel?: 2 | 3;
}) {
  const { r } = p;
  const base = `${ADJUSTMENTS_PATH}/${r.id}`;
  const H = p.headingLevel === 2 ? 'h2' : 'h3';
  const own = r.requestedBy === p.viewerId;
  return (
    <section aria-labelledby={`adj-${r.id}`} class="card">
      <H id={`adj-${r.id}`}>
        {r.kindLabel} of {r.amount}: <a href={feePath(r.feeId)}>{r.feeLabel}</a>
      </H>
      <dl>
        <dt>Payer</dt>
        <dd>{r.payerName}</dd>
        {r.method !== 'none' && (
          <>
            <dt>Method</dt>
            <dd>
              {methodLabels[r.method]}
              {r.reference ? ` (${r.reference})` : ''}
            </dd>
          </>
        )}
        <dt>Reason</dt>
        <dd>{r.reason}</dd>
        <dt>Asked by</dt>
        <dd>
          {own ? 'You' : r.requesterName}, {formatDateTime(new Date(r.requestedAt))}
        </dd>
      </dl>
      <SecondPersonDecision
        own={own}
        base={base}
        csrfToken={p.csrfToken}
        ownNote="You asked for this, so a different staff member must approve or decline it."
        withdrawLabel="Withdraw the request"
        approveLabel={`Approve: record the ${r.kindLabel.toLowerCase()} now`}
        declineLabel="Why you decline (sent to the staff member who asked)"
        idSuffix={r.id}
        noteError={p.errors?.note}
        noteValue={p.values?.note}
      />
    </section>
  );
}

/** Requests waiting for a second staff member, and the money the program owes back. */
export function AdjustmentsPage(p: {
  pending: AdjustmentView[];
  owed: RefundOwed[];
  viewerId: string;
  csrfToken: string;
  formError?: string | undefined;
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
  /** The request the errors and values belong to (each request has its own decline form). */
  failedId?: string | undefined;
  /** Rendered after the fee requests: invoice payments waiting for approval (institutions module). */
  children?: ComponentChildren;
}) {
  return (
    <>
      <p>
        <a href="/staff">Back to the staff home page</a>
      </p>
      <h1>Payment approvals and refunds</h1>
      {p.formError && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{p.formError}</p>
        </div>
      )}
      <p>
        A refund, waiver, award, or a check or transfer over the approval limit (on a fee or on an
        institution's invoice) counts only when a staff member other than the one who asked approves it.
      </p>
      <h2>Waiting for approval</h2>
      {p.pending.length === 0 ? (
        <p>No requests are waiting for approval.</p>
      ) : (
        p.pending.map((r) => (
          <PendingRequest
            r={r}
            viewerId={p.viewerId}
            csrfToken={p.csrfToken}
            errors={r.id === p.failedId ? p.errors : undefined}
            values={r.id === p.failedId ? p.values : undefined}
          />
        ))
      )}
      {p.children}
      <h2>Refunds owed</h2>
      {p.owed.length === 0 ? (
        <p>No refunds are owed.</p>
      ) : (
        <table>
          <caption>Fees where the program holds money it owes back</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col">Payer</th>
              <th scope="col">Why</th>
              <th scope="col">Owed</th>
            </tr>
          </thead>
          <tbody>
            {p.owed.map((o) => (
              <tr>
                <th scope="row">
                  <a href={feePath(o.feeId)}>
                    {o.applicationNumber ? `Application ${o.applicationNumber}` : 'Fee'}
                  </a>
                </th>
                <td>{o.payerName}</td>
                <td>{o.why === 'rejected' ? 'Application not accepted' : 'Paid more than was due'}</td>
                <td>{formatMoney(money(o.owedCents, o.currency))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
