import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { payloadTooLarge } from '../../../platform/files/blob-store.js';
import { checkUpload, safeFileName } from '../../../platform/files/file-type.js';
import { CsvError, parseCsv } from '../rules/roster-csv.js';
import { csvLabels, type RawRosterRow, readRosterHeader, type rosterColumns } from '../rules/roster-row.js';
import {
  type ImportedRoster,
  importRoster,
  MAX_ROSTER_ROWS,
  requireProviderMember,
} from './import-roster.js';

export interface RosterUpload {
  providerId: unknown;
  /** Null when no file was chosen. */
  file: { fileName: string; bytes: Uint8Array; truncated: boolean } | null;
}

const refuse = (message: string, code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION_FAILED') =>
  new DomainError(code, message, { file: message });

/**
 * A roster as a CSV file: text only (judged by content), within the upload limit, with a header
 * row naming the roster's columns. A file that cannot be read at all, or has the wrong columns, is
 * refused whole with a message saying why; problems in single rows are reported row by row.
 */
export async function uploadRoster(ctx: Ctx, input: RosterUpload): Promise<ImportedRoster> {
  await requireProviderMember(ctx, input.providerId);
  const file = input.file;
  if (!file || (file.bytes.length === 0 && file.fileName === ''))
    throw refuse('Choose a CSV file to upload.');
  const max = ctx.config.maxUploadBytes;
  if (file.truncated) throw refuse(payloadTooLarge(max).message, 'PAYLOAD_TOO_LARGE');
  const check = checkUpload(file.bytes, { allowed: ['text'], maxBytes: max, declaredName: file.fileName });
  if (!check.ok) {
    if (check.code === 'TOO_LARGE') throw refuse(check.message, 'PAYLOAD_TOO_LARGE');
    throw refuse(
      check.code === 'TYPE_NOT_ALLOWED'
        ? `${check.message} Save the roster from your spreadsheet as “CSV UTF-8 (comma delimited)” and upload that file.`
        : check.message,
    );
  }
  const text = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('utf8');
  let parsed: ReturnType<typeof parseCsv>;
  try {
    // The header plus one row more than allowed is enough to know the file is too long.
    parsed = parseCsv(text, { limit: MAX_ROSTER_ROWS + 2 });
  } catch (err) {
    if (err instanceof CsvError) throw refuse(`The file could not be read as CSV. ${err.message}`);
    throw err;
  }
  const [header, ...records] = parsed.records;
  if (!header) throw refuse('The file is empty.');
  // Spreadsheets sometimes export empty columns after the last one: they are not columns of the roster.
  const headerFields = withoutTrailingEmpty(header.fields, 0);
  const columns = readRosterHeader(headerFields);
  if (!columns.ok) throw refuse(columns.message);
  const filled = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (filled.length === 0) throw refuse('The file has a header row but no rows of completions.');
  if (parsed.more || filled.length > MAX_ROSTER_ROWS)
    throw refuse(
      `The file has more than ${MAX_ROSTER_ROWS.toLocaleString('en-US')} rows. Split it into smaller files and upload each.`,
    );
  const { index } = columns;
  const width = headerFields.length;
  const rows: RawRosterRow[] = filled.map((r) => {
    const fields = withoutTrailingEmpty(r.fields, width);
    const at = (c: (typeof rosterColumns)[number]) => fields[index[c]] ?? '';
    const row: RawRosterRow = {
      line: r.line,
      candidate: at('candidate'),
      name: at('name'),
      course: at('course'),
      completedOn: at('completed_on'),
      passed: at('passed'),
    };
    if (fields.length !== width)
      row.problem = `the line has ${fields.length} value${fields.length === 1 ? '' : 's'}, but the header has ${width} columns. Check for a missing or extra comma.`;
    return row;
  });
  return importRoster(ctx, {
    providerId: input.providerId,
    source: 'csv',
    // The name as given (safe to show); checkUpload's name would end in .txt, the type's extension.
    fileName: safeFileName(file.fileName) || null,
    rows,
    labels: csvLabels,
  });
}

/** The fields without empty ones at the end, keeping at least `keep` of them. */
function withoutTrailingEmpty(fields: readonly string[], keep: number): string[] {
  let end = fields.length;
  while (end > keep && fields[end - 1]!.trim() === '') end--;
  return fields.slice(0, end);
}
