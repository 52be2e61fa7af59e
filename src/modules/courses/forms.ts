import { z } from 'zod';
import { courseFileKinds, deliveryModes } from './schema.js';

/**
 * One schema per step, shared by the JSON API, the use cases and (through the `…FromForm` adapters)
 * the HTML forms. Field names are the same everywhere, so an error keyed "title" lands at the same
 * field on a page and in problem+json.
 */

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use ${max} characters or fewer`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `Use ${max} characters or fewer`).default('');

export const startCourseApplicationSchema = z.object({
  /** Needed only when the person belongs to more than one organisation. */
  providerId: z.string().trim().max(64).optional(),
  setId: requiredText('Choose the competency set the course covers', 64),
});

const YES_NO_MESSAGE = 'Say whether students attend at the same time (synchronous)';

export const courseDetailsSchema = z.object({
  title: requiredText('Enter the course title', 200),
  description: requiredText('Enter a description of the course', 4000),
  delivery: z.enum(deliveryModes, { error: 'Choose how the course is delivered' }),
  synchronous: z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], {
    error: YES_NO_MESSAGE,
  }),
  length: requiredText('Enter how long the course runs, like 8 weeks', 100),
  contactHours: z.coerce
    .number({ error: 'Enter the contact hours as a number, like 24' })
    .gt(0, 'Enter contact hours more than 0')
    .max(9999, 'Enter contact hours of 9999 or fewer')
    .refine((n) => Math.round(n * 100) === n * 100, 'Use at most two decimal places'),
  locations: requiredText('Enter where the course runs (a city and state, or online)', 1000),
  costToStudentsCents: z
    .number({ error: 'Enter the cost to students in dollars, like 250 or 0' })
    .int('Enter the cost to students in whole cents')
    .min(0, 'The cost to students cannot be negative')
    .max(100_000_000, 'Enter a cost of $1,000,000 or less'),
  registrationUrl: requiredText('Enter the registration link', 500).pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: 'Enter a web address starting with https:// or http://',
    }),
  ),
  teachingMethods: requiredText('Describe the teaching methods', 4000),
  assessmentStrategy: requiredText('Describe the assessment strategy', 4000),
});
export type CourseDetailsInput = z.output<typeof courseDetailsSchema>;

export const competencyMapEntrySchema = z.object({
  content: requiredText('Describe the content that covers this competency', 4000),
  readings: optionalText(4000),
  assignments: optionalText(4000),
  assessment: optionalText(4000),
});
export type CompetencyMapEntryInput = z.output<typeof competencyMapEntrySchema>;

export const courseFileKindSchema = z.enum(courseFileKinds, {
  error: 'Choose whether this is the syllabus or an instructor’s résumé',
});

/** The form's cost is in dollars ("250", "249.50"); the use case takes cents. Anything else stays as typed, and fails. */
export function detailsFromForm(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const { cost, ...rest } = b;
  const text = typeof cost === 'string' ? cost.trim().replace(/^\$/, '').replace(/,/g, '') : '';
  const costToStudentsCents = /^\d{1,9}(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : text;
  const contactHours =
    typeof b.contactHours === 'string' && b.contactHours.trim() === '' ? undefined : b.contactHours;
  return { ...rest, contactHours, costToStudentsCents };
}
