import {
  addYears,
  type CalendarDate,
  formatCalendarDate,
  type TimeRemaining,
  timeRemaining,
} from '../../../lib/calendar-date.js';
import type { ProgramPolicy } from '../../policy/policy.js';

/**
 * A candidate has a fixed number of years from admission to complete the program. Years are
 * calendar years, clamped at month end: admitted 29 February 2024, the 4-year deadline is
 * 29 February 2028, but under a 1-year policy it is 28 February 2025.
 */
export function completionDeadline(admittedOn: CalendarDate, policy: ProgramPolicy): CalendarDate {
  return addYears(admittedOn, policy.certification.completionYears);
}

export interface DeadlineStatus extends TimeRemaining {
  deadline: CalendarDate;
  /** Plain-language summary, e.g. "1 year, 2 months, and 3 days left, until 28 November 2030." */
  message: string;
  /** The same without the date: "1 year, 2 months, and 3 days left." */
  timeLeft: string;
}

/** How the candidate stands against a deadline; the deadline day itself is still in time. */
export function deadlineStatus(today: CalendarDate, deadline: CalendarDate): DeadlineStatus {
  const remaining = timeRemaining(today, deadline);
  return {
    deadline,
    ...remaining,
    message: describe(remaining, formatCalendarDate(deadline)),
    timeLeft: timeLeft(remaining),
  };
}

/** The same without the date, for pages that show the date next to it. */
function timeLeft(remaining: TimeRemaining): string {
  if (remaining.expired) return 'The deadline has passed.';
  if (remaining.totalDays === 0) return 'Today is the last day.';
  const parts = [
    plural(remaining.years, 'year'),
    plural(remaining.months, 'month'),
    plural(remaining.days, 'day'),
  ].filter((part) => part !== '');
  return `${listFormat.format(parts)} left.`;
}

function describe(remaining: TimeRemaining, deadline: string): string {
  if (remaining.expired) return `The deadline, ${deadline}, has passed.`;
  if (remaining.totalDays === 0) return `Today, ${deadline}, is the last day.`;
  const parts = [
    plural(remaining.years, 'year'),
    plural(remaining.months, 'month'),
    plural(remaining.days, 'day'),
  ].filter((part) => part !== '');
  return `${listFormat.format(parts)} left, until ${deadline}.`;
}

function plural(n: number, unit: string): string {
  if (n === 0) return '';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });
