import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';

export const COURSE_NUMBER_PATTERN = /^CRS-\d{4}-\d{6}(-\d{1,2})?$/;
const NUMBER_HINT = 'Enter the course number as the catalog shows it, like CRS-2026-000123';

/** The text fields of a claim (the proof file is checked on its own). */
export const claimFieldsSchema = z.object({
  courseNumber: z
    .string({ error: 'Enter the course number' })
    .trim()
    .min(1, 'Enter the course number')
    .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
    .refine((s) => COURSE_NUMBER_PATTERN.test(s), NUMBER_HINT),
  completedOn: z
    .string({ error: 'Enter the date you completed the course' })
    .trim()
    .min(1, 'Enter the date you completed the course')
    .refine(isCalendarDate, 'Enter a real date, like 2026-03-15'),
  note: z
    .string()
    .trim()
    .max(2000, 'Keep the note to 2,000 characters or fewer')
    .optional()
    .transform((s) => s || null),
});
export type ClaimFields = z.output<typeof claimFieldsSchema>;

export const claimDecisions = ['confirm', 'reject'] as const;

export const claimDecisionSchema = z
  .object({
    decision: z.enum(claimDecisions, { error: 'Choose whether to confirm or reject the claim' }),
    reason: z
      .string()
      .trim()
      .max(2000, 'Keep the reason to 2,000 characters or fewer')
      .optional()
      .transform((s) => s || null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Give the reason for rejecting the claim; the candidate will see it',
      });
  });
export type ClaimDecision = z.output<typeof claimDecisionSchema>;

export const claimListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const staffClaimListQuerySchema = claimListQuerySchema.extend({
  providerId: z.union([z.uuid(), z.literal('')]).optional(),
});
