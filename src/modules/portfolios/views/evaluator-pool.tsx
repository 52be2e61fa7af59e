import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatNumber } from '../../../views/format.js';
import { Pagination } from '../../../views/forms.js';
import type { PoolListRow } from '../evaluator-repository.js';
import type { EvaluatorPoolPage as PoolResult } from '../use-cases/list-evaluator-pool.js';

function stateOf(r: PoolListRow): string {
  if (!r.profile) return 'No profile yet';
  if (!r.profile.active) return 'Inactive';
  if (!r.profile.trainingCompletedOn) return 'Not trained yet';
  return 'Active';
}

/** Staff: the portfolio evaluator pool, by name. */
export function EvaluatorPoolPage({ result }: { result: PoolResult }) {
  const codes = new Map(result.sets.map((s) => [s.id, s.code]));
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Portfolio evaluators</h1>
      <p>
        Everyone with the portfolio evaluator role. Portfolios go only to evaluators who are active, trained,
        qualified for the set, without a conflict and under their yearly capacity.{' '}
        <a href="/staff/portfolios/assignment">Assign evaluators to paid portfolios</a>.
      </p>
      {result.total === 0 ? (
        <p>
          Nobody has the portfolio evaluator role yet. An administrator gives the role from the person's
          account.
        </p>
      ) : result.items.length === 0 ? (
        <p>
          There is no page {result.page}. <a href="/staff/portfolio-evaluators">Go to the first page</a>.
        </p>
      ) : (
        <table>
          <caption>
            {formatNumber(result.total)} {result.total === 1 ? 'evaluator' : 'evaluators'}, by name; showing{' '}
            {formatNumber(first)} to {formatNumber(first + result.items.length - 1)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Sets</th>
              <th scope="col">This year</th>
              <th scope="col">Training</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/portfolio-evaluators/${r.id}`}>{r.displayName}</a>
                  <br />
                  {r.email}
                </th>
                <td>{r.profile ? r.profile.setIds.map((s) => codes.get(s) ?? s).join(', ') : ''}</td>
                <td>
                  {formatNumber(r.load)}
                  {r.profile ? ` of ${formatNumber(r.profile.yearlyCapacity)}` : ''}
                </td>
                <td>
                  {r.profile?.trainingCompletedOn
                    ? formatCalendarDate(r.profile.trainingCompletedOn)
                    : 'Not yet'}
                </td>
                <td>
                  <span class={stateOf(r) === 'Active' ? 'tag ok' : 'tag'}>{stateOf(r)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        href={(n) => (n > 1 ? `/staff/portfolio-evaluators?page=${n}` : '/staff/portfolio-evaluators')}
      />
    </>
  );
}
