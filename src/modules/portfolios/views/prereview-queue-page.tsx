import { formatDateTime } from '../../../views/format.js';
import { Pagination } from '../../../views/forms.js';
import type { PrereviewQueueItem } from '../use-cases/list-prereview-queue.js';

export const PREREVIEW_BASE = '/staff/portfolios/prereview';

/** Portfolios waiting for a pre-review, the longest waiting first. */
export function PrereviewQueuePage(p: {
  items: PrereviewQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}) {
  return (
    <>
      <p>
        <a href="/staff">Back to the staff home page</a>
      </p>
      <h1>Portfolio pre-reviews</h1>
      <p>
        Candidates ask for a pre-review before submitting. Comment on each competency and the statement, then
        finish the pre-review: the candidate is mailed that the comments are ready.
      </p>
      {p.items.length === 0 ? (
        <p>No portfolios are waiting for a pre-review.</p>
      ) : (
        <table>
          <caption>Waiting for a pre-review, the longest waiting first</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Competency set</th>
              <th scope="col">Asked for</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`${PREREVIEW_BASE}/${r.id}`}>{r.candidate.displayName}</a>
                  {r.candidate.applicationNumber && ` (${r.candidate.applicationNumber})`}
                </th>
                <td>{r.setTitle}</td>
                <td>{r.prereviewRequestedAt ? formatDateTime(r.prereviewRequestedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `${PREREVIEW_BASE}?page=${n}`}
      />
    </>
  );
}
