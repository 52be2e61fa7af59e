import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { Form } from '../../../views/forms.js';
import { statusLabels } from '../labels.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';
import { ApprovalTag } from './list-views.js';

/** For a renewal: which approval it renews, and (while it can be changed) that files must be uploaded again. */
export function RenewalNotice({ v }: { v: CourseApplicationView }) {
  const a = v.application;
  if (!a.renewsApplicationId || !v.approval) return null;
  const original = v.approval.original;
  return (
    <div class="notice">
      <p>
        This application renews the approval of{' '}
        <a href={`/provider/courses/${original.id}`}>
          {original.number} {original.title}
        </a>
        . It started from the approved details{a.kind === 'bundle' ? ', courses' : ''} and competency map:
        check them and change what is no longer true.
        {a.kind === 'bundle' &&
          ' A renewal keeps the courses of the bundle: you can change their details but not add or remove courses.'}
      </p>
      {v.editable && (
        <p>
          Files are not copied from the approved application: upload the current syllabus and the instructors’
          résumés again.
        </p>
      )}
    </div>
  );
}

/** For an approved application: each course's approval periods and state, and "Apply to renew". */
export function ApprovalSection({ v, csrfToken }: { v: CourseApplicationView; csrfToken: string }) {
  const a = v.application;
  const ap = v.approval;
  if (a.status !== 'approved' || !ap || ap.courses.length === 0) return null;
  return (
    <>
      <h2>Approved courses</h2>
      <table>
        <caption>Approval of each course</caption>
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Approval periods</th>
            <th scope="col">Approval</th>
          </tr>
        </thead>
        <tbody>
          {ap.courses.map((c) => (
            <tr>
              <th scope="row">
                {c.number} {c.title}
              </th>
              <td>
                <ul>
                  {c.periods.map((p) => (
                    <li>
                      {formatCalendarDate(p.startsOn)} to {formatCalendarDate(p.endsOn)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ApprovalTag state={c.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Renewal</h2>
      {ap.endsOn &&
        (ap.state === 'lapsed' ? (
          <p>
            The approval ended on {formatCalendarDate(ap.endsOn)}, so the course is no longer listed in the
            catalog. Completions from while it was approved still count.
          </p>
        ) : (
          <p>The approval ends on {formatCalendarDate(ap.endsOn)}.</p>
        ))}
      {ap.openRenewal ? (
        <p>
          A renewal is in progress:{' '}
          <a href={`/provider/courses/${ap.openRenewal.id}`}>
            {ap.openRenewal.number ?? 'the draft renewal'}
          </a>{' '}
          ({statusLabels[ap.openRenewal.status].toLowerCase()}).
        </p>
      ) : ap.canRenew && v.member ? (
        <>
          <p>
            A renewal starts from the approved details{a.kind === 'bundle' ? ', courses' : ''} and competency
            map. You upload the syllabus and résumés again, pay the course approval renewal fee, and it is
            evaluated like the first application.
          </p>
          <Form action={`/provider/courses/${a.id}/renew`} csrfToken={csrfToken}>
            <button type="submit">Apply to renew</button>
          </Form>
        </>
      ) : (
        ap.renewalOpensOn &&
        !ap.canRenew && <p>You can apply to renew from {formatCalendarDate(ap.renewalOpensOn)}.</p>
      )}
    </>
  );
}
