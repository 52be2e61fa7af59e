import { DomainError, type FieldErrors } from '../../platform/errors.js';
import { payloadTooLarge } from '../../platform/files/blob-store.js';
import { checkUpload, type FileType } from '../../platform/files/file-type.js';
import { fieldErrorsFrom } from '../../platform/http/forms.js';
import { PORTFOLIO_FILE_KINDS } from './files.js';
import { contentProblems, type EvidenceFields, evidenceFieldsSchema, evidenceKindSchema } from './forms.js';
import type { EvidenceKind } from './schema.js';

/** An uploaded file as the multipart plugin leaves it; null when no file was chosen. */
export interface EvidenceFile {
  fileName: string;
  bytes: Uint8Array;
  /** True when the file was larger than the upload limit and was cut off. */
  truncated: boolean;
}

export interface EvidenceInput {
  /** The form's or API's fields: kind (when adding), role, title, explanation, url, body. */
  fields: unknown;
  file: EvidenceFile | null;
}

export interface CheckedFile {
  bytes: Uint8Array;
  type: FileType;
  /** The person's file name made safe to show: no folders, no control characters, the right extension. */
  fileName: string;
}

export interface ParsedEvidence {
  fields: EvidenceFields;
  /** Present when a file came with the request and passed every check. */
  file: CheckedFile | null;
}

const chosen = (file: EvidenceFile | null): file is EvidenceFile =>
  file !== null && !(file.bytes.length === 0 && file.fileName === '');

/**
 * Every problem with an evidence item at once, so the form shows them all: the fields, the kind's
 * own content (a web address, the text), and the file (its type judged by content, its size). An
 * oversized file answers 413, anything else 400. Nothing is stored until all of it passes.
 */
export function parseEvidence(
  input: EvidenceInput,
  opts: { kind: EvidenceKind | null; fileRequired: boolean; maxBytes: number },
): ParsedEvidence & { kind: EvidenceKind } {
  const errors: FieldErrors = {};
  const raw = (input.fields ?? {}) as Record<string, unknown>;
  let kind = opts.kind;
  if (kind === null) {
    const parsed = evidenceKindSchema.safeParse(raw.kind);
    if (parsed.success) kind = parsed.data;
    else errors.kind = 'Choose whether the evidence is a file, a link or written text';
  }
  const fields = evidenceFieldsSchema.safeParse(raw);
  if (!fields.success) Object.assign(errors, fieldErrorsFrom(fields.error));
  if (kind === 'link' || kind === 'text')
    Object.assign(errors, contentProblems(kind, { url: str(raw.url), body: str(raw.body) }));

  let file: CheckedFile | null = null;
  let tooLarge = false;
  if (kind === 'file') {
    if (!chosen(input.file)) {
      if (opts.fileRequired) errors.file = 'Choose a file to upload';
    } else if (input.file.truncated) {
      errors.file = payloadTooLarge(opts.maxBytes).message;
      tooLarge = true;
    } else {
      const check = checkUpload(input.file.bytes, {
        allowed: PORTFOLIO_FILE_KINDS,
        maxBytes: opts.maxBytes,
        declaredName: input.file.fileName,
      });
      if (check.ok) file = { bytes: input.file.bytes, type: check.type, fileName: check.fileName };
      else {
        errors.file = check.message;
        tooLarge = check.code === 'TOO_LARGE';
      }
    }
  }
  if (Object.keys(errors).length > 0 || !kind || !fields.success) {
    throw new DomainError(
      tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
      `Some answers need fixing. ${Object.values(errors).join(' ')}`.trim(),
      errors,
    );
  }
  return { kind, fields: fields.data, file };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
