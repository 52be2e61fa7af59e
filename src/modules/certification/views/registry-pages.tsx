import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, Pagination, SelectField, TextField } from '../../../views/forms.js';
import { usStates } from '../../catalog/us-states.js';
import { standingLabel } from '../rules/standing.js';
import type { RegistryChoice } from '../use-cases/registry-listing.js';
import type { RegistryPage } from '../use-cases/search-registry.js';
import { StandingTag } from './verification-pages.js';

const stateName = new Map(usStates);

export function registryHref(q: { name?: string | undefined; state?: string | undefined }, page = 1): string {
  const params = new URLSearchParams();
  if (q.name) params.set('name', q.name);
  if (q.state) params.set('state', q.state);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/registry?${s}` : '/registry';
}

export function RegistrySearchPage(p: {
  result?: RegistryPage;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const r = p.result;
  const filtered = !!(r?.query.name || r?.query.state);
  return (
    <>
      {p.errors && <ErrorSummary errors={p.errors} />}
      <h1>Registry of certified staff</h1>
      <p>
        Certified Library Support Staff who chose to be listed. Only certifications in good standing are
        shown. To check one person, use their <a href="/verify">certificate number</a>.
      </p>
      <form method="get" action="/registry" novalidate>
        <TextField
          name="name"
          label="Name"
          hint="The start of a first or last name, for example “Oka”"
          value={p.values.name ?? ''}
          error={p.errors?.name}
          autocomplete="off"
        />
        <SelectField
          name="state"
          label="State"
          options={usStates}
          placeholder="Any state"
          value={p.values.state ?? ''}
          error={p.errors?.state}
        />
        <button type="submit">Search</button>
      </form>
      {r && (
        <>
          <h2>
            {r.total === 0 ? 'No one found' : `${r.total} ${r.total === 1 ? 'person' : 'people'} found`}
          </h2>
          {r.total === 0 ? (
            <p>
              {filtered
                ? 'No listed holder matches your search. Try fewer letters of the name, or any state.'
                : 'No one is listed in the registry yet.'}{' '}
              Not everyone chooses to be listed: a certificate number can always be checked on the{' '}
              <a href="/verify">certificate check</a> page.
            </p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                  <th scope="col">Certificate</th>
                  <th scope="col">Standing</th>
                </tr>
              </thead>
              <tbody>
                {r.entries.map((e) => (
                  <tr>
                    <td>{e.name}</td>
                    <td>{e.state ? (stateName.get(e.state) ?? e.state) : 'Not given'}</td>
                    <td>
                      <a href={`/verify/${e.number}`}>{e.number}</a>
                    </td>
                    <td>
                      <StandingTag standing={e.standing} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination
            page={r.page}
            pageSize={r.pageSize}
            total={r.total}
            href={(n) => registryHref(r.query, n)}
          />
        </>
      )}
    </>
  );
}

export function RegistryChoicePage(p: {
  choice: RegistryChoice;
  csrfToken: string;
  error?: string | undefined;
}) {
  const { choice } = p;
  return (
    <>
      {p.error && <ErrorSummary errors={{ listed: p.error }} />}
      <h1>The public registry</h1>
      <p>
        The <a href="/registry">registry of certified staff</a> lets employers and the public find certified
        people by name and state. Being listed is your choice, and you can change it at any time.
      </p>
      <h2>What the registry shows about you</h2>
      <dl class="summary">
        <dt>Name</dt>
        <dd>{choice.shown.name}</dd>
        <dt>State</dt>
        <dd>
          {choice.shown.state ? (stateName.get(choice.shown.state) ?? choice.shown.state) : 'Not given'}
        </dd>
        <dt>Certificate number</dt>
        <dd>{choice.shown.number}</dd>
        <dt>Standing</dt>
        <dd>{standingLabel[choice.shown.standing]}</dd>
      </dl>
      <p>Nothing else: not your email, address or employer.</p>
      {choice.listed && !choice.visibleNow && (
        <p>
          Your certification is not in good standing now, so you are not shown in the registry even though you
          chose to be listed.
        </p>
      )}
      <Form action="/certification/registry" csrfToken={p.csrfToken}>
        <ChoiceField
          name="listed"
          legend="Do you want to be listed in the public registry?"
          options={[
            ['yes', 'Yes, list me'],
            ['no', 'No, do not list me'],
          ]}
          value={choice.listed ? 'yes' : 'no'}
          error={p.error}
        />
        <button type="submit">Save my choice</button>
      </Form>
    </>
  );
}

export function NoCertificationPage() {
  return (
    <>
      <h1>The public registry</h1>
      <p>
        You do not hold a certification yet, so there is nothing to list. Once you are certified, you can
        choose here whether to be listed in the <a href="/registry">registry of certified staff</a>.
      </p>
      <p>
        <a href="/dashboard">Go to my certification progress</a>
      </p>
    </>
  );
}
