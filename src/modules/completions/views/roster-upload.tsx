import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { formatNumber } from '../../../views/format.js';
import { ErrorSummary, FileField, Form, fieldId, SelectField } from '../../../views/forms.js';
import type { ProviderRow } from '../../providers/repository.js';
import { rosterColumnHelp } from '../roster-labels.js';
import { MAX_ROSTER_ROWS } from '../use-cases/import-roster.js';

export function ColumnHelp() {
  return (
    <table>
      <caption class="visually-hidden">Columns of a roster file</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">What to write</th>
          <th scope="col">Example</th>
        </tr>
      </thead>
      <tbody>
        {rosterColumnHelp.map(([name, help, example]) => (
          <tr>
            <td>
              <code>{name}</code>
            </td>
            <td>{help}</td>
            <td>
              <code>{example}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UploadRosterPage(p: {
  csrfToken: string;
  providers: ProviderRow[];
  maxBytes: number;
  retroactiveYears: number;
  values: { providerId?: string };
  errors?: FieldErrors | undefined;
}) {
  const _fileId = fieldId('file');
  return (
    <>
      <p>
        <a href="/provider/rosters">Back to your rosters</a>
      </p>
      <h1>Report course completions</h1>
      <ErrorSummary errors={p.errors} />
      {p.providers.length === 0 ? (
        <p>
          Only members of a course provider can report completions.{' '}
          <a href="/providers/register">Register your organisation</a> or ask its administrator to invite you.
        </p>
      ) : (
        <>
          <p>
            Upload a roster of the people who completed your approved courses. You then see what we made of
            every row. Nothing is recorded until you confirm the roster.
          </p>
          <Form action="/provider/rosters/new" csrfToken={p.csrfToken} enctype="multipart/form-data">
            {p.providers.length > 1 ? (
              <SelectField
                name="providerId"
                label="Organisation that gave the courses"
                options={p.providers.map((v) => [v.id, v.name] as const)}
                placeholder="Choose an organisation"
                value={p.values.providerId}
                error={p.errors?.providerId}
              />
            ) : (
              <input type="hidden" name="providerId" value={p.providers[0]!.id} />
            )}
            <FileField
              name="file"
              label="Roster file (CSV)"
              hint={`Up to ${formatBytes(p.maxBytes, 'down')} and ${formatNumber(MAX_ROSTER_ROWS)} rows.`}
              error={p.errors?.file}
              accept=".csv,.txt,text/csv,text/plain"
            />
            <button type="submit">Upload and preview</button>
          </Form>
        </>
      )}
      <h2>What the file must contain</h2>
      <p>
        A CSV file: in your spreadsheet, choose “Save as” and “CSV UTF-8 (comma delimited)”. The first row
        names the columns, in any order and in upper or lower case. Each further row is one person’s
        completion of one course.
      </p>
      <ColumnHelp />
      <p>
        <a href="/provider/rosters/template.csv" download>
          Download the template (CSV)
        </a>{' '}
        and replace its example rows with yours.
      </p>
      <h2>What happens next</h2>
      <ul>
        <li>Rows that name a candidate and one of your courses are matched.</li>
        <li>
          Rows whose candidate we cannot find yet are kept. Once you confirm, they are held, and you can match
          them later (people often apply after taking a course).
        </li>
        <li>Rows with a problem are listed with the line and the column to fix.</li>
        <li>
          A completion counts toward certification when it falls within the course’s approval, or up to{' '}
          {p.retroactiveYears} years before the course was first approved.
        </li>
      </ul>
      <h2>Sending rosters from your own system</h2>
      <p>
        Your system can send the same rows as JSON to{' '}
        <code>{'POST /api/v1/providers/{providerId}/rosters'}</code> with a{' '}
        <a href="/account/tokens">personal access token</a>. See the <a href="/api/docs">API reference</a>.
      </p>
    </>
  );
}
