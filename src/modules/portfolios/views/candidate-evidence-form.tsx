import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { ChoiceField, ErrorSummary, FileField, Form, TextArea, TextField } from '../../../views/forms.js';
import { PORTFOLIO_FILE_ACCEPT } from '../files.js';
import { evidenceRoles } from '../forms.js';
import { evidenceKindLabels, evidenceRoleHints } from '../labels.js';
import type { EvidenceRow } from '../repository.js';
import type { EvidenceKind } from '../schema.js';

export type EvidenceValues = Record<string, string>;

const kindOptions = [
  ['file', 'A file (PDF, Word, image or plain text)'],
  ['link', 'A link to a web page'],
  ['text', 'Written text'],
] as const;

/**
 * Add (kind chosen here) or change (kind fixed) one evidence item. Without JavaScript every kind's
 * field is shown; only the chosen kind's is read. What was typed comes back after an error.
 */
export function EvidenceForm(p: {
  action: string;
  csrfToken: string;
  /** Null when adding: the person chooses. */
  kind: EvidenceKind | null;
  values: EvidenceValues;
  errors?: FieldErrors | undefined;
  maxBytes: number;
  /** The file already there, when changing a file item. */
  currentFile?: string | null | undefined;
  submitLabel: string;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  const shows = (k: EvidenceKind) => p.kind === null || p.kind === k;
  const fileHint = `PDF, Word, image or plain text, up to ${formatBytes(p.maxBytes, 'down')}.`;
  return (
    <Form action={p.action} csrfToken={p.csrfToken} enctype="multipart/form-data">
      {p.kind === null && (
        <ChoiceField
          name="kind"
          legend="What kind of evidence is it?"
          options={kindOptions}
          value={v.kind}
          error={e.kind}
        />
      )}
      <ChoiceField
        name="role"
        legend="Is it primary or secondary evidence?"
        hint="Every competency needs at least one primary item before you can submit."
        options={evidenceRoles.map((r) => [r, evidenceRoleHints[r]] as const)}
        value={v.role}
        error={e.role}
      />
      <TextField
        name="title"
        label="Title"
        hint="A few words, like “Original catalog record for a local history book”."
        value={v.title}
        error={e.title}
      />
      <TextArea
        name="explanation"
        label="How does this show the competency?"
        hint="Explain in your own words what the evidence shows about your work."
        value={v.explanation}
        error={e.explanation}
        rows={5}
      />
      {shows('file') && (
        <FileField
          name="file"
          accept={PORTFOLIO_FILE_ACCEPT}
          label={p.kind === null ? 'File (if the evidence is a file)' : 'Replace the file (optional)'}
          hint={
            p.currentFile
              ? `Now: ${p.currentFile}. Choose a file only to replace it. ${fileHint}`
              : `${fileHint} If something goes wrong you will need to choose the file again.`
          }
          error={e.file}
        />
      )}
      {shows('link') && (
        <TextField
          name="url"
          label={p.kind === null ? 'Web address (if the evidence is a link)' : 'Web address'}
          hint="Starting with https:// or http://. Evaluators must be able to open it without signing in."
          value={v.url}
          error={e.url}
        />
      )}
      {shows('text') && (
        <TextArea
          name="body"
          label={
            p.kind === null ? 'The evidence in writing (if it is written text)' : 'The evidence in writing'
          }
          value={v.body}
          error={e.body}
          rows={8}
        />
      )}
      <button type="submit">{p.submitLabel}</button>
    </Form>
  );
}

/** The edit page for one evidence item. */
export function EditEvidencePage(p: {
  base: string;
  competencyLabel: string;
  evidence: EvidenceRow;
  csrfToken: string;
  values: EvidenceValues;
  errors?: FieldErrors | undefined;
  maxBytes: number;
}) {
  const back = `${p.base}/competencies/${p.evidence.competencyId}`;
  return (
    <>
      <h1>Change evidence</h1>
      <p class="hint">
        {p.competencyLabel} · {evidenceKindLabels[p.evidence.kind]}
      </p>
      <ErrorSummary errors={p.errors} />
      <EvidenceForm
        action={`${p.base}/evidence/${p.evidence.id}`}
        csrfToken={p.csrfToken}
        kind={p.evidence.kind}
        values={p.values}
        errors={p.errors}
        maxBytes={p.maxBytes}
        currentFile={p.evidence.fileName}
        submitLabel="Save the changes"
      />
      <p>
        <a href={back}>Back to the competency</a>
      </p>
    </>
  );
}

/** The form values of a saved item, for the edit page. */
export const valuesOf = (e: EvidenceRow): EvidenceValues => ({
  role: e.primary ? 'primary' : 'secondary',
  title: e.title,
  explanation: e.explanation,
  url: e.url ?? '',
  body: e.body ?? '',
});
