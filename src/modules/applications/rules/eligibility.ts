import {
  addDays,
  addYears,
  type CalendarDate,
  compareDates,
  daysBetween,
  formatCalendarDate,
  isCalendarDate,
  maxDate,
  minDate,
} from '../../../lib/calendar-date.js';
import type { ProgramPolicy } from '../../policy/policy.js';

/**
 * Eligibility: a high-school diploma (or equivalent) and enough library work, paid or volunteer,
 * inside the window before the application (by default 1,820 hours in the last 5 years).
 *
 * Hours are counted per entry and rounded DOWN to whole hundredths of an hour (integers inside),
 * then summed; the applicant is eligible when that sum reaches the minimum. The number shown is
 * therefore the number decided on: exactly 1,820 passes, 1,819.99 does not, and the column of
 * per-entry hours adds up to the total.
 *
 * Overlapping entries both count: the program counts work done, so two part-time jobs held at
 * the same time add up, as they would for anyone holding them.
 */

export interface ExperienceEntry {
  id?: string;
  library: string;
  libraryType: string;
  position: string;
  paid: boolean;
  startDate: CalendarDate;
  /** null while the job is ongoing: it counts through today. */
  endDate: CalendarDate | null;
  /** Exactly one of hoursPerWeek and totalHours is given. */
  hoursPerWeek: number | null;
  totalHours: number | null;
}

export interface EligibilityInput {
  today: CalendarDate;
  /** Hours count inside the window that ends on this day; defaults to today. */
  submittedOn?: CalendarDate;
  hasHighSchool: boolean;
  experience: ExperienceEntry[];
}

export type EntryErrorCode =
  | 'INVALID_DATE'
  | 'END_BEFORE_START'
  | 'START_IN_FUTURE'
  | 'END_IN_FUTURE'
  | 'HOURS_MISSING'
  | 'HOURS_BOTH'
  | 'HOURS_PER_WEEK_OUT_OF_RANGE'
  | 'TOTAL_HOURS_OUT_OF_RANGE';

export type EligibilityReasonCode =
  | 'NO_HIGH_SCHOOL'
  | 'NOT_ENOUGH_HOURS'
  | 'NO_EXPERIENCE'
  | 'INVALID_ENTRIES';

export interface EntryError {
  code: EntryErrorCode;
  message: string;
}

export interface EligibilityReason {
  code: EligibilityReasonCode;
  message: string;
}

export interface EntryAssessment {
  /** Position in the input list (0-based); messages number entries from 1. */
  index: number;
  id?: string;
  countedHours: number;
  daysInside: number;
  /** A valid entry that lies wholly outside the window (it counts nothing). */
  outsideWindow: boolean;
  /** An entry with errors counts nothing until it is fixed. */
  errors: EntryError[];
}

export interface EligibilityResult {
  eligible: boolean;
  countedHours: number;
  requiredHours: number;
  /** First and last day whose work counts, both inclusive. */
  window: { from: CalendarDate; to: CalendarDate };
  entries: EntryAssessment[];
  reasons: EligibilityReason[];
}

// Sanity bounds on what a person can type, not program policy: 80 hours is two full-time jobs,
// and 100,000 hours is about 55 years of full-time work.
const MAX_HOURS_PER_WEEK = 80;
const MAX_TOTAL_HOURS = 100_000;

// Floating-point products such as 0.07 * 100 land a hair below the true value; without this
// tolerance rounding down would take away a hundredth that was honestly worked. It is far below
// anything a person can enter (1e-8 of an hour).
const ROUNDING_TOLERANCE = 1e-6;

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/** What each entry problem means, in the words shown next to the entry. */
export const entryErrorMessages: Readonly<Record<EntryErrorCode, string>> = {
  INVALID_DATE: 'The start or end date is not a real date.',
  END_BEFORE_START: 'The end date is before the start date.',
  START_IN_FUTURE: 'The start date is in the future. Only work already done counts.',
  END_IN_FUTURE: 'The end date is in the future. If you still work there, leave the end date empty.',
  HOURS_MISSING: 'Give either the hours you worked per week or your total hours.',
  HOURS_BOTH: 'Give either hours per week or total hours, not both.',
  HOURS_PER_WEEK_OUT_OF_RANGE: `Hours per week must be more than 0 and at most ${formatHours(MAX_HOURS_PER_WEEK)}.`,
  TOTAL_HOURS_OUT_OF_RANGE: `Total hours must be more than 0 and at most ${formatHours(MAX_TOTAL_HOURS)}.`,
};

