import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import { awardLabels, awardOptions, collegeCountries } from '../forms.js';
import type { CollegeListItem, CollegeRow } from '../repository.js';
import type { CollegeView } from '../use-cases/view-agreements-staff.js';
import { placeOf } from './labels.js';

export type Values = Record<string, string>;

export const collegeValues = (c: CollegeRow): Values => ({
  name: c.name,
  region: c.region ?? '',
  country: c.country,
  website: c.website ?? '',
  contactEmail: c.contactEmail,
});

export function CollegesPage({ colleges }: { colleges: CollegeListItem[] }) {
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Colleges and recognition agreements</h1>
      <p>
        <a href="/staff/colleges/new">Add a college</a> · <a href="/agreements">Public list of agreements</a>
      </p>
      {colleges.length === 0 ? (
        <p>No colleges yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Colleges</caption>
          <thead>
            <tr>
              <th scope="col">College</th>
              <th scope="col">Where</th>
              <th scope="col">Programs</th>
            </tr>
          </thead>
          <tbody>
            {colleges.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/staff/colleges/${c.id}`}>{c.name}</a>
                </td>
                <td>{placeOf(c)}</td>
                <td>{c.programs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The college's details: the same fields when adding and when editing. */
export function CollegeForm(p: {
  title: string;
  action: string;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <p>
        <a href={p.cancelHref}>Back</a>
      </p>
      <h1>{p.title}</h1>
      <ErrorSummary errors={p.errors} />
      <Form action={p.action} csrfToken={p.csrfToken}>
        <TextField name="name" label="Name of the college" value={v.name} error={e.name} />
        <SelectField
          name="country"
          label="Country"
          options={collegeCountries}
          placeholder="Choose a country"
          value={v.country ?? 'US'}
          error={e.country}
        />
        <TextField
          name="region"
          label="State, province or region (optional)"
          hint="For example IL or Ontario"
          width="medium"
          value={v.region}
          error={e.region}
        />
        <TextField
          name="website"
          label="Website (optional)"
          hint="Starts with https://, like https://college.example.edu"
          value={v.website}
          error={e.website}
        />
        <TextField
          name="contactEmail"
          label="Contact email address"
          hint="Who at the college the program deals with about the agreement"
          type="email"
          value={v.contactEmail}
          error={e.contactEmail}
        />
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href={p.cancelHref}>Cancel</a>
        </div>
      </Form>
    </>
  );
}

export function CollegePage(p: {
  view: CollegeView;
  csrfToken: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { college, programs } = p.view;
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <>
      <p>
        <a href="/staff/colleges">All colleges</a>
      </p>
      <h1>{college.name}</h1>
      <ErrorSummary errors={p.errors} />
      <dl class="summary">
        <div>
          <dt>Where</dt>
          <dd>{placeOf(college)}</dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            <a href={`mailto:${college.contactEmail}`}>{college.contactEmail}</a>
          </dd>
        </div>
        {college.website && (
          <div>
            <dt>Website</dt>
            <dd>{college.website}</dd>
          </div>
        )}
      </dl>
      <p>
        <a href={`/staff/colleges/${college.id}/edit`}>Change the college's details</a>
      </p>
      <h2>Programs</h2>
      {programs.length === 0 ? (
        <p>No programs yet.</p>
      ) : (
        <ul>
          {programs.map((pr) => (
            <li key={pr.id}>
              <a href={`/staff/programs/${pr.id}`}>{pr.name}</a> ({awardLabels[pr.award]})
            </li>
          ))}
        </ul>
      )}
      <h2>Add a program</h2>
      <Form action={`/staff/colleges/${college.id}/programs`} csrfToken={p.csrfToken}>
        <TextField name="name" label="Name of the program" value={v.name} error={e.name} />
        <SelectField
          name="award"
          label="What graduates are awarded"
          options={awardOptions}
          placeholder="Choose one"
          value={v.award}
          error={e.award}
        />
        <button type="submit">Add the program</button>
      </Form>
    </>
  );
}
