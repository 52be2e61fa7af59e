import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatNumber } from '../../../views/format.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import { type LibraryType, libraryTypeLabels } from '../forms.js';
import type { ExperienceRow } from '../repository.js';
import type { EligibilityResult } from '../rules/eligibility.js';
import { libraryTypeOptions, type Values } from './section-forms.js';

const hours = (n: number) => formatNumber(n, 2);

export function experienceValues(row: ExperienceRow): Values {
  return {
    library: row.library,
    libraryType: row.libraryType,
    position: row.position,
    paid: row.paid ? 'paid' : 'volunteer',
    startDate: row.startDate,
    endDate: row.endDate ?? '',
    stillWorking: row.endDate === null ? 'yes' : '',
    hoursPerWeek: row.hoursPerWeek === null ? '' : String(row.hoursPerWeek),
    totalHours: row.totalHours === null ? '' : String(row.totalHours),
  };
}

export function EligibilityTotal({ eligibility }: { eligibility: EligibilityResult }) {
  const short = Math.max(0, eligibility.requiredHours - eligibility.countedHours);
  return (
    <div class={eligibility.countedHours >= eligibility.requiredHours ? 'notice' : 'warning'}>
      <p>
        <strong>
          Hours that count: {hours(eligibility.countedHours)} of the {hours(eligibility.requiredHours)}{' '}
          needed.
        </strong>{' '}
        Work done between {formatCalendarDate(eligibility.window.from)} and{' '}
        {formatCalendarDate(eligibility.window.to)} counts.
      </p>
      {short > 0 && (
        <p>
          You need {hours(short)} more {short === 1 ? 'hour' : 'hours'}.
        </p>
      )}
    </div>
  );
}

export function ExperienceTable(p: {
  entries: ExperienceRow[];
  eligibility: EligibilityResult;
  csrfToken?: string | undefined;
  editable: boolean;
}) {
  if (p.entries.length === 0) return <p>You have not added any library work yet.</p>;
  let running = 0;
  return (
    <table>
      <caption>Your library work</caption>
      <thead>
        <tr>
          <th scope="col">Library and position</th>
          <th scope="col">Dates</th>
          <th scope="col">Hours given</th>
          <th scope="col">Hours that count</th>
          <th scope="col">Running total</th>
          {p.editable && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {p.entries.map((e, i) => {
          const assessed = p.eligibility.entries[i];
          running += assessed?.countedHours ?? 0;
          return (
            <tr>
              <td>
                <strong>{e.library}</strong>
                <br />
                {e.position} · {e.paid ? 'Paid' : 'Volunteer'} ·{' '}
                {libraryTypeLabels[e.libraryType as LibraryType] ?? e.libraryType}
                {assessed?.errors.map((err) => (
                  <p class="error-message">{err.message}</p>
                ))}
              </td>
              <td>
                {formatCalendarDate(e.startDate)} to {e.endDate ? formatCalendarDate(e.endDate) : 'now'}
              </td>
              <td>
                {e.hoursPerWeek !== null
                  ? `${hours(Number(e.hoursPerWeek))} a week`
                  : `${hours(e.totalHours ?? 0)} in total`}
              </td>
              <td>
                {hours(assessed?.countedHours ?? 0)}
                {assessed?.outsideWindow && <p class="hint">Before the 5-year window</p>}
              </td>
              <td>
                {hours(Math.round(running * 100) / 100)} of {hours(p.eligibility.requiredHours)}
              </td>
              {p.editable && (
                <td>
                  <a href={`/application/experience/${e.id}/edit`}>
                    Change<span class="visually-hidden"> {e.library}</span>
                  </a>
                  <Form action={`/application/experience/${e.id}/remove`} csrfToken={p.csrfToken ?? ''}>
                    <button type="submit" class="link-button">
                      Remove<span class="visually-hidden"> {e.library}</span>
                    </button>
                  </Form>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ExperienceForm(p: {
  action: string;
  heading: string;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <p class="hint">Your application: section 3 of 5</p>
      <h1>{p.heading}</h1>
      <ErrorSummary errors={p.errors} />
      <Form action={p.action} csrfToken={p.csrfToken}>
        <TextField name="library" label="Library" value={v.library} error={e.library} />
        <SelectField
          name="libraryType"
          label="Type of library"
          options={libraryTypeOptions}
          placeholder="Choose a type"
          value={v.libraryType}
          error={e.libraryType}
        />
        <TextField name="position" label="Your position or role" value={v.position} error={e.position} />
        <ChoiceField
          name="paid"
          legend="Was this paid work or volunteer work?"
          hint="Both count."
          options={[
            ['paid', 'Paid'],
            ['volunteer', 'Volunteer'],
          ]}
          value={v.paid}
          error={e.paid}
          inline
        />
        <TextField
          name="startDate"
          label="Start date"
          hint="For example, 2023-03-15."
          type="date"
          value={v.startDate}
          error={e.startDate}
          width="medium"
        />
        <TextField
          name="endDate"
          label="End date"
          hint="Leave empty if you still work here."
          type="date"
          value={v.endDate}
          error={e.endDate}
          width="medium"
        />
        <ChoiceField
          name="stillWorking"
          legend="Still there?"
          type="checkbox"
          options={[['yes', 'I still work here']]}
          value={v.stillWorking}
        />
        <h2>Hours</h2>
        <p class="hint">
          Give one of these: the hours you usually worked each week, or your total hours in this job.
        </p>
        <TextField
          name="hoursPerWeek"
          label="Hours per week"
          inputMode="decimal"
          value={v.hoursPerWeek}
          error={e.hoursPerWeek}
          width="short"
        />
        <TextField
          name="totalHours"
          label="Total hours"
          inputMode="numeric"
          value={v.totalHours}
          error={e.totalHours}
          width="short"
        />
        <div class="actions">
          <button type="submit">Save this job</button>
          <a href="/application/experience">Cancel</a>
        </div>
      </Form>
    </>
  );
}
