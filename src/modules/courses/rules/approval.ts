import { addDays, addMonths, addYears, type CalendarDate, compareDates } from '../../../lib/calendar-date.js';

/** A provider may apply to renew from this many months before the approval ends (and any time after). */
export const RENEWAL_OPENS_MONTHS = 6;
/** The provider is reminded once this many days before a course's approval ends. */
export const ENDING_REMINDER_DAYS = 90;
/** An overdue evaluation is chased again after this many days without it. */
export const OVERDUE_REMINDER_DAYS = 7;

/** current: approved; ends_soon: inside the renewal window; lapsed: the last approved day has passed. */
export type ApprovalState = 'current' | 'ends_soon' | 'lapsed';

export function approvalState(endsOn: CalendarDate, today: CalendarDate): ApprovalState {
  if (compareDates(endsOn, today) < 0) return 'lapsed';
  if (compareDates(today, renewalOpensOn(endsOn)) >= 0) return 'ends_soon';
  return 'current';
}

/** The first day "Apply to renew" is offered. */
export const renewalOpensOn = (endsOn: CalendarDate): CalendarDate =>
  addMonths(endsOn, -RENEWAL_OPENS_MONTHS);

export const canApplyToRenew = (endsOn: CalendarDate, today: CalendarDate): boolean =>
  compareDates(today, renewalOpensOn(endsOn)) >= 0;

/**
 * The period a renewal approves: it follows on from the current approval without a gap or an
 * overlap, or, when the approval has lapsed, starts on the day of the decision (the lapse stays a
 * gap: completions inside it do not count).
 */
export function renewalPeriod(
  currentEndsOn: CalendarDate,
  today: CalendarDate,
  approvalYears: number,
): { startsOn: CalendarDate; endsOn: CalendarDate } {
  const startsOn = compareDates(currentEndsOn, today) >= 0 ? addDays(currentEndsOn, 1) : today;
  return { startsOn, endsOn: addYears(startsOn, approvalYears) };
}
