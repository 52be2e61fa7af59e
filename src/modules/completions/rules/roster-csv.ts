/**
 * CSV as RFC 4180 writes it and as spreadsheets export it: comma-separated, records ended by CRLF
 * (or a bare LF or CR), fields in double quotes when they hold a comma, a quote or a line break, a
 * quote inside a quoted field written twice. A leading byte-order mark (Excel's "CSV UTF-8") is
 * ignored. Blank lines are skipped, so a trailing newline or a gap between rows adds no record.
 */

/** One record and the line of the file it starts on (1-based), for messages a person can find. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file cannot be read as CSV at all; `line` says where. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in a quoted value (CRLF counts once), to keep line numbers right after it. */
function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/**
 * Read CSV text into records. With `limit`, stops after that many records and says there were more
 * (so a huge file is refused without holding all of it). A quote inside an unquoted field is kept
 * as typed; an unclosed quoted field, or text after a closing quote, makes the file unreadable.
 */
export function parseCsv(
  input: string,
  opts: { limit?: number } = {},
): { records: CsvRecord[]; more: boolean } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    if (records.length >= limit) return { records, more: true };
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1)
            throw new CsvError(
              start,
              `Line ${start}: a value starts with a quote (") that is never closed. Check the quotes on that line.`,
            );
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        line += countLineBreaks(value);
        fields.push(value);
        const after = text.charCodeAt(i);
        if (i < n && after !== COMMA && after !== CR && after !== LF)
          throw new CsvError(
            line,
            `Line ${line}: a quoted value is followed by more text. Write a quote inside a quoted value as two quotes ("").`,
          );
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === CR || c === LF) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const sep = text.charCodeAt(i);
      if (sep === COMMA) {
        i++;
        if (i >= n)
          fields.push(''); // "a,b," at the very end: the last field is empty
        else continue;
        break;
      }
      i += sep === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push({ line: start, fields });
  }
  return { records, more: false };
}

// A leading byte-order mark is quoted too: at the start of a file, a reader would drop it.
const NEEDS_QUOTES = /[",\r\n]|^\uFEFF/;

function formatField(value: string, alone: boolean): string {
  // A lone empty field would be a blank line, which readers skip: quote it so the record survives.
  if (NEEDS_QUOTES.test(value) || (alone && value === '')) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Write records as RFC 4180 CSV (CRLF line ends); parseCsv reads the result back to the same records. */
export function formatCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => `${row.map((f) => formatField(f, row.length === 1)).join(',')}\r\n`).join('');
}
