import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../views/format.js';
import { ErrorSummary, Form, Pagination, TextField } from '../../../views/forms.js';
import type { HeldRow, RosterRowRow } from '../roster-repository.js';
import type { HeldRowsView } from '../use-cases/list-held-rows.js';
import { rosterName } from './roster-list.js';

const asSent = (r: RosterRowRow) => ({
  completed: r.completedOn ? formatDate(r.completedOn) : (r.completedOnText ?? '—'),
  passed: r.passed === null ? (r.passedText ?? '—') : r.passed ? 'Yes' : 'No',
});

export function heldHref(base: string, providerId: string | null, page = 1) {
  const params = new URLSearchParams();
  if (providerId) params.set('providerId', providerId);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}/held?${qs}` : `${base}/held`;
}

function HeldTable(p: { base: string; items: HeldRow[]; showProvider: boolean }) {
  return (
    <table>
      <caption class="visually-hidden">Held rows, newest roster first</caption>
      <thead>
        <tr>
          <th scope="col">Roster and line</th>
          {p.showProvider && <th scope="col">Organisation</th>}
          <th scope="col">Candidate as sent</th>
          <th scope="col">Name</th>
          <th scope="col">Course</th>
          <th scope="col">Completed</th>
          <th scope="col">Passed</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {p.items.map((r) => {
          const sent = asSent(r);
          return (
            <tr>
              <td>
                <a href={`${p.base}/${r.importId}`}>{rosterName(r)}</a>, line {r.line}
              </td>
              {p.showProvider && <td>{r.providerName}</td>}
              <td>{r.candidateRef ?? '—'}</td>
              <td>{r.name ?? '—'}</td>
              <td>{r.courseRef ?? '—'}</td>
              <td>{sent.completed}</td>
              <td>{sent.passed}</td>
              <td>
                <a href={`${p.base}/held/${r.id}`}>
                  Match<span class="visually-hidden"> line {r.line} to a candidate</span>
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function HeldRowsPage(p: { base: string; view: HeldRowsView; csrfToken: string }) {
  const { view } = p;
  const providerId = view.provider?.id ?? null;
  return (
    <>
      <p>
        <a href={p.base}>All rosters</a>
      </p>
      <h1>Held roster rows{view.provider ? `: ${view.provider.name}` : ''}</h1>
      <p>
        Rows of confirmed rosters whose candidate we could not find. They stay here until they are matched:
        people often apply after taking a course. Match a row by hand when you know who it was, or try
        matching them all again.
      </p>
      {view.choose.length > 0 ? (
        <>
          <h2>Choose an organisation</h2>
          <ul>
            {view.choose.map((o) => (
              <li>
                <a href={heldHref(p.base, o.id)}>{o.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : view.total === 0 ? (
        <p>No rows are held. Every row of the confirmed rosters was matched to a candidate.</p>
      ) : (
        <>
          <p>
            {formatNumber(view.total)} {view.total === 1 ? 'row is' : 'rows are'} held.
          </p>
          {providerId && (
            <Form action={`${p.base}/held/rematch`} csrfToken={p.csrfToken}>
              <input type="hidden" name="providerId" value={providerId} />
              <button type="submit" class="secondary">
                Try matching again
              </button>
            </Form>
          )}
          <HeldTable base={p.base} items={view.items} showProvider={providerId === null} />
          <Pagination
            page={view.page}
            pageSize={view.pageSize}
            total={view.total}
            href={(n) => heldHref(p.base, providerId, n)}
          />
        </>
      )}
    </>
  );
}

export function MatchRowPage(p: {
  base: string;
  row: RosterRowRow;
  /** False once the row is matched (or its roster was never confirmed): nothing to do here. */
  waiting: boolean;
  csrfToken: string;
  values: { candidate?: string };
  errors?: FieldErrors | undefined;
}) {
  const { row } = p;
  const sent = asSent(row);
  return (
    <>
      <p>
        <a href={heldHref(p.base, row.providerId)}>Back to the held rows</a>
      </p>
      <h1>Match a held row to a candidate</h1>
      <ErrorSummary errors={p.errors} />
      <p>The row as it was sent (line {row.line} of its roster):</p>
      <dl class="summary">
        <div>
          <dt>Candidate</dt>
          <dd>{row.candidateRef ?? '—'}</dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>{row.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>{row.courseRef ?? '—'}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{sent.completed}</dd>
        </div>
        <div>
          <dt>Passed</dt>
          <dd>{sent.passed}</dd>
        </div>
      </dl>
      {p.waiting ? (
        <Form action={`${p.base}/held/${row.id}`} csrfToken={p.csrfToken}>
          <TextField
            name="candidate"
            label="Candidate number or email address"
            hint="The candidate number (like LSSC-2026-000123), or the email address the person applied with"
            value={p.values.candidate}
            error={p.errors?.candidate}
            autocomplete="off"
          />
          <button type="submit">Match and record the completion</button>
        </Form>
      ) : (
        <p>
          This row is not waiting to be matched:{' '}
          {row.completionId ? 'its completion is recorded.' : 'it is not held.'}{' '}
          <a href={`${p.base}/${row.importId}`}>See its roster</a>.
        </p>
      )}
    </>
  );
}
