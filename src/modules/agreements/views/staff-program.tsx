import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import type { CompetencySet } from '../../policy/framework.js';
import { awardLabels, awardOptions } from '../forms.js';
import type { CourseRow } from '../repository.js';
import { describeMissing } from '../rules/coverage.js';
import type { ProgramView } from '../use-cases/view-agreements-staff.js';
import { CoverageTag, windowText } from './labels.js';

export type Values = Record<string, string | string[]>;

/** Which form on the page the values and errors belong to. */
export type ProgramForm = 'details' | 'course' | 'sign' | 'end';

const setOptions = (sets: CompetencySet[]) =>
  sets.map((s) => [s.id, `${s.title} (${s.required ? 'required' : 'elective'})`] as const);

const titlesOf = (sets: CompetencySet[], ids: string[]) =>
  sets.filter((s) => ids.includes(s.id)).map((s) => s.title);

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export function CourseFields(p: { sets: CompetencySet[]; values: Values; errors: FieldErrors }) {
  const v = p.values;
  return (
    <>
      <TextField name="code" label="Course code" width="short" value={str(v.code)} error={p.errors.code} />
      <TextField name="title" label="Course title" value={str(v.title)} error={p.errors.title} />
      <ChoiceField
        name="setIds"
        legend="Competency sets the course covers"
        hint="Tick every set the course covers in full. Leave them all empty if it covers none."
        type="checkbox"
        options={setOptions(p.sets)}
        value={Array.isArray(v.setIds) ? v.setIds : v.setIds ? [v.setIds] : []}
        error={p.errors.setIds}
      />
    </>
  );
}

export function ProgramPage(p: {
  view: ProgramView;
  csrfToken: string;
  form?: ProgramForm | undefined;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { college, program, courses, coverage, sets, agreements, inForce } = p.view;
  const valuesFor = (f: ProgramForm): Values => (p.form === f ? (p.values ?? {}) : {});
  const errorsFor = (f: ProgramForm): FieldErrors => (p.form === f ? (p.errors ?? {}) : {});
  const details = p.form === 'details' ? (p.values ?? {}) : { name: program.name, award: program.award };
  const missing = describeMissing(coverage);
  return (
    <>
      <p>
        <a href={`/staff/colleges/${college.id}`}>{college.name}</a>
      </p>
      <h1>
        {program.name} ({awardLabels[program.award]})
      </h1>
      <ErrorSummary errors={p.errors} />
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage of the required courses</h2>
        <p>
          <CoverageTag kind={coverage.kind} />
        </p>
        <p>
          Covers{' '}
          {coverage.coveredSetIds.length === 0
            ? 'no competency sets yet'
            : titlesOf(sets, coverage.coveredSetIds).join(', ')}
          . {coverage.electivesCovered} of the {coverage.electivesNeeded} electives needed.
        </p>
        {missing && <p>{missing}</p>}
      </section>
      <section aria-labelledby="courses-title">
        <h2 id="courses-title">Required courses</h2>
        {courses.length === 0 ? (
          <p>No courses yet.</p>
        ) : (
          <table>
            <caption class="visually-hidden">Required courses and the sets they cover</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Title</th>
                <th scope="col">Sets covered</th>
                <th scope="col">
                  <span class="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c: CourseRow) => (
                <tr key={c.id}>
                  <td>{c.code}</td>
                  <td>{c.title}</td>
                  <td>{c.setIds.length === 0 ? 'None' : titlesOf(sets, c.setIds).join(', ')}</td>
                  <td>
                    <a href={`/staff/programs/${program.id}/courses/${c.id}`}>
                      Change<span class="visually-hidden"> {c.code}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Add a required course</h3>
        <Form action={`/staff/programs/${program.id}/courses`} csrfToken={p.csrfToken}>
          <CourseFields sets={sets} values={valuesFor('course')} errors={errorsFor('course')} />
          <button type="submit">Add the course</button>
        </Form>
      </section>
      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">Agreements</h2>
        {agreements.length === 0 && <p>No agreement has been signed for this program.</p>}
        {agreements.length > 0 && (
          <ul>
            {agreements.map((a) => (
              <li key={a.id}>
                {a.reference}: <CoverageTag kind={a.coverage} /> {windowText(a)}.{' '}
                {a.status === 'ended' ? 'Ended.' : 'In force.'} Covers{' '}
                {titlesOf(sets, a.coveredSetIds).join(', ')}.
              </li>
            ))}
          </ul>
        )}
        {inForce ? (
          <>
            <h3>End agreement {inForce.reference}</h3>
            <Form action={`/staff/agreements/${inForce.id}/end`} csrfToken={p.csrfToken}>
              <TextField
                name="endsOn"
                label="Last graduation date the agreement covers"
                hint="Graduates up to this day still count. For example 2027-05-15"
                type="date"
                value={str(valuesFor('end').endsOn)}
                error={errorsFor('end').endsOn}
              />
              <button type="submit">End the agreement</button>
            </Form>
          </>
        ) : (
          <>
            <h3>Sign an agreement</h3>
            <p>
              The agreement covers the sets listed above as they are when you sign. Changing the courses later
              does not change a signed agreement.
            </p>
            <Form action={`/staff/programs/${program.id}/agreements`} csrfToken={p.csrfToken}>
              <TextField
                name="effectiveFrom"
                label="Effective graduation date"
                hint="Graduates on or after this day count. For example 2026-05-15"
                type="date"
                value={str(valuesFor('sign').effectiveFrom)}
                error={errorsFor('sign').effectiveFrom}
              />
              <TextField
                name="endsOn"
                label="Last graduation date (optional)"
                hint="Leave empty if the agreement has no end yet"
                type="date"
                value={str(valuesFor('sign').endsOn)}
                error={errorsFor('sign').endsOn}
              />
              <button type="submit">Sign the agreement</button>
            </Form>
          </>
        )}
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">Program details</h2>
        <Form action={`/staff/programs/${program.id}`} csrfToken={p.csrfToken}>
          <TextField
            name="name"
            label="Name of the program"
            value={str(details.name)}
            error={errorsFor('details').name}
          />
          <SelectField
            name="award"
            label="What graduates are awarded"
            options={awardOptions}
            placeholder="Choose one"
            value={str(details.award)}
            error={errorsFor('details').award}
          />
          <button type="submit">Save the program details</button>
        </Form>
      </section>
    </>
  );
}

export function CoursePage(p: {
  view: ProgramView;
  course: CourseRow;
  csrfToken: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { program, sets } = p.view;
  const values = p.values ?? { code: p.course.code, title: p.course.title, setIds: p.course.setIds };
  return (
    <>
      <p>
        <a href={`/staff/programs/${program.id}`}>{program.name}</a>
      </p>
      <h1>Course {p.course.code}</h1>
      <ErrorSummary errors={p.errors} />
      <Form action={`/staff/programs/${program.id}/courses/${p.course.id}`} csrfToken={p.csrfToken}>
        <CourseFields sets={sets} values={values} errors={p.errors ?? {}} />
        <button type="submit">Save the course</button>
      </Form>
      <h2>Remove the course</h2>
      <Form action={`/staff/programs/${program.id}/courses/${p.course.id}/remove`} csrfToken={p.csrfToken}>
        <button type="submit" class="secondary">
          Remove {p.course.code}
        </button>
      </Form>
    </>
  );
}
