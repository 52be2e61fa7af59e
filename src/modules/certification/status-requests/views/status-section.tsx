import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../../views/format.js';
import { ChoiceField, Form, TextArea } from '../../../../views/forms.js';
import { SecondPersonDecision } from '../../../../views/second-person-decision.js';
import type { CertificationStatus } from '../../schema.js';
import {
  actionDone,
  actionLabels,
  actionsAllowed,
  certificationStatusLabels,
  requestStateLabels,
} from '../rules.js';
import type { StatusRequestView } from '../use-cases/list-status-requests.js';
import { REASON_MAX, REASON_MIN } from '../use-cases/request-status-change.js';

/** Which of this section's forms an error belongs to (the page shows errors at that form only). */
export type StatusForm = 'status-request' | 'status-decline';

export const statusRequestsPath = (applicationId: string) =>
  `/staff/applications/${applicationId}/certification/status-requests`;

function PendingRequest(p: {
  r: StatusRequestView;
  viewerId: string;
  csrfToken: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { r } = p;
  const path = `${statusRequestsPath(r.applicationId)}/${r.id}`;
  const own = r.requestedBy.id === p.viewerId;
  return (
    <>
      <h3>Request waiting for approval</h3>
      <dl>
        <dt>Requested</dt>
        <dd>
          {actionLabels[r.action]}: from {certificationStatusLabels[r.statusBefore]} to{' '}
          {certificationStatusLabels[r.statusAfter]}
        </dd>
        <dt>Reason (the holder is sent it)</dt>
        <dd>{r.reason}</dd>
        <dt>Requested by</dt>
        <dd>
          {own ? 'You' : r.requestedBy.name}, {formatDateTime(r.requestedAt)}
        </dd>
      </dl>
      <SecondPersonDecision
        own={own}
        base={path}
        csrfToken={p.csrfToken}
        ownNote="You made this request, so another staff member must approve or decline it."
        withdrawLabel="Withdraw the request"
        beforeApprove={
          <p>
            Approving makes the change now: the certification becomes{' '}
            {certificationStatusLabels[r.statusAfter].toLowerCase()}, the public check says so, and the holder
            is told by email.
          </p>
        }
        approveLabel={`Approve: the certification is ${actionDone[r.action]}`}
        declineLabel="Why you decline the request"
        declineHint="The staff member who asked is sent this note. Nothing changes."
        declineButton="Decline the request"
        required
        rows={3}
        noteError={p.errors?.note}
        noteValue={p.values?.note}
      />
    </>
  );
}

function History({ requests }: { requests: StatusRequestView[] }) {
  if (requests.length === 0) return null;
  return (
    <table>
      <caption>Earlier requests, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Requested</th>
          <th scope="col">Reason</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr>
            <td>
              {actionLabels[r.action]} by {r.requestedBy.name}, {formatDateTime(r.requestedAt)}
            </td>
            <td>{r.reason}</td>
            <td>
              {requestStateLabels[r.state]}
              {r.decidedBy && r.state !== 'withdrawn' && ` by ${r.decidedBy.name}`}
              {r.effectiveOn && `, in effect from ${formatDate(r.effectiveOn)}`}
              {r.decisionNote && `: ${r.decisionNote}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Suspend or revoke" on the staff certification page: ask for a change with a reason, or act on
 * the pending request (approve or decline it as a second staff member; withdraw it as the one who
 * asked). The page never offers the requester an approval.
 */
export function StatusChangeSection(p: {
  certification: { status: CertificationStatus; applicationId: string };
  requests: StatusRequestView[];
  viewerId: string;
  csrfToken: string;
  form?: string | undefined;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const pending = p.requests.find((r) => r.state === 'pending');
  const closed = p.requests.filter((r) => r.state !== 'pending');
  const allowed = actionsAllowed(p.certification.status);
  const mine = (form: StatusForm) =>
    p.form === form ? { errors: p.errors, values: p.values } : { errors: undefined, values: undefined };
  return (
    <>
      <h2>Suspend or revoke</h2>
      <p>Status: {certificationStatusLabels[p.certification.status]}.</p>
      {pending ? (
        <PendingRequest
          r={pending}
          viewerId={p.viewerId}
          csrfToken={p.csrfToken}
          {...mine('status-decline')}
        />
      ) : allowed.length === 0 ? (
        <p>This certification is revoked. Revocation is final: it cannot be changed again.</p>
      ) : (
        <>
          <p>
            A change takes effect only when a second staff member approves it. The holder is then told by
            email, with the reason and how to appeal.
          </p>
          <Form action={statusRequestsPath(p.certification.applicationId)} csrfToken={p.csrfToken}>
            <ChoiceField
              name="action"
              legend="What should happen to this certification?"
              options={allowed.map((a) => [a, actionLabels[a]] as const)}
              error={mine('status-request').errors?.action}
              value={mine('status-request').values?.action}
            />
            <TextArea
              name="reason"
              label="Reason"
              hint={`Between ${REASON_MIN} and ${REASON_MAX.toLocaleString('en-US')} characters. The holder is sent this reason.`}
              required
              error={mine('status-request').errors?.reason}
              value={mine('status-request').values?.reason}
            />
            <button type="submit">Ask a second staff member to approve</button>
          </Form>
        </>
      )}
      <History requests={closed} />
    </>
  );
}