/** The days whose work counts for an application submitted on `submittedOn`: (submittedOn − N years, submittedOn]. */
export function eligibilityWindow(
  submittedOn: CalendarDate,
  policy: ProgramPolicy,
): { from: CalendarDate; to: CalendarDate } {
  return { from: addDays(addYears(submittedOn, -policy.eligibility.windowYears), 1), to: submittedOn };
}

export function assessEligibility(input: EligibilityInput, policy: ProgramPolicy): EligibilityResult {
  const submittedOn = input.submittedOn ?? input.today;
  if (compareDates(submittedOn, input.today) > 0) {
    throw new RangeError(`submittedOn (${submittedOn}) cannot be after today (${input.today})`);
  }
  const window = eligibilityWindow(submittedOn, policy);
  const assessed = input.experience.map((entry, index) => assessEntry(entry, index, window, input.today));
  const entries = assessed.map((a) => a.assessment);
  const countedHundredths = assessed.reduce((sum, a) => sum + a.hundredths, 0);
  const requiredHours = policy.eligibility.minHours;

  const reasons: EligibilityReason[] = [];
  if (policy.eligibility.requiresHighSchool && !input.hasHighSchool) reasons.push(noHighSchoolReason());
  if (entries.length === 0) {
    reasons.push({
      code: 'NO_EXPERIENCE',
      message: `Add the library work, paid or volunteer, that you have done in ${lastYears(policy)}.`,
    });
  } else {
    const needFixing = entries.filter((e) => e.errors.length > 0).map((e) => e.index + 1);
    if (needFixing.length > 0) reasons.push(invalidEntriesReason(needFixing));
    if (countedHundredths < requiredHours * 100) {
      reasons.push(notEnoughHoursReason(countedHundredths / 100, window.from, policy));
    }
  }

  return {
    eligible: reasons.length === 0,
    countedHours: countedHundredths / 100,
    requiredHours,
    window,
    entries,
    reasons,
  };
}

