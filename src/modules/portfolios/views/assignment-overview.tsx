import { formatDateTime, formatNumber } from '../../../views/format.js';
import { Form, Pagination } from '../../../views/forms.js';
import type { AssignmentOverview } from '../use-cases/assign-paid-portfolios.js';

/** Staff: the assignment figures, the button, and the paid portfolios still waiting with the reason. */
export function AssignmentOverviewPage({ v, csrfToken }: { v: AssignmentOverview; csrfToken: string }) {
  const c = v.counts;
  const blocked = v.waiting.filter((w) => !w.ready).length;
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Assign portfolio evaluators</h1>
      <table>
        <caption>Portfolios</caption>
        <tbody>
          <tr>
            <th scope="row">Paid and waiting for evaluators</th>
            <td>{formatNumber(c.paidWaiting)}</td>
          </tr>
          <tr>
            <th scope="row">Submitted, portfolio fee not paid yet</th>
            <td>{formatNumber(c.unpaid)}</td>
          </tr>
          <tr>
            <th scope="row">In evaluation</th>
            <td>{formatNumber(c.inEvaluation)}</td>
          </tr>
          <tr>
            <th scope="row">Evaluations overdue</th>
            <td>{formatNumber(c.overdueAssignments)}</td>
          </tr>
        </tbody>
      </table>
      <Form action="/staff/portfolios/assignment" csrfToken={csrfToken}>
        <p>
          Each paid portfolio gets two evaluators qualified for its set, never one with a conflict, least
          loaded first; each evaluator gets one mail with the portfolio numbers and due dates. This also runs
          every hour by itself.
        </p>
        <button type="submit">Assign evaluators to paid portfolios</button>
      </Form>
      <h2>Paid portfolios waiting</h2>
      {v.waiting.length === 0 ? (
        <p>
          {v.page > 1 ? (
            <>
              There is no page {v.page}. <a href="/staff/portfolios/assignment">Go to the first page</a>.
            </>
          ) : (
            'No paid portfolio is waiting for evaluators.'
          )}
        </p>
      ) : (
        <>
          {blocked > 0 && (
            <p class="warning">
              {formatNumber(blocked)} {blocked === 1 ? 'portfolio' : 'portfolios'} on this page cannot be
              assigned with the evaluators available now. Train or add evaluators for the set, raise a
              capacity, or ask an evaluator to review a conflict.
            </p>
          )}
          <table>
            <caption>Oldest submission first</caption>
            <thead>
              <tr>
                <th scope="col">Portfolio</th>
                <th scope="col">Set</th>
                <th scope="col">Submitted</th>
                <th scope="col">Can it be assigned?</th>
              </tr>
            </thead>
            <tbody>
              {v.waiting.map((w) => (
                <tr>
                  <th scope="row">
                    <a href={`/staff/portfolios/${w.portfolioId}/assignment`}>{w.number}</a>
                    {w.round > 1 ? ' (resubmitted)' : ''}
                  </th>
                  <td>{w.setTitle}</td>
                  <td>{w.submittedAt ? formatDateTime(w.submittedAt) : ''}</td>
                  <td>{w.ready ? 'Yes, at the next run' : `No. ${w.reason}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pagination
        page={v.page}
        pageSize={v.pageSize}
        total={c.paidWaiting}
        href={(n) => (n > 1 ? `/staff/portfolios/assignment?page=${n}` : '/staff/portfolios/assignment')}
      />
      <p>
        <a href="/staff/portfolio-evaluators">Portfolio evaluators</a>: sets, capacity, training and
        conflicts.
      </p>
    </>
  );
}
