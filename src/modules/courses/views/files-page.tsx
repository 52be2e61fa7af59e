import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { ChoiceField, ErrorSummary, FileField, Form, fieldId } from '../../../views/forms.js';
import { fileKindLabels } from '../labels.js';
import type { CourseFileRow } from '../repository.js';
import { courseFileKinds } from '../schema.js';

export function FileList(p: { base: string; files: CourseFileRow[]; editable: boolean; csrfToken: string }) {
  if (p.files.length === 0) return <p>No files uploaded yet.</p>;
  return (
    <table>
      <caption class="visually-hidden">Uploaded files</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Kind</th>
          <th scope="col">Size</th>
          {p.editable && <th scope="col">Action</th>}
        </tr>
      </thead>
      <tbody>
        {p.files.map((f) => (
          <tr>
            <td>
              <a href={`${p.base}/files/${f.id}`}>{f.fileName}</a>
            </td>
            <td>{fileKindLabels[f.kind]}</td>
            <td>{formatBytes(f.size)}</td>
            {p.editable && (
              <td>
                <Form action={`${p.base}/files/${f.id}/remove`} csrfToken={p.csrfToken}>
                  <button type="submit" class="secondary">
                    Remove<span class="visually-hidden"> {f.fileName}</span>
                  </button>
                </Form>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FilesPage(p: {
  base: string;
  title: string;
  files: CourseFileRow[];
  editable: boolean;
  csrfToken: string;
  maxBytes: number;
  kind?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const _id = fieldId('file');
  return (
    <>
      <h1>Syllabus and résumés</h1>
      <p class="hint">{p.title}</p>
      <ErrorSummary errors={p.errors} />
      <h2>Uploaded files</h2>
      <FileList base={p.base} files={p.files} editable={p.editable} csrfToken={p.csrfToken} />
      {p.editable && (
        <>
          <h2>Upload a file</h2>
          <p>
            Upload the syllabus with its readings, and a résumé for each instructor: PDF, Word or plain text,
            up to {formatBytes(p.maxBytes, 'down')} each.
          </p>
          <Form action={`${p.base}/files`} csrfToken={p.csrfToken} enctype="multipart/form-data">
            <ChoiceField
              name="kind"
              legend="What is this file?"
              options={courseFileKinds.map((k) => [k, fileKindLabels[k]] as const)}
              value={p.kind}
              error={p.errors?.kind}
            />
            <FileField
              name="file"
              label="File"
              error={p.errors?.file}
              accept=".pdf,.doc,.docx,.txt,application/pdf,text/plain"
            />
            <button type="submit">Upload</button>
          </Form>
        </>
      )}
      <p>
        <a href={p.base}>Back to the course application</a>
      </p>
    </>
  );
}
