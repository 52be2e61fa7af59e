import { compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextArea, TextField } from '../../../views/forms.js';
import { deliveryLabels } from '../../courses/labels.js';
import type { OfferingRow } from '../offering-repository.js';
import { usStates } from '../us-states.js';
import type { MyApprovedCourse } from '../use-cases/list-my-approved-courses.js';
import type { ApprovedCourseView } from '../use-cases/view-approved-course.js';
import { dateRange, hoursLabel, placeOf } from './labels.js';

const base = '/provider/approved-courses';

export function ApprovedCoursesPage({ courses }: { courses: MyApprovedCourse[] }) {
  return (
    <>
      <p>
        <a href="/provider/courses">Course applications</a>
      </p>
      <h1>Approved courses</h1>
      <p>
        Your organisation’s approved courses as the public <a href="/catalog">course catalog</a> shows them.
        List each course’s sessions (dates, and online or where) so candidates can find one to take.
      </p>
      {courses.length === 0 ? (
        <p>
          Your organisation has no approved courses yet. Courses appear here once the program approves their
          application. <a href="/provider/courses">See your course applications</a>.
        </p>
      ) : (
        <table>
          <caption class="visually-hidden">Approved courses, newest approval first</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Organisation</th>
              <th scope="col">Approved until</th>
              <th scope="col">Upcoming sessions</th>
            </tr>
          </thead>
          <tbody>
            {courses.map(({ course: c, providerName, upcomingOfferings, lapsed }) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/${c.id}`}>{c.title}</a>
                  <br />
                  <span class="hint">{c.number}</span>
                </th>
                <td>{providerName}</td>
                <td>
                  {formatCalendarDate(c.approvalEndsOn)}
                  {lapsed && (
                    <>
                      {' '}
                      <span class="tag bad">Lapsed</span>
                    </>
                  )}
                </td>
                <td>{upcomingOfferings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export type OfferingValues = Record<string, string>;

export const offeringValues = (o: OfferingRow): OfferingValues => ({
  startsOn: o.startsOn,
  endsOn: o.endsOn,
  online: o.online ? 'yes' : 'no',
  city: o.city ?? '',
  state: o.state ?? '',
  notes: o.notes ?? '',
});

/** The session form, for adding and for changing one. */
export function OfferingForm(p: {
  action: string;
  csrfToken: string;
  values: OfferingValues;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref?: string;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Form action={p.action} csrfToken={p.csrfToken}>
      <TextField
        name="startsOn"
        label="First day"
        hint="For example 2027-03-01"
        type="date"
        value={v.startsOn}
        error={e.startsOn}
      />
      <TextField
        name="endsOn"
        label="Last day"
        hint="The same as the first day for a one-day session"
        type="date"
        value={v.endsOn}
        error={e.endsOn}
      />
      <ChoiceField
        name="online"
        legend="Where is it held?"
        options={[
          ['yes', 'Online'],
          ['no', 'In person'],
        ]}
        value={v.online}
        error={e.online}
        inline
      />
      <TextField
        name="city"
        label="Town or city"
        hint="For a session in person"
        width="medium"
        value={v.city}
        error={e.city}
      />
      <SelectField
        name="state"
        label="State"
        hint="For a session in person"
        options={usStates}
        placeholder="Choose a state"
        value={v.state}
        error={e.state}
      />
      <TextArea
        name="notes"
        label="Notes (optional)"
        hint="For example the venue, the days of the week, or who may enrol. Up to 1,000 characters."
        rows={3}
        value={v.notes}
        error={e.notes}
      />
      <div class="actions">
        <button type="submit">{p.submitLabel}</button>
        {p.cancelHref && <a href={p.cancelHref}>Cancel</a>}
      </div>
    </Form>
  );
}

export function ApprovedCoursePage(p: {
  view: ApprovedCourseView;
  csrfToken: string;
  values?: OfferingValues | undefined;
  errors?: FieldErrors | undefined;
  /** A refusal that belongs to no one field (the course lapsed meanwhile). */
  problem?: string | undefined;
}) {
  const { course: c, provider, set, offerings, lapsed, today } = p.view;
  const upcoming = offerings.filter((o) => compareDates(o.endsOn, today) >= 0);
  const past = offerings.filter((o) => compareDates(o.endsOn, today) < 0);
  return (
    <>
      <p>
        <a href={base}>All approved courses</a>
      </p>
      <h1>{c.title}</h1>
      <ErrorSummary errors={p.errors} />
      {p.problem && (
        <div class="error-summary" role="alert" aria-labelledby="problem-title" tabIndex={-1}>
          <h2 id="problem-title">That cannot be done</h2>
          <p>{p.problem}</p>
        </div>
      )}
      <dl class="summary">
        <div>
          <dt>Number</dt>
          <dd>{c.number}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd>{provider.name}</dd>
        </div>
        <div>
          <dt>Competency set</dt>
          <dd>
            {set.code} {set.title}
          </dd>
        </div>
        <div>
          <dt>How it is taught</dt>
          <dd>
            {deliveryLabels[c.delivery]}; {hoursLabel(c.contactHours)}
          </dd>
        </div>
        <div>
          <dt>Approved</dt>
          <dd>
            {formatCalendarDate(c.firstApprovedOn)} to {formatCalendarDate(c.approvalEndsOn)}
            {lapsed && (
              <>
                {' '}
                <span class="tag bad">Lapsed</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {lapsed ? (
        <p class="warning">
          The approval of this course has ended, so it is no longer in the catalog and cannot take new
          sessions.
        </p>
      ) : (
        <p>
          <a href={`/catalog/courses/${c.number}`}>See the course in the public catalog</a>
        </p>
      )}
      <h2>Sessions</h2>
      <OfferingsTable
        courseId={c.id}
        offerings={upcoming}
        csrfToken={p.csrfToken}
        empty="No upcoming sessions are listed."
      />
      {past.length > 0 && (
        <>
          <h3>Past sessions</h3>
          <OfferingsTable courseId={c.id} offerings={past} csrfToken={p.csrfToken} past empty="" />
        </>
      )}
      {!lapsed && (
        <>
          <h2>Add a session</h2>
          <OfferingForm
            action={`${base}/${c.id}/offerings`}
            csrfToken={p.csrfToken}
            values={p.values ?? {}}
            errors={p.errors}
            submitLabel="Add the session"
          />
        </>
      )}
    </>
  );
}

function OfferingsTable(p: {
  courseId: string;
  offerings: OfferingRow[];
  csrfToken: string;
  empty: string;
  past?: boolean;
}) {
  if (p.offerings.length === 0) return p.empty ? <p>{p.empty}</p> : null;
  return (
    <table>
      <caption class="visually-hidden">
        {p.past ? 'Past sessions' : 'Upcoming sessions, soonest first'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Dates</th>
          <th scope="col">Where</th>
          <th scope="col">Notes</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {p.offerings.map((o) => {
          const when = dateRange(o.startsOn, o.endsOn);
          return (
            <tr>
              <td>{when}</td>
              <td>{placeOf(o)}</td>
              <td>{o.notes ?? ''}</td>
              <td>
                {!p.past && (
                  <a href={`${base}/${p.courseId}/offerings/${o.id}/edit`}>
                    Change<span class="visually-hidden"> the session of {when}</span>
                  </a>
                )}
                <Form action={`${base}/${p.courseId}/offerings/${o.id}/delete`} csrfToken={p.csrfToken}>
                  <button type="submit" class="link-button">
                    Delete<span class="visually-hidden"> the session of {when}</span>
                  </button>
                </Form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
