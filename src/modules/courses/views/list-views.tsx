import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField } from '../../../views/forms.js';
import type { CompetencySet } from '../../policy/framework.js';
import type { ProviderRow } from '../../providers/repository.js';
import { statusLabels } from '../labels.js';
import type { CourseApplicationRow } from '../repository.js';

export function CourseListPage(p: {
  providers: ProviderRow[];
  applications: Array<CourseApplicationRow & { providerName: string }>;
}) {
  return (
    <>
      <h1>Course applications</h1>
      {p.providers.length === 0 ? (
        <p>
          Only members of a course provider can apply for course approval.{' '}
          <a href="/providers/register">Register your organisation</a> or ask its administrator to invite you.
        </p>
      ) : (
        <>
          <p>
            <a class="button" href="/provider/courses/new">
              Start a course application
            </a>
          </p>
          {p.applications.length === 0 ? (
            <p>Your organisation has no course applications yet.</p>
          ) : (
            <table>
              <caption class="visually-hidden">Your organisation’s course applications</caption>
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Number</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.applications.map((a) => (
                  <tr>
                    <td>
                      <a href={`/provider/courses/${a.id}`}>{a.title ?? 'Untitled course'}</a>
                    </td>
                    <td>{a.providerName}</td>
                    <td>{a.number ?? '—'}</td>
                    <td>{statusLabels[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

export function StartCoursePage(p: {
  csrfToken: string;
  providers: ProviderRow[];
  sets: CompetencySet[];
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  return (
    <>
      <h1>Start a course application</h1>
      <ErrorSummary errors={p.errors} />
      <p>
        An approved course covers every competency of one competency set. Choose the set; you then describe
        the course, map each competency to what the course teaches and how it is assessed, and upload the
        syllabus and the instructors’ résumés. Your answers are saved as you go.
      </p>
      <Form action="/provider/courses/new" csrfToken={p.csrfToken}>
        {p.providers.length > 1 && (
          <SelectField
            name="providerId"
            label="Organisation offering the course"
            options={p.providers.map((v) => [v.id, v.name] as const)}
            placeholder="Choose an organisation"
            value={p.values.providerId}
            error={p.errors?.providerId}
          />
        )}
        <SelectField
          name="setId"
          label="Competency set the course covers"
          options={p.sets.map((s) => [s.id, `${s.code} ${s.title}`] as const)}
          placeholder="Choose a competency set"
          value={p.values.setId}
          error={p.errors?.setId}
        />
        <button type="submit">Start the application</button>
      </Form>
    </>
  );
}
