import type { FieldErrors } from '../../../platform/errors.js';
import { formatNumber } from '../../../views/format.js';
import { ErrorSummary, Pagination, SelectField, TextField } from '../../../views/forms.js';
import { countryName } from '../../applications/countries.js';
import { PROVIDER_PAGE_SIZE, providerTypeLabels, providerTypeOptions } from '../forms.js';
import type { StaffProviderPage as StaffProviderResult } from '../use-cases/list-providers-for-staff.js';
import type { ProviderView } from '../use-cases/view-provider.js';
import { MembersTable, ProviderDetails } from './provider-details.js';

export interface StaffFilterValues {
  q: string;
  type: string;
  region: string;
}

export function staffListHref(v: StaffFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'type', 'region'] as const) if (v[key]) params.set(key, v[key]);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/staff/providers?${qs}` : '/staff/providers';
}

export function StaffProvidersPage(p: {
  values: StaffFilterValues;
  errors?: FieldErrors | undefined;
  result: StaffProviderResult | null;
}) {
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Course providers</h1>
      <ErrorSummary errors={p.errors} />
      <form method="get" action="/staff/providers" class="filters" aria-label="Filter providers">
        <div class="search-row">
          <TextField
            name="q"
            label="Name"
            hint="The start of the name"
            type="search"
            value={p.values.q}
            error={p.errors?.q}
          />
          <SelectField
            name="type"
            label="Kind of organisation"
            options={providerTypeOptions}
            placeholder="Any kind"
            value={p.values.type}
            error={p.errors?.type}
          />
          <TextField
            name="region"
            label="State, province or region"
            hint="As written, like IL"
            width="medium"
            value={p.values.region}
            error={p.errors?.region}
          />
        </div>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <a href="/staff/providers">Clear filters</a>
        </div>
      </form>
      {p.result && <Results values={p.values} result={p.result} />}
    </>
  );
}

function Results({ values, result }: { values: StaffFilterValues; result: StaffProviderResult }) {
  if (result.total === 0) {
    return (
      <>
        <h2>No providers found</h2>
        <p>
          No providers match these filters. Try fewer filters, or <a href="/staff/providers">clear them</a>.
        </p>
      </>
    );
  }
  const first = (result.page - 1) * PROVIDER_PAGE_SIZE + 1;
  const last = first + result.items.length - 1;
  return (
    <>
      <h2>
        {result.totalExact ? '' : 'More than '}
        {formatNumber(result.total)} {result.total === 1 ? 'provider' : 'providers'}
      </h2>
      {result.items.length === 0 ? (
        <p>
          There is no page {result.page}. <a href={staffListHref(values, 1)}>Go to the first page</a>.
        </p>
      ) : (
        <table>
          <caption>
            By name; showing {formatNumber(first)} to {formatNumber(last)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Place</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/providers/${r.id}`}>{r.name}</a>
                </th>
                <td>{providerTypeLabels[r.type]}</td>
                <td>
                  {r.city}, {r.region}, {countryName(r.country)}
                </td>
                <td>{formatNumber(r.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={result.page}
        pageSize={PROVIDER_PAGE_SIZE}
        total={result.total}
        totalExact={result.totalExact}
        href={(n) => staffListHref(values, n)}
      />
    </>
  );
}

/** Read-only: staff see the profile and who the members are. */
export function StaffProviderPage({ view }: { view: ProviderView }) {
  return (
    <>
      <p>
        <a href="/staff/providers">All course providers</a>
      </p>
      <h1>{view.provider.name}</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <ProviderDetails provider={view.provider} />
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <MembersTable members={view.members} />
      </section>
    </>
  );
}
