import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField } from '../../../views/forms.js';
import type { CompetencySet } from '../../policy/framework.js';
import type { ProviderRow } from '../../providers/repository.js';
import type { CourseRow } from '../approved-course-repository.js';
import { approvalStateLabels, kindLabels, statusLabels } from '../labels.js';
import type { CourseApplicationRow } from '../repository.js';
import type { ApprovalState } from '../rules/approval.js';

export const ApprovalTag = ({ state }: { state: ApprovalState }) => (
  <span class={state === 'current' ? 'tag ok' : 'tag'}>{approvalStateLabels[state]}</span>
);

/** The approved courses in the catalog, each with its approval end and whether it ends soon or lapsed. */
function ApprovedCourses({ courses }: { courses: Array<CourseRow & { state: ApprovalState }> }) {
  if (courses.length === 0) return null;
  return (
    <>
      <h2>Approved courses</h2>
      <p>
        A course stays in the catalog until its approval ends. You can apply to renew it from six months
        before then, from the course application that approved it.
      </p>
      <table>
        <caption class="visually-hidden">Your organisation’s approved courses</caption>
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Approved until</th>
            <th scope="col">Approval</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((c) => (
            <tr>
              <td>
                <a href={`/provider/courses/${c.applicationId}`}>
                  {c.number} {c.title}
                </a>
              </td>
              <td>{formatCalendarDate(c.approvalEndsOn)}</td>
              <td>
                <ApprovalTag state={c.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CourseListPage(p: {
  providers: ProviderRow[];
  applications: Array<CourseApplicationRow & { providerName: string }>;
  courses: Array<CourseRow & { state: ApprovalState }>;
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
          <p>
            <a href="/provider/approved-courses">Approved courses and their sessions</a>: add dates and places
            where each course runs; they show in the public catalog.
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
                      {a.kind === 'bundle' && ' (bundle)'}
                      {a.renewsApplicationId && ' (renewal)'}
                    </td>
                    <td>{a.providerName}</td>
                    <td>{a.number ?? '—'}</td>
                    <td>{statusLabels[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ApprovedCourses courses={p.courses} />
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
      <p>
        When no single course covers the whole set, apply for a bundle: two or more courses that together
        cover it. Each course of the bundle is listed in the catalog, and a candidate achieves the set once
        they have completed all of them.
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
        <ChoiceField
          name="kind"
          legend="What are you applying for?"
          options={[
            ['course', `${kindLabels.course} that covers the whole set`],
            ['bundle', `${kindLabels.bundle} that together cover the set`],
          ]}
          value={p.values.kind || 'course'}
          error={p.errors?.kind}
        />
        <button type="submit">Start the application</button>
      </Form>
    </>
  );
}
