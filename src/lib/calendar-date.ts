/**
 * Program dates (admission, deadline, certification, expiry, approval, completion) are calendar
 * dates: `YYYY-MM-DD` strings with Temporal PlainDate semantics, no time of day and no zone.
 * "Four years after 29 February 2024" must not depend on where the server runs or on daylight
 * saving, so everything here is integer arithmetic on year/month/day through a day number
 * (days since 1970-01-01); no local-time `Date` method is involved.
 */

/** A real calendar day written `YYYY-MM-DD`, year 1900..2999. */
export type CalendarDate = string;

export interface TimeRemaining {
  /** True once today is after the deadline; the deadline day itself still counts. */
  expired: boolean;
  /** Calendar difference from today to the deadline; all zero once expired. */
  years: number;
  months: number;
  days: number;
  /** Days from today to the deadline; negative once expired (days overdue). */
  totalDays: number;
}

// A bounded range keeps typos such as 0202 or 20260 out of stored data, and spans every date the
// program can meet (birth years of older applicants through far-future expiry dates).
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsOf(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function requireParts(value: CalendarDate): DateParts {
  const parts = partsOf(value);
  if (!parts) {
    throw new RangeError(
      `Not a calendar date (YYYY-MM-DD, years ${MIN_YEAR}-${MAX_YEAR}): ${JSON.stringify(value)}`,
    );
  }
  return parts;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** Arithmetic may leave the supported range; fail loudly rather than return an invalid date. */
function dateFromParts({ year, month, day }: DateParts): CalendarDate {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date outside the supported years ${MIN_YEAR}-${MAX_YEAR}: year ${year}`);
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Years are shifted to start in March so the leap day is the last day of the year.
 */
function dayNumberOf({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of dayNumberOf (Hinnant's civil_from_days). */
function partsOfDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return partsOf(value) !== undefined;
}

/** Checks untrusted text; throws RangeError unless it is a real `YYYY-MM-DD` date. */
export function parseCalendarDate(value: string): CalendarDate {
  requireParts(value);
  return value;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, 'Days');
  return dateFromParts(partsOfDayNumber(dayNumberOf(requireParts(date)) + days));
}

/** Like Temporal's `add({ months })` with overflow "constrain": 31 January + 1 month = 28/29 February. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, 'Months');
  const { year, month, day } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return dateFromParts({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

/** 29 February + 1 year = 28 February; + 4 years = 29 February again. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  requireInteger(years, 'Years');
  return addMonths(date, years * 12);
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  requireParts(a);
  requireParts(b);
  // Valid dates are fixed-width, zero-padded strings, so text order is calendar order.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce(
    (earliest, d) => (compareDates(d, earliest) < 0 ? d : earliest),
    parseCalendarDate(first),
  );
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((latest, d) => (compareDates(d, latest) > 0 ? d : latest), parseCalendarDate(first));
}

/** Days from `from` to `to` (to − from): 1 for consecutive days, negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumberOf(requireParts(to)) - dayNumberOf(requireParts(from));
}

// Building a DateTimeFormat is costly and the set of zones in use is tiny, so keep one per zone.
const formattersByZone = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formattersByZone.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formattersByZone.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar day an instant falls on in a time zone (the program's zone, not the server's).
 * Pure given its inputs: the caller reads the clock. Throws RangeError for an unknown zone or an
 * invalid Date.
 */
export function todayFromInstant(instant: Date, timeZone = 'UTC'): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return dateFromParts({ year: field('year'), month: field('month'), day: field('day') });
}

/**
 * Calendar time left until a deadline, as Temporal's `until` with largestUnit "years" counts it:
 * the most whole months that fit (month-end clamped), then the remaining days. 2026-11-28 to
 * 2030-11-28 is 4 years 0 months 0 days; on the deadline day nothing remains but it has not
 * passed yet.
 */
export function timeRemaining(today: CalendarDate, deadline: CalendarDate): TimeRemaining {
  const totalDays = daysBetween(today, deadline);
  if (totalDays < 0) return { expired: true, years: 0, months: 0, days: 0, totalDays };
  const from = requireParts(today);
  const to = requireParts(deadline);
  let wholeMonths = (to.year - from.year) * 12 + (to.month - from.month);
  // Landing in the deadline's month on a later day of the month overshoots by one month.
  if (compareDates(addMonths(today, wholeMonths), deadline) > 0) wholeMonths -= 1;
  return {
    expired: false,
    years: Math.floor(wholeMonths / 12),
    months: wholeMonths % 12,
    days: daysBetween(addMonths(today, wholeMonths), deadline),
    totalDays,
  };
}

/** "28 November 2026": day-month-year with the month spelled out reads the same in every country. */
export function formatCalendarDate(date: CalendarDate): string {
  const { year, month, day } = requireParts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "November 2026" for any day of that month. */
export function formatCalendarMonth(date: CalendarDate): string {
  const { year, month } = requireParts(date);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}
