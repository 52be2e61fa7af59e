import { z } from 'zod';
import { compareDates, isCalendarDate } from '../../lib/calendar-date.js';
import type { ApplicationStatus } from '../applications/schema.js';
import { queueStatuses } from './status.js';

export const QUEUE_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** A query string gives one value, several (status=a&status=b) or a comma list (status=a,b). */
const listOf = (v: unknown) =>
  v === undefined || v === ''
    ? []
    : (Array.isArray(v) ? v : [v])
        .flatMap((s) => String(s).split(','))
        .map((s) => s.trim())
        .filter(Boolean);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || isCalendarDate(v),
      `Enter the ${label} date as a real date, like 2026-11-28`,
    );

/** The queue's filters, the same for the page and the API; field names are the query parameters. */
export const queueQuery = z
  .object({
    status: z
      .preprocess(
        listOf,
        z.array(
          z.enum(queueStatuses as [ApplicationStatus, ...ApplicationStatus[]], {
            error: 'Choose statuses from the list',
          }),
        ),
      )
      .optional()
      .describe('One or more statuses: repeat the parameter or separate with commas'),
    submittedFrom: optionalDate('"submitted from"').describe('First submission day, YYYY-MM-DD'),
    submittedTo: optionalDate('"submitted to"').describe('Last submission day, YYYY-MM-DD'),
    region: z
      .string()
      .trim()
      .max(100, 'Use 100 characters or fewer')
      .optional()
      .describe('State or province, as written'),
    q: z
      .string()
      .trim()
      .max(100, 'Use 100 characters or fewer')
      .optional()
      .describe('Application number, or the start of a name'),
    page: z.coerce.number({ error: 'Enter a page number' }).int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number({ error: 'Enter a page size' })
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(QUEUE_PAGE_SIZE),
  })
  .superRefine((v, ctx) => {
    if (v.submittedFrom && v.submittedTo && compareDates(v.submittedFrom, v.submittedTo) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['submittedTo'],
        message: 'The "to" date must be on or after the "from" date',
      });
    }
  });

export type QueueQuery = z.output<typeof queueQuery>;
