import { z } from 'zod';
import {
  addDays,
  type CalendarDate,
  compareDates,
  daysBetween,
  isCalendarDate,
} from '../../../lib/calendar-date.js';
import { validationFailed } from '../../../platform/errors.js';

/** Reports cover at most a year of days, so one request never reads the whole ledger's history. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .max(20, `Enter the ${label} date like 2026-11-28`)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || isCalendarDate(v),
      `Enter the ${label} date as a real date, like 2026-11-28`,
    )
    .describe(`The ${label} day of the period, YYYY-MM-DD`);

export const rangeQuerySchema = z.object({
  from: optionalDate('first'),
  to: optionalDate('last'),
});

export interface DayRange {
  /** First and last day counted, both included (UTC days, like the other staff reports). */
  from: CalendarDate;
  to: CalendarDate;
}

/** The period asked for; by default the last 30 days up to today. */
export function dayRangeOf(q: z.infer<typeof rangeQuerySchema>, today: CalendarDate): DayRange {
  const to = q.to ?? (q.from ? minDay(addDays(q.from, DEFAULT_RANGE_DAYS - 1), today) : today);
  const from = q.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (compareDates(from, to) > 0)
    throw validationFailed({ to: 'The last date must be on or after the first date' });
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS)
    throw validationFailed({ to: `Choose a period of at most ${MAX_RANGE_DAYS} days` });
  return { from, to };
}

const minDay = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) <= 0 ? a : b);
