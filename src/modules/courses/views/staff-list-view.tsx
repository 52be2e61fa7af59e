import { Pagination, SelectField } from '../../../views/forms.js';
import { statusLabels } from '../labels.js';
import type { CourseApplicationRow } from '../repository.js';
import type { CourseApplicationStatus } from '../schema.js';

/** Submitted course applications for staff; those with an evaluation past its due day are marked. */
export function StaffCourseListPage(p: {
  items: Array<CourseApplicationRow & { providerName: string; overdueEvaluations: number }>;
  total: number;
  page: number;
  pageSize: number;
  status: CourseApplicationStatus | null;
  statuses: readonly CourseApplicationStatus[];
}) {
  const query = (page: number) =>
    `/staff/course-applications?${p.status ? `status=${p.status}&` : ''}page=${page}`;
  return (
    <>
      <h1>Course applications</h1>
      <form method="get" action="/staff/course-applications">
        <SelectField
          name="status"
          label="Status"
          value={p.status ?? ''}
          placeholder="Any status"
          options={p.statuses.map((s) => [s, statusLabels[s]] as const)}
        />
        <button type="submit">Filter</button>
      </form>
      {p.items.length === 0 ? (
        <p>No course applications match.</p>
      ) : (
        <table>
          <caption>Course applications, oldest submission first</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Course</th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/course-applications/${a.id}`}>{a.number}</a>
                </th>
                <td>
                  {a.title}
                  {a.kind === 'bundle' && ' (bundle)'}
                  {a.renewsApplicationId && ' (renewal)'}
                </td>
                <td>{a.providerName}</td>
                <td>
                  {statusLabels[a.status]}
                  {a.overdueEvaluations > 0 && (
                    <>
                      {' '}
                      <span class="tag">
                        {a.overdueEvaluations === 1
                          ? 'Evaluation overdue'
                          : `${a.overdueEvaluations} evaluations overdue`}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={p.page} pageSize={p.pageSize} total={p.total} href={query} />
    </>
  );
}
