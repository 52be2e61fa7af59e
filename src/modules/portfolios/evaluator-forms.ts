import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';
import { isEmailDeclaration, normalizeName } from './rules/conflicts.js';

/**
 * Input schemas for evaluator profiles and declared conflicts, shared by the JSON API (and its
 * OpenAPI document), the use cases and the HTML forms (whose strings are converted first, below).
 */

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 50;
const capacityMessage = `Enter how many portfolios a year you can evaluate, a whole number from ${MIN_CAPACITY} to ${MAX_CAPACITY}`;

export const evaluatorProfileSchema = z.object({
  setIds: z
    .array(z.string().max(64), { error: 'Choose the competency sets you evaluate' })
    .min(1, 'Choose at least one competency set you evaluate')
    .max(40, 'Choose the competency sets you evaluate'),
  yearlyCapacity: z
    .number({ error: capacityMessage })
    .int(capacityMessage)
    .min(MIN_CAPACITY, capacityMessage)
    .max(MAX_CAPACITY, capacityMessage),
  trainingCompletedOn: z
    .string({ error: 'Enter the date like 2026-03-31' })
    .refine(isCalendarDate, 'Enter a real date like 2026-03-31')
    .nullish()
    .transform((v) => v ?? null)
    .describe('The day the evaluator training was completed (YYYY-MM-DD), or null if not yet'),
  employer: z
    .string({ error: 'Enter the name of your library or employer' })
    .trim()
    .max(200, 'Use 200 characters or fewer')
    .nullish()
    .transform((v) => v || null)
    .describe('The library or organisation the evaluator works for'),
});
export type EvaluatorProfileInput = z.output<typeof evaluatorProfileSchema>;

/** Staff also decide whether the evaluator takes new portfolios. */
export const staffEvaluatorProfileSchema = evaluatorProfileSchema.extend({
  active: z.boolean({ error: 'Choose whether the evaluator takes new portfolios' }),
});

export const conflictKinds = ['library', 'person'] as const;
export const conflictKindLabels = {
  library: 'A library I work for or with',
  person: 'A person I know (name or email address)',
} as const;

export const conflictSchema = z
  .object({
    kind: z.enum(conflictKinds, { error: 'Choose whether it is a library or a person' }),
    value: z
      .string({ error: 'Enter the name of the library or person' })
      .trim()
      .min(1, 'Enter the name of the library or person')
      .max(200, 'Use 200 characters or fewer'),
  })
  .superRefine((v, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if (v.kind === 'person' && isEmailDeclaration(v.value)) {
      if (!z.email().safeParse(v.value).success) issue('Enter an email address like name@example.org');
    } else if (v.value && !normalizeName(v.value)) {
      issue('Enter a name with letters or digits');
    } else if (v.kind === 'library' && isEmailDeclaration(v.value)) {
      issue('Enter the name of the library, not an email address');
    }
  });
export type ConflictInput = z.output<typeof conflictSchema>;

export const POOL_PAGE_SIZE = 50;
export const poolQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1, 'Enter a page number of 1 or more')
    .max(10_000, 'Enter a smaller page number')
    .default(1),
});

type Values = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A posted profile form as the use case takes it: checkboxes as a list, the number as a number. */
export function profileFromForm(body: Values, staff: boolean) {
  const sets = body.setIds;
  const capacity = one(body.yearlyCapacity).trim();
  const active = one(body.active);
  return {
    setIds: Array.isArray(sets) ? sets : sets ? [sets] : [],
    yearlyCapacity: capacity === '' ? undefined : /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN,
    trainingCompletedOn: one(body.trainingCompletedOn).trim() || null,
    employer: one(body.employer),
    ...(staff ? { active: active === 'yes' ? true : active === 'no' ? false : undefined } : {}),
  };
}
