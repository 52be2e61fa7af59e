import { formatCsv } from '../../completions/rules/roster-csv.js';

/**
 * CSV for spreadsheets, written by the roster module's RFC 4180 writer. A text cell starting with
 * = + - or @ would be read by a spreadsheet as a formula (a name like "=HYPERLINK(…)"), so it is
 * prefixed with an apostrophe; amounts and counts are plain numbers and pass through untouched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Dollars with two decimals and no thousands separator ("1325.00", "-12.50"), for a spreadsheet to sum. */
export function csvDollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  return formatCsv([header, ...rows.map((r) => r.map((c) => neutralised(String(c))))]);
}