/** The no-account self-check: the visitor states their hours instead of listing their jobs. */
export function selfCheck(
  input: { today: CalendarDate; hasHighSchool: boolean; hoursLastFiveYears: number },
  policy: ProgramPolicy,
): { eligible: boolean; reasons: EligibilityReason[] } {
  const hours = input.hoursLastFiveYears;
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Hours must be 0 or more, got ${hours}`);
  const reasons: EligibilityReason[] = [];
  if (policy.eligibility.requiresHighSchool && !input.hasHighSchool) reasons.push(noHighSchoolReason());
  // Same rounding as the full assessment, so both checks agree on 1,819.999 hours.
  const hundredths = roundDownToHundredths(hours);
  if (hundredths < policy.eligibility.minHours * 100) {
    reasons.push(notEnoughHoursReason(hundredths / 100, eligibilityWindow(input.today, policy).from, policy));
  }
  return { eligible: reasons.length === 0, reasons };
}

function assessEntry(
  entry: ExperienceEntry,
  index: number,
  window: { from: CalendarDate; to: CalendarDate },
  today: CalendarDate,
): { assessment: EntryAssessment; hundredths: number } {
  const base = { index, ...(entry.id === undefined ? {} : { id: entry.id }) };
  const errors = entryErrors(entry, today);
  if (errors.length > 0) {
    return {
      assessment: { ...base, countedHours: 0, daysInside: 0, outsideWindow: false, errors },
      hundredths: 0,
    };
  }
  const lastDay = entry.endDate ?? today;
  const entryDays = daysBetween(entry.startDate, lastDay) + 1;
  const daysInside = Math.max(
    0,
    daysBetween(maxDate(entry.startDate, window.from), minDate(lastDay, window.to)) + 1,
  );
  // Weekly hours are spread evenly over the days; a total is prorated by the share of its days
  // that fall inside the window, so a total never counts for more than was claimed.
  const exactHours =
    entry.hoursPerWeek !== null
      ? (entry.hoursPerWeek * daysInside) / 7
      : ((entry.totalHours ?? 0) * daysInside) / entryDays;
  const hundredths = roundDownToHundredths(exactHours);
  return {
    assessment: {
      ...base,
      countedHours: hundredths / 100,
      daysInside,
      outsideWindow: daysInside === 0,
      errors,
    },
    hundredths,
  };
}

function entryErrors(entry: ExperienceEntry, today: CalendarDate): EntryError[] {
  const codes: EntryErrorCode[] = [];
  const startValid = isCalendarDate(entry.startDate);
  const endValid = entry.endDate === null || isCalendarDate(entry.endDate);
  if (!startValid || !endValid) codes.push('INVALID_DATE');
  if (startValid && compareDates(entry.startDate, today) > 0) codes.push('START_IN_FUTURE');
  if (entry.endDate !== null && endValid) {
    if (compareDates(entry.endDate, today) > 0) codes.push('END_IN_FUTURE');
    if (startValid && compareDates(entry.endDate, entry.startDate) < 0) codes.push('END_BEFORE_START');
  }
  // `?? null` because entries also arrive as stored JSON, where an absent field is undefined.
  const weekly = entry.hoursPerWeek ?? null;
  const total = entry.totalHours ?? null;
  if (weekly === null && total === null) codes.push('HOURS_MISSING');
  if (weekly !== null && total !== null) codes.push('HOURS_BOTH');
  if (weekly !== null && !isWithin(weekly, MAX_HOURS_PER_WEEK)) codes.push('HOURS_PER_WEEK_OUT_OF_RANGE');
  if (total !== null && !isWithin(total, MAX_TOTAL_HOURS)) codes.push('TOTAL_HOURS_OUT_OF_RANGE');
  return codes.map((code) => ({ code, message: entryErrorMessages[code] }));
}

function isWithin(hours: number, max: number): boolean {
  return Number.isFinite(hours) && hours > 0 && hours <= max;
}

function roundDownToHundredths(hours: number): number {
  return Math.floor(hours * 100 + ROUNDING_TOLERANCE);
}

function noHighSchoolReason(): EligibilityReason {
  return {
    code: 'NO_HIGH_SCHOOL',
    message: 'You need a high-school diploma or an equivalent, such as a GED, to apply.',
  };
}

function invalidEntriesReason(entryNumbers: number[]): EligibilityReason {
  const [only] = entryNumbers;
  const message =
    entryNumbers.length === 1
      ? `Work entry ${only} needs fixing before its hours can count.`
      : `Work entries ${listFormat.format(entryNumbers.map(String))} need fixing before their hours can count.`;
  return { code: 'INVALID_ENTRIES', message };
}

function notEnoughHoursReason(
  countedHours: number,
  windowStart: CalendarDate,
  policy: ProgramPolicy,
): EligibilityReason {
  return {
    code: 'NOT_ENOUGH_HOURS',
    message:
      `You have ${formatHours(countedHours)} of the ${formatHours(policy.eligibility.minHours)} hours ` +
      `needed in ${lastYears(policy)} (since ${formatCalendarDate(windowStart)}).`,
  };
}

function lastYears(policy: ProgramPolicy): string {
  const years = policy.eligibility.windowYears;
  return years === 1 ? 'the last year' : `the last ${years} years`;
}

/** "1,240" or "1,819.99": hours as a library worker would write them. */
function formatHours(hours: number): string {
  return hoursFormat.format(hours);
}
