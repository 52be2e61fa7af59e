import { z } from 'zod';
import { formatCalendarDate, isCalendarDate } from '../../lib/calendar-date.js';
import type { FieldErrors } from '../../platform/errors.js';
import { fieldErrorsFrom } from '../../platform/http/forms.js';
import {
  formatWebinarTime,
  instantOfLocalTime,
  parseTimeOfDay,
  timeZoneLabel,
  webinarTimeZoneIds,
} from './rules/webinar-time.js';

/** A form sends the number as text: blank means missing, anything else is read as a number. */
const numberFromText = (v: unknown) =>
  typeof v !== 'string' ? v : v.trim() === '' ? undefined : Number(v.trim());

/** What staff enter for a webinar, on the form and in the API; field names are the form's. */
export const webinarInputSchema = z.object({
  title: z
    .string({ error: 'Enter the webinar’s title.' })
    .trim()
    .min(1, 'Enter the webinar’s title.')
    .max(200, 'Keep the title to 200 characters or fewer.'),
  description: z
    .string()
    .trim()
    .max(5000, 'Keep the description to 5,000 characters or fewer.')
    .optional()
    .describe('What the webinar covers; optional'),
  date: z
    .string({ error: 'Enter the date of the webinar.' })
    .trim()
    .min(1, 'Enter the date of the webinar.')
    .refine(isCalendarDate, 'Enter the date as a real date, like 2027-01-12.')
    .describe('Local date in the webinar’s time zone, YYYY-MM-DD'),
  time: z
    .string({ error: 'Enter the start time.' })
    .trim()
    .min(1, 'Enter the start time.')
    .refine((t) => parseTimeOfDay(t) !== undefined, 'Enter the start time like 14:00 or 2:00 pm.')
    .transform((t) => parseTimeOfDay(t)!)
    .describe('Local start time in the webinar’s time zone: 14:00 or 2:00 pm'),
  timeZone: z
    .enum(webinarTimeZoneIds, { error: 'Choose the time zone from the list.' })
    .describe('IANA time zone the time is announced in'),
  durationMinutes: z.preprocess(
    numberFromText,
    z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? 'Enter how long the webinar lasts, in minutes.'
            : 'Enter the length as a whole number of minutes, like 60.',
      })
      .int('Enter the length as a whole number of minutes, like 60.')
      .min(15, 'A webinar lasts at least 15 minutes.')
      .max(480, 'A webinar lasts at most 480 minutes (8 hours).'),
  ),
  registrationUrl: z
    .string({ error: 'Enter the registration link.' })
    .trim()
    .min(1, 'Enter the registration link.')
    .max(2000, 'Keep the registration link to 2,000 characters or fewer.')
    .pipe(
      z.url({
        protocol: /^https$/,
        hostname: z.regexes.domain,
        error: 'Enter the registration link as a full https:// address, like https://example.org/register.',
      }),
    ),
});

/** Numbers from a form arrive as text; the API sends a number. */
export type WebinarInput = z.input<typeof webinarInputSchema>;

export interface WebinarFields {
  title: string;
  description: string | null;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  registrationUrl: string;
}

/**
 * Check what staff entered and turn the local date and time into the instant it names: a time
 * that does not exist (the hour skipped when clocks go forward) or is not in the future is refused.
 */
export function webinarFieldsFrom(
  input: unknown,
  now: Date,
): { ok: true; fields: WebinarFields; note?: string } | { ok: false; errors: FieldErrors } {
  const parsed = webinarInputSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const d = parsed.data;
  const local = instantOfLocalTime(d.date, d.time, d.timeZone);
  if (local.kind === 'skipped')
    return {
      ok: false,
      errors: {
        time: `${d.time} did not happen on ${formatCalendarDate(d.date)} in ${timeZoneLabel(d.timeZone)}: the clocks moved forward an hour. Choose another time.`,
      },
    };
  if (local.instant.getTime() <= now.getTime())
    return { ok: false, errors: { date: 'The webinar must start in the future.' } };
  return {
    ok: true,
    fields: {
      title: d.title,
      description: d.description || null,
      startsAt: local.instant,
      timeZone: d.timeZone,
      durationMinutes: d.durationMinutes,
      registrationUrl: d.registrationUrl,
    },
    // When the clocks go back the hour happens twice; say which one was taken.
    ...(local.kind === 'ambiguous' && {
      note: `That time happens twice that night; the webinar is set for the first, ${formatWebinarTime(local.instant, d.timeZone)}.`,
    }),
  };
}
