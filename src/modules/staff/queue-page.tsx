import type { FieldErrors } from '../../platform/errors.js';
import { formatDate, formatNumber } from '../../views/format.js';
import { ChoiceField, ErrorSummary, Pagination, TextField } from '../../views/forms.js';
import type { QueueRow } from '../applications/staff-repository.js';
import { QUEUE_PAGE_SIZE } from './queue-query.js';
import { queueStatuses, statusLabels, statusTagClass } from './status.js';

export interface QueuePageProps {
  /** What was typed, to show back in the filter form and keep in the page links. */
  values: { status: string[]; submittedFrom: string; submittedTo: string; region: string; q: string };
  errors?: FieldErrors;
  result: { items: QueueRow[]; total: number; totalExact: boolean; page: number } | null;
}

export function queueHref(values: QueuePageProps['values'], page: number): string {
  const params = new URLSearchParams();
  for (const s of values.status) params.append('status', s);
  for (const key of ['submittedFrom', 'submittedTo', 'region', 'q'] as const) {
    if (values[key]) params.set(key, values[key]);
  }
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/staff/applications?${qs}` : '/staff/applications';
}

export function QueuePage({ values, errors, result }: QueuePageProps) {
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Applications</h1>
      <ErrorSummary errors={errors} />
      <form method="get" action="/staff/applications" class="filters" aria-label="Filter applications">
        <ChoiceField
          name="status"
          legend="Status"
          hint="Choose none to see every submitted application."
          type="checkbox"
          options={queueStatuses.map((s) => [s, statusLabels[s]] as const)}
          value={values.status}
          error={errors?.status}
        />
        <div class="search-row">
          <TextField
            name="submittedFrom"
            label="Submitted from"
            type="date"
            value={values.submittedFrom}
            error={errors?.submittedFrom}
          />
          <TextField
            name="submittedTo"
            label="Submitted to"
            type="date"
            value={values.submittedTo}
            error={errors?.submittedTo}
          />
          <TextField
            name="region"
            label="State or province"
            hint="As the applicant wrote it, like IL"
            width="medium"
            value={values.region}
            error={errors?.region}
          />
          <TextField
            name="q"
            label="Number or name"
            hint="LSSC-2026-000123, or the start of a name"
            type="search"
            value={values.q}
            error={errors?.q}
          />
        </div>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <a href="/staff/applications">Clear filters</a>
        </div>
      </form>
      {result && <Results values={values} result={result} />}
    </>
  );
}

function Results({
  values,
  result,
}: {
  values: QueuePageProps['values'];
  result: NonNullable<QueuePageProps['result']>;
}) {
  if (result.total === 0) {
    return (
      <>
        <h2>No applications found</h2>
        <p>
          No applications match these filters. Try fewer filters, or{' '}
          <a href="/staff/applications">clear them</a>.
        </p>
      </>
    );
  }
  const first = (result.page - 1) * QUEUE_PAGE_SIZE + 1;
  const last = first + result.items.length - 1;
  return (
    <>
      <h2>
        {result.totalExact ? '' : 'More than '}
        {formatNumber(result.total)} {result.total === 1 ? 'application' : 'applications'}
      </h2>
      {result.items.length === 0 ? (
        <p>
          There is no page {result.page}. <a href={queueHref(values, 1)}>Go to the first page</a>.
        </p>
      ) : (
        <table>
          <caption>
            Oldest submitted first; showing {formatNumber(first)} to {formatNumber(last)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Name</th>
              <th scope="col">State or province</th>
              <th scope="col">Submitted</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/applications/${a.id}`}>{a.number ?? 'Not numbered'}</a>
                </th>
                <td>{[a.givenName, a.familyName].filter(Boolean).join(' ') || '—'}</td>
                <td>{a.region || '—'}</td>
                <td>{a.submittedOn ? formatDate(a.submittedOn) : '—'}</td>
                <td>
                  <span class={statusTagClass(a.status)}>{statusLabels[a.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={result.page}
        pageSize={QUEUE_PAGE_SIZE}
        total={result.total}
        totalExact={result.totalExact}
        href={(p) => queueHref(values, p)}
      />
    </>
  );
}
