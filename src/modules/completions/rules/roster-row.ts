import { type CalendarDate, compareDates, isCalendarDate } from '../../../lib/calendar-date.js';
import { parseReference } from '../../applications/rules/references.js';

/**
 * Reading one roster row as a provider sent it (CSV line or API item): which candidate, which
 * course, when, and whether it was passed. Pure: the lookups that follow (does the candidate exist,
 * is the course the provider's) happen in roster-match.ts with what the database answered.
 */

export const rosterColumns = ['candidate', 'name', 'course', 'completed_on', 'passed'] as const;
export type RosterColumn = (typeof rosterColumns)[number];

/** How a header is compared: "Completed On", "completed_on" and "completedOn" are the same column. */
const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export type HeaderCheck = { ok: true; index: Record<RosterColumn, number> } | { ok: false; message: string };

const quoteList = (items: string[]) => {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
};

/** The header row must name each roster column once, and nothing else. */
export function readRosterHeader(fields: readonly string[]): HeaderCheck {
  const wanted = new Map(rosterColumns.map((c) => [headerKey(c), c]));
  const index: Partial<Record<RosterColumn, number>> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  fields.forEach((raw, i) => {
    const label = raw.trim();
    const column = wanted.get(headerKey(label));
    if (!column) unknown.push(label === '' ? `(empty, column ${i + 1})` : label);
    else if (index[column] !== undefined) repeated.push(label);
    else index[column] = i;
  });
  const missing = rosterColumns.filter((c) => index[c] === undefined);
  const problems: string[] = [];
  if (missing.length > 0)
    problems.push(
      `The header row is missing the column${missing.length > 1 ? 's' : ''} ${quoteList(missing)}.`,
    );
  if (unknown.length > 0)
    problems.push(
      `The header row has ${unknown.length > 1 ? 'columns' : 'a column'} we do not know: ${quoteList(unknown)}.`,
    );
  if (repeated.length > 0) problems.push(`The header row names ${quoteList(repeated)} more than once.`);
  if (problems.length > 0)
    return {
      ok: false,
      message: `${problems.join(' ')} The columns are ${quoteList([...rosterColumns])}; download the template to see them.`,
    };
  return { ok: true, index: index as Record<RosterColumn, number> };
}

export type CandidateRef = { kind: 'number'; value: string } | { kind: 'email'; value: string };

const EMAIL = /^[^\s@",]+@[^\s@",]+\.[^\s@",]+$/;

/** A candidate number (LSSC-2026-000123, any case) or an email address (compared in lower case). */
export function parseCandidateRef(text: string): CandidateRef | null {
  const t = text.trim();
  const ref = parseReference(t);
  if (ref) return ref.prefix === 'LSSC' ? { kind: 'number', value: t.toUpperCase() } : null;
  if (t.length <= 320 && EMAIL.test(t)) return { kind: 'email', value: t.toLowerCase() };
  return null;
}

const COURSE_NUMBER = /^CRS-\d{4}-\d{6}(-\d{1,3})?$/;

/** A course number: CRS-2026-000123, or a bundle's course CRS-2026-000123-1. */
export function parseCourseNumber(text: string): string | null {
  const t = text.trim().toUpperCase();
  return COURSE_NUMBER.test(t) ? t : null;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** YYYY-MM-DD, or M/D/YYYY as US spreadsheets write it; null when it is not a real day. */
export function parseCompletedOn(text: string): CalendarDate | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const us = US_DATE.exec(t);
  if (!us) return null;
  const date = `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

const PASSED = new Map<string, boolean>([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['pass', true],
  ['passed', true],
  ['no', false],
  ['n', false],
  ['false', false],
  ['fail', false],
  ['failed', false],
]);

export function parsePassed(text: string): boolean | null {
  return PASSED.get(text.trim().toLowerCase()) ?? null;
}

/** A row as sent: every value as text (the API's boolean `passed` arrives as "true" or "false"). */
export interface RawRosterRow {
  line: number;
  candidate: string;
  name: string;
  course: string;
  completedOn: string;
  passed: string;
  /** Set when the line itself is malformed (a CSV line with too few or too many values). */
  problem?: string;
}

export interface ReadRow {
  candidate: CandidateRef;
  courseNumber: string;
  completedOn: CalendarDate;
  passed: boolean;
}

/** How the source names things in messages: CSV "Line 4" and completed_on, API "Row 4" and completedOn. */
export interface RowLabels {
  where: 'Line' | 'Row';
  completedOn: string;
}

export const csvLabels: RowLabels = { where: 'Line', completedOn: 'completed_on' };
export const apiLabels: RowLabels = { where: 'Row', completedOn: 'completedOn' };

const show = (s: string) => (s.length > 60 ? `"${s.slice(0, 57)}…"` : `"${s}"`);

/**
 * Check a row's own values (no lookups): each problem names the line and the field. A completion
 * dated after today cannot have happened yet.
 */
export function readRosterRow(
  row: RawRosterRow,
  today: CalendarDate,
  labels: RowLabels,
): { ok: true; value: ReadRow } | { ok: false; message: string } {
  if (row.problem) return { ok: false, message: `${labels.where} ${row.line}: ${row.problem}` };
  const problems: string[] = [];
  const field = (name: string) => `"${name}"`;
  const candidateText = row.candidate.trim();
  const candidate = candidateText === '' ? null : parseCandidateRef(candidateText);
  if (candidateText === '')
    problems.push(
      `${field('candidate')} is empty: give the candidate number (like LSSC-2026-000123) or email address.`,
    );
  else if (!candidate)
    problems.push(
      `${field('candidate')} ${show(candidateText)} is neither a candidate number (like LSSC-2026-000123) nor an email address.`,
    );
  const courseText = row.course.trim();
  const courseNumber = courseText === '' ? null : parseCourseNumber(courseText);
  if (courseText === '')
    problems.push(`${field('course')} is empty: give the course number (like CRS-2026-000123).`);
  else if (!courseNumber)
    problems.push(`${field('course')} ${show(courseText)} is not a course number (like CRS-2026-000123).`);
  const dateText = row.completedOn.trim();
  const completedOn = dateText === '' ? null : parseCompletedOn(dateText);
  if (dateText === '')
    problems.push(`${field(labels.completedOn)} is empty: give the day the course was completed.`);
  else if (!completedOn)
    problems.push(
      `${field(labels.completedOn)} ${show(dateText)} is not a date: write it as YYYY-MM-DD (2026-03-31) or M/D/YYYY (3/31/2026).`,
    );
  else if (compareDates(completedOn, today) > 0)
    problems.push(`${field(labels.completedOn)} ${dateText} is in the future.`);
  const passedText = row.passed.trim();
  const passed = passedText === '' ? null : parsePassed(passedText);
  if (passedText === '') problems.push(`${field('passed')} is empty: write yes or no.`);
  else if (passed === null) problems.push(`${field('passed')} ${show(passedText)} is not yes or no.`);
  if (problems.length > 0 || !candidate || !courseNumber || !completedOn || passed === null)
    return { ok: false, message: `${labels.where} ${row.line}: ${problems.join(' ')}` };
  return { ok: true, value: { candidate, courseNumber, completedOn, passed } };
}
