import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../views/format.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import { libraryTypeLabels, libraryTypes } from '../../applications/forms.js';
import type { PendingHours, ProvisionalHoursRow } from '../claims-repository.js';
import type { MyHoursView } from '../use-cases/provisional-hours.js';

const entryStatus = {
  pending: 'Waiting for staff',
  confirmed: 'Confirmed',
  rejected: 'Not confirmed',
} as const;
const hoursOf = (e: ProvisionalHoursRow) =>
  e.hoursPerWeek !== null
    ? `${formatNumber(Number(e.hoursPerWeek), 2)} per week`
    : `${formatNumber(e.totalHours ?? 0)} in total`;
const period = (e: ProvisionalHoursRow) =>
  `${formatDate(e.startDate)} to ${e.endDate ? formatDate(e.endDate) : 'now'}`;

/** The provisional holder's hours: what counts, what is missing and by when, and a form to report work. */
export function MyHoursPage(p: {
  v: MyHoursView;
  csrfToken: string;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const val = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <>
      <p>
        <a href="/my-certification">Your certification</a>
      </p>
      <h1>Library work for your certification</h1>
      {v.status === 'provisional' ? (
        <p>
          Your certification {v.number} is provisional. {formatNumber(v.countedHours, 2)} of the{' '}
          {formatNumber(v.requiredHours)} hours count so far.
          {v.standing?.kind === 'short' &&
            ` Report the work you do; when staff have confirmed ${formatNumber(v.standing.hoursMissing, 2)} more hours by ${formatDate(v.standing.until)}, it becomes a full certification.`}
          {v.standing?.kind === 'lapsed' &&
            ` The time to complete the hours ended on ${formatDate(v.standing.until)}. Contact program staff about what you can do.`}
        </p>
      ) : (
        <p>Your certification {v.number} is a full certification: you have the hours the program asks for.</p>
      )}
      {v.entries.length > 0 && (
        <table>
          <caption>Work you reported</caption>
          <thead>
            <tr>
              <th scope="col">Library</th>
              <th scope="col">When</th>
              <th scope="col">Hours</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {v.entries.map((x) => (
              <tr key={x.id}>
                <td>{x.library}</td>
                <td>{period(x)}</td>
                <td>{hoursOf(x)}</td>
                <td>{entryStatus[x.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.status === 'provisional' && (
        <>
          <h2>Report library work</h2>
          <ErrorSummary errors={p.errors} />
          <Form action="/my-certification/hours" csrfToken={p.csrfToken}>
            <TextField name="library" label="Library" value={val.library} error={e.library} />
            <SelectField
              name="libraryType"
              label="Type of library"
              options={libraryTypes.map((t) => [t, libraryTypeLabels[t]] as const)}
              placeholder="Choose a type"
              value={val.libraryType}
              error={e.libraryType}
            />
            <TextField
              name="position"
              label="Your position or role"
              value={val.position}
              error={e.position}
            />
            <ChoiceField
              name="paid"
              legend="Was this paid work or volunteer work?"
              options={[
                ['paid', 'Paid'],
                ['volunteer', 'Volunteer'],
              ]}
              value={val.paid}
              error={e.paid}
              inline
            />
            <TextField
              name="startDate"
              label="Start date"
              hint="For example, 2027-03-15."
              type="date"
              value={val.startDate}
              error={e.startDate}
              width="medium"
            />
            <TextField
              name="endDate"
              label="End date"
              hint="Leave empty if you still work there."
              type="date"
              value={val.endDate}
              error={e.endDate}
              width="medium"
            />
            <TextField
              name="hoursPerWeek"
              label="Hours per week"
              hint="Give this or the total hours."
              inputMode="decimal"
              value={val.hoursPerWeek}
              error={e.hoursPerWeek}
              width="short"
            />
            <TextField
              name="totalHours"
              label="Total hours"
              inputMode="numeric"
              value={val.totalHours}
              error={e.totalHours}
              width="short"
            />
            <button type="submit">Report this work</button>
          </Form>
        </>
      )}
    </>
  );
}

/** Staff: reported work of provisional holders, waiting to be confirmed. */
export function PendingHoursPage(p: { items: PendingHours[]; csrfToken: string }) {
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Library work of provisional holders</h1>
      {p.items.length === 0 ? (
        <p>Nothing is waiting.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Reported work waiting to be confirmed</caption>
          <thead>
            <tr>
              <th scope="col">Holder</th>
              <th scope="col">Library and position</th>
              <th scope="col">When</th>
              <th scope="col">Hours</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map(({ entry, holder, number }) => (
              <tr key={entry.id}>
                <td>
                  {holder.displayName} ({number})
                </td>
                <td>
                  {entry.library}, {entry.position} ({entry.paid ? 'paid' : 'volunteer'})
                </td>
                <td>{period(entry)}</td>
                <td>{hoursOf(entry)}</td>
                <td>
                  <Form action={`/staff/provisional-hours/${entry.id}/confirm`} csrfToken={p.csrfToken}>
                    <button type="submit">
                      Confirm
                      <span class="visually-hidden">
                        {' '}
                        the work at {entry.library} of {holder.displayName}
                      </span>
                    </button>
                  </Form>
                  <Form action={`/staff/provisional-hours/${entry.id}/reject`} csrfToken={p.csrfToken}>
                    <button type="submit" class="secondary">
                      Do not confirm
                      <span class="visually-hidden">
                        {' '}
                        the work at {entry.library} of {holder.displayName}
                      </span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
