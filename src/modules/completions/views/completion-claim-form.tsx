import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { ErrorSummary, FileField, Form, TextArea, TextField } from '../../../views/forms.js';

export function ClaimFormPage(p: {
  canClaim: boolean;
  csrfToken: string;
  today: string;
  maxBytes: number;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  return (
    <>
      <h1>Report a completed course</h1>
      <ErrorSummary errors={p.errors} />
      {!p.canClaim ? (
        <div class="warning">
          <p>
            You can report a completed course once you have submitted your application to the program.{' '}
            <a href="/application">Go to your application</a>
          </p>
        </div>
      ) : (
        <>
          <p>
            If you completed an approved course and it is not in your list yet, tell us which course and when,
            and send a proof. We ask the provider to confirm it; if they do not answer, program staff check
            it. A completion before you are admitted is credited when you are admitted.
          </p>
          <p>
            The course number starts with CRS-. You find it on the course’s page in the{' '}
            <a href="/catalog">catalog of approved courses</a>.
          </p>
          <Form action="/completions/claim" csrfToken={p.csrfToken} enctype="multipart/form-data">
            <TextField
              name="courseNumber"
              label="Course number"
              hint="Like CRS-2026-000123"
              width="medium"
              value={p.values.courseNumber}
              error={p.errors?.courseNumber}
            />
            <TextField
              name="completedOn"
              label="Date you completed the course"
              hint="The day the course ended or you passed its final assessment, like 2026-03-15. It cannot be in the future."
              type="date"
              max={p.today}
              value={p.values.completedOn}
              error={p.errors?.completedOn}
            />
            <FileField
              name="file"
              label="Proof of completion"
              hint={`A certificate, transcript or letter from the provider: a PDF, an image (photo or scan) or a Word document, up to ${formatBytes(p.maxBytes, 'down')}.`}
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.rtf,application/pdf,image/*"
              error={p.errors?.file}
            />
            <TextArea
              name="note"
              label="Note for the provider (optional)"
              hint="For example, the name you used when you took the course."
              rows={3}
              value={p.values.note}
              error={p.errors?.note}
            />
            <button type="submit">Send the report</button>
          </Form>
        </>
      )}
      <p>
        <a href="/completions">Back to your course completions</a>
      </p>
    </>
  );
}
