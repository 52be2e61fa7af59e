import { addYears, type CalendarDate, compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';

/** Sessions are listed at most this far ahead: further out, dates and places are guesses. */
export const MAX_YEARS_AHEAD = 2;
/** A session is one run of the course; a year is longer than any the program has seen. */
export const MAX_SESSION_YEARS = 1;

/** A course leaves the catalog the day after its approval ends (approvalEndsOn is the last day that counts). */
export function isLapsed(approvalEndsOn: CalendarDate, today: CalendarDate): boolean {
  return compareDates(approvalEndsOn, today) < 0;
}

/**
 * What is wrong with a session's dates, field by field: it must end on or after it starts, not have
 * ended already, start within two years and while the course is still approved, and last at most a year.
 */
export function offeringDateProblems(
  offering: { startsOn: CalendarDate; endsOn: CalendarDate },
  context: { today: CalendarDate; approvalEndsOn: CalendarDate },
): FieldErrors {
  const errors: FieldErrors = {};
  const { startsOn, endsOn } = offering;
  const latestStart = addYears(context.today, MAX_YEARS_AHEAD);
  if (compareDates(startsOn, latestStart) > 0)
    errors.startsOn = `Sessions can be listed up to two years ahead: enter a first day on or before ${formatCalendarDate(latestStart)}`;
  else if (compareDates(startsOn, context.approvalEndsOn) > 0)
    errors.startsOn = `The course is approved until ${formatCalendarDate(context.approvalEndsOn)}: enter a first day on or before then, or renew the approval first`;
  if (compareDates(endsOn, startsOn) < 0)
    errors.endsOn = 'The last day must be the same as the first day or after it';
  else if (compareDates(endsOn, context.today) < 0)
    errors.endsOn = 'This session has already ended: enter a last day of today or later';
  else if (compareDates(endsOn, addYears(startsOn, MAX_SESSION_YEARS)) > 0)
    errors.endsOn = 'A session can last at most a year: check the last day';
  return errors;
}
