import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { RosterRowOutcome } from '../schema.js';
import type { CandidateRef, RawRosterRow, ReadRow, RowLabels, readRosterRow } from './roster-row.js';

/** What the database said about the candidates and courses a roster names. */
export interface RosterLookups {
  providerId: string;
  candidateByNumber: ReadonlyMap<string, string>;
  candidateByEmail: ReadonlyMap<string, string>;
  courseByNumber: ReadonlyMap<string, { id: string; providerId: string }>;
  /** Numbers of course bundles (a bundle is reported by the number of each of its courses). */
  bundleNumbers: ReadonlySet<string>;
  /** completionKey() of completions already recorded (pending or confirmed). */
  recorded: ReadonlySet<string>;
}

export interface MatchedRow {
  raw: RawRosterRow;
  outcome: RosterRowOutcome;
  message: string | null;
  completedOn: CalendarDate | null;
  passed: boolean | null;
  courseId: string | null;
  candidateId: string | null;
}

export const completionKey = (candidateId: string, courseId: string, completedOn: CalendarDate) =>
  `${candidateId}|${courseId}|${completedOn}`;

export function candidateIdOf(
  ref: CandidateRef,
  lookups: Pick<RosterLookups, 'candidateByNumber' | 'candidateByEmail'>,
): string | undefined {
  return ref.kind === 'number'
    ? lookups.candidateByNumber.get(ref.value)
    : lookups.candidateByEmail.get(ref.value);
}

function describeRef(ref: CandidateRef): string {
  return ref.kind === 'number'
    ? `No candidate has the number ${ref.value}`
    : `No candidate who has applied uses the email address ${ref.value}`;
}

/**
 * Decide each row's outcome: invalid (its own values, or a course that is not one of this
 * provider's), unmatched (no such candidate yet: kept to match later), duplicate (repeats an
 * earlier row of the roster, or a completion already recorded), or matched.
 */
export function matchRosterRows(
  rows: ReadonlyArray<{ raw: RawRosterRow; read: ReturnType<typeof readRosterRow> }>,
  lookups: RosterLookups,
  labels: RowLabels,
): MatchedRow[] {
  const firstLine = new Map<string, number>();
  return rows.map(({ raw, read }) => {
    const at = `${labels.where} ${raw.line}`;
    const base = { raw, completedOn: null, passed: null, courseId: null, candidateId: null };
    if (!read.ok) return { ...base, outcome: 'invalid', message: read.message };
    const v: ReadRow = read.value;
    const course = lookups.courseByNumber.get(v.courseNumber);
    if (!course || course.providerId !== lookups.providerId) {
      const why = course
        ? 'is not one of your courses.'
        : lookups.bundleNumbers.has(v.courseNumber)
          ? `is a bundle: give the number of the bundle’s course that was completed (like ${v.courseNumber}-1).`
          : 'is not an approved course.';
      return { ...base, outcome: 'invalid', message: `${at}: "course" ${v.courseNumber} ${why}` };
    }
    const known = { ...base, completedOn: v.completedOn, passed: v.passed, courseId: course.id };
    const candidateId = candidateIdOf(v.candidate, lookups) ?? null;
    const key = candidateId
      ? completionKey(candidateId, course.id, v.completedOn)
      : `${v.candidate.kind}:${v.candidate.value}|${course.id}|${v.completedOn}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined)
      return {
        ...known,
        candidateId,
        outcome: 'duplicate',
        message: `${at}: repeats ${labels.where.toLowerCase()} ${earlier} (the same candidate, course and date).`,
      };
    firstLine.set(key, raw.line);
    if (!candidateId)
      return {
        ...known,
        outcome: 'unmatched',
        message: `${at}: ${describeRef(v.candidate)}. The row is kept, and can be matched to the candidate later.`,
      };
    if (lookups.recorded.has(key))
      return {
        ...known,
        candidateId,
        outcome: 'duplicate',
        message: `${at}: this completion is already recorded for the candidate.`,
      };
    return { ...known, candidateId, outcome: 'matched', message: null };
  });
}
