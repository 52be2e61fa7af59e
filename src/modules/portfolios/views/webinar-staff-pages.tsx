import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, Pagination, SelectField, TextArea, TextField } from '../../../views/forms.js';
import { formatDuration, formatWebinarTime, webinarTimeZones } from '../rules/webinar-time.js';
import type { WebinarRow } from '../webinar-repository.js';
import { calendarHref } from './webinar-parts.js';

export const WEBINARS_BASE = '/staff/portfolios/webinars';

/** Staff's list of webinars: upcoming (soonest first) or past (most recent first). */
export function StaffWebinarListPage(p: {
  items: WebinarRow[];
  total: number;
  page: number;
  pageSize: number;
  when: 'upcoming' | 'past';
}) {
  const other = p.when === 'upcoming' ? 'past' : 'upcoming';
  return (
    <>
      <p>
        <a href="/staff">Back to the staff home page</a>
      </p>
      <h1>{p.when === 'upcoming' ? 'Portfolio webinars' : 'Past portfolio webinars'}</h1>
      <p class="actions">
        <a class="button" href={`${WEBINARS_BASE}/new`}>
          Add a webinar
        </a>
        <a href={`${WEBINARS_BASE}?when=${other}`}>
          {other === 'past' ? 'Past webinars' : 'Upcoming webinars'}
        </a>
        <a href="/portfolios/webinars">The list candidates see</a>
      </p>
      {p.items.length === 0 ? (
        <p>{p.when === 'upcoming' ? 'No webinars are scheduled.' : 'No webinars have taken place yet.'}</p>
      ) : (
        <table>
          <caption>{p.when === 'upcoming' ? 'Upcoming, soonest first' : 'Past, most recent first'}</caption>
          <thead>
            <tr>
              <th scope="col">Webinar</th>
              <th scope="col">When</th>
              <th scope="col">Length</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((w) => (
              <tr>
                <th scope="row">{w.title}</th>
                <td>{formatWebinarTime(w.startsAt, w.timeZone)}</td>
                <td>{formatDuration(w.durationMinutes)}</td>
                <td>
                  {p.when === 'upcoming' && (
                    <>
                      <a href={`${WEBINARS_BASE}/${w.id}`}>Change “{w.title}”</a> ·{' '}
                    </>
                  )}
                  <a href={`${WEBINARS_BASE}/${w.id}/remove`}>Remove “{w.title}”</a> ·{' '}
                  <a href={calendarHref(w.id)}>Calendar file</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `${WEBINARS_BASE}?when=${p.when}&page=${n}`}
      />
    </>
  );
}

/** Add or change a webinar. */
export function WebinarFormPage(p: {
  webinar?: WebinarRow | undefined;
  csrfToken: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <p>
        <a href={WEBINARS_BASE}>Back to the webinars</a>
      </p>
      <h1>{p.webinar ? `Change “${p.webinar.title}”` : 'Add a portfolio webinar'}</h1>
      <ErrorSummary errors={p.errors} />
      <Form action={p.webinar ? `${WEBINARS_BASE}/${p.webinar.id}` : WEBINARS_BASE} csrfToken={p.csrfToken}>
        <TextField name="title" label="Title" value={v.title} error={e.title} width="long" />
        <TextArea
          name="description"
          label="Description (optional)"
          hint="What the webinar covers and who it is for."
          value={v.description}
          error={e.description}
        />
        <TextField
          name="date"
          label="Date"
          type="date"
          hint="The date in the webinar’s time zone, like 2027-01-12."
          value={v.date}
          error={e.date}
        />
        <TextField
          name="time"
          label="Start time"
          hint="In the webinar’s time zone, like 14:00 or 2:00 pm."
          value={v.time}
          error={e.time}
          width="short"
        />
        <SelectField
          name="timeZone"
          label="Time zone"
          placeholder="Choose a time zone"
          options={webinarTimeZones}
          value={v.timeZone}
          error={e.timeZone}
        />
        <TextField
          name="durationMinutes"
          label="Length in minutes"
          inputMode="numeric"
          hint="For example 60 for an hour."
          value={v.durationMinutes}
          error={e.durationMinutes}
          width="short"
        />
        <TextField
          name="registrationUrl"
          label="Registration link"
          hint="The full https:// address where people sign up."
          value={v.registrationUrl}
          error={e.registrationUrl}
          width="long"
        />
        <button type="submit">{p.webinar ? 'Save the changes' : 'Add the webinar'}</button>
      </Form>
    </>
  );
}

/** Ask before removing: the webinar disappears from the candidates' list. */
export function RemoveWebinarPage(p: { webinar: WebinarRow; csrfToken: string }) {
  const w = p.webinar;
  return (
    <>
      <p>
        <a href={WEBINARS_BASE}>Back to the webinars</a>
      </p>
      <h1>Remove “{w.title}”?</h1>
      <p>
        {formatWebinarTime(w.startsAt, w.timeZone)}, {formatDuration(w.durationMinutes)}. It will no longer be
        shown to candidates. People who already registered are not told: tell them yourself if it is
        cancelled.
      </p>
      <Form action={`${WEBINARS_BASE}/${w.id}/remove`} csrfToken={p.csrfToken}>
        <div class="actions">
          <button type="submit">Remove the webinar</button>
          <a href={WEBINARS_BASE}>Keep it</a>
        </div>
      </Form>
    </>
  );
}
