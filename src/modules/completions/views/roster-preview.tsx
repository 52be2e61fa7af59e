import { formatDate, formatDateTime, formatNumber } from '../../../views/format.js';
import { Form, Pagination } from '../../../views/forms.js';
import {
  appliedOutcomeMeaning,
  outcomeLabels,
  outcomeMeaning,
  outcomeTag,
  rosterStatusLabels,
} from '../roster-labels.js';
import { type RosterRowOutcome, rosterRowOutcomes } from '../schema.js';
import { type RosterRowView, type RosterView, rowsTotal } from '../use-cases/view-roster.js';
import { rosterName } from './roster-list.js';

const rowsHref = (base: string, outcome: RosterRowOutcome | undefined, page = 1) => {
  const params = new URLSearchParams();
  if (outcome) params.set('outcome', outcome);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
};

function Verdict({ row, applied }: { row: RosterRowView; applied: boolean }) {
  if (row.outcome !== 'matched') return <>{row.message}</>;
  if (row.willCount === null) return <>Recorded.</>;
  if (row.willCount)
    return <>{applied ? 'Counts toward certification.' : 'Will count toward certification.'}</>;
  return (
    <>
      {applied ? 'Does not count: ' : 'Will not count: '}
      {row.notCountedReason}
    </>
  );
}

function RowsTable({ rows, applied }: { rows: RosterRowView[]; applied: boolean }) {
  return (
    <table>
      <caption class="visually-hidden">Rows of the roster, in file order</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Candidate</th>
          <th scope="col">Name</th>
          <th scope="col">Course</th>
          <th scope="col">Completed</th>
          <th scope="col">Passed</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.line}</td>
            <td>{r.candidateRef ?? '—'}</td>
            <td>{r.name ?? '—'}</td>
            <td>{r.courseRef ?? '—'}</td>
            <td>{r.completedOn ? formatDate(r.completedOn) : (r.completedOnText ?? '—')}</td>
            <td>{r.passed === null ? (r.passedText ?? '—') : r.passed ? 'Yes' : 'No'}</td>
            <td>
              <span class={outcomeTag[r.outcome]}>{outcomeLabels[r.outcome]}</span>
            </td>
            <td>
              <Verdict row={r} applied={applied} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RosterPage(p: { base: string; view: RosterView; csrfToken: string }) {
  const { roster, outcome } = p.view;
  const self = `${p.base}/${roster.id}`;
  const decidable = p.view.member && roster.status === 'preview';
  return (
    <>
      <p>
        <a href={p.base}>All rosters</a>
      </p>
      <h1>Roster: {rosterName(roster)}</h1>
      <dl class="summary">
        <div>
          <dt>Organisation</dt>
          <dd>{roster.providerName}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>
            {formatDateTime(roster.createdAt)} by {roster.uploadedByName}
            {roster.source === 'api' ? ', through the API' : ''}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {rosterStatusLabels[roster.status]}
            {roster.decidedAt ? ` on ${formatDateTime(roster.decidedAt)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{formatNumber(roster.totalRows)}</dd>
        </div>
      </dl>
      {roster.status === 'preview' && (
        <div class="warning">
          <p>
            Nothing has been recorded yet.{' '}
            {p.view.member
              ? 'Check the rows below, then confirm the roster to record the matched completions, or discard it.'
              : 'A member of the provider confirms or discards it.'}
          </p>
        </div>
      )}
      {roster.status === 'discarded' && (
        <p>This roster was discarded: nothing of it was recorded, and its rows were deleted.</p>
      )}
      {roster.status !== 'discarded' && (
        <>
          <h2>Outcome of each row</h2>
          <ul>
            {rosterRowOutcomes.map((o) => (
              <li>
                <a href={rowsHref(self, o)}>
                  {outcomeLabels[o]}: {formatNumber(rowsTotal(roster, o))}
                </a>{' '}
                ({(roster.status === 'applied' ? appliedOutcomeMeaning : outcomeMeaning)[o]})
              </li>
            ))}
          </ul>
          {roster.status === 'applied' && roster.unmatchedRows > 0 && (
            <p>
              <a href={`${p.base}/held?providerId=${roster.providerId}`}>Match held rows to candidates</a>
            </p>
          )}
          {decidable && (
            <div class="actions">
              <Form action={`${self}/confirm`} csrfToken={p.csrfToken}>
                <button type="submit">
                  Confirm and record {formatNumber(roster.matchedRows)}{' '}
                  {roster.matchedRows === 1 ? 'completion' : 'completions'}
                </button>
              </Form>
              <Form action={`${self}/discard`} csrfToken={p.csrfToken}>
                <button type="submit" class="secondary">
                  Discard this roster
                </button>
              </Form>
            </div>
          )}
          <h2>{outcome ? `Rows: ${outcomeLabels[outcome].toLowerCase()}` : 'All rows'}</h2>
          <p>
            Show:{' '}
            {[undefined, ...rosterRowOutcomes].map((o, i) => (
              <>
                {i > 0 && ' · '}
                <a href={rowsHref(self, o)} aria-current={o === outcome ? 'page' : undefined}>
                  {o ? outcomeLabels[o] : 'All rows'}
                </a>
              </>
            ))}
          </p>
          {p.view.rows.length === 0 ? (
            <p>{p.view.total === 0 ? 'No rows of this kind.' : 'There are no rows on this page.'}</p>
          ) : (
            <RowsTable rows={p.view.rows} applied={roster.status === 'applied'} />
          )}
          <Pagination
            page={p.view.page}
            pageSize={p.view.pageSize}
            total={p.view.total}
            href={(n) => rowsHref(self, outcome, n)}
          />
        </>
      )}
    </>
  );
}
