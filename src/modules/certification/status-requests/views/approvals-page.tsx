import { formatDateTime } from '../../../../views/format.js';
import { Pagination } from '../../../../views/forms.js';
import { actionLabels } from '../rules.js';
import type { StatusRequestView } from '../use-cases/list-status-requests.js';

export const APPROVALS_PATH = '/staff/certifications/approvals';

/** Requests to suspend, revoke or reinstate a certification that wait for a second staff member. */
export function ApprovalsPage(p: {
  items: StatusRequestView[];
  total: number;
  page: number;
  pageSize: number;
  viewerId: string;
}) {
  return (
    <>
      <p>
        <a href="/staff">Back to the staff home page</a>
      </p>
      <h1>Certification changes waiting for approval</h1>
      <p>
        A suspension, revocation or reinstatement takes effect only when a staff member other than the one who
        asked approves it. Open a certification to approve or decline its request.
      </p>
      {p.items.length === 0 ? (
        <p>No requests are waiting for approval.</p>
      ) : (
        <table>
          <caption>Waiting for approval, the longest waiting first</caption>
          <thead>
            <tr>
              <th scope="col">Certification</th>
              <th scope="col">Requested</th>
              <th scope="col">Reason</th>
              <th scope="col">Requested by</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/applications/${r.applicationId}/certification`}>
                    {r.number}, {r.holderName}
                  </a>
                </th>
                <td>{actionLabels[r.action]}</td>
                <td>{r.reason}</td>
                <td>
                  {r.requestedBy.id === p.viewerId
                    ? 'You (another staff member must approve)'
                    : r.requestedBy.name}
                  , {formatDateTime(r.requestedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `${APPROVALS_PATH}?page=${n}`}
      />
    </>
  );
}
