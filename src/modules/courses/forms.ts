import { z } from 'zod';
import { courseApplicationKinds, courseFileKinds, deliveryModes } from './schema.js';

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
  /** One course for the whole set, or a bundle of courses that only together cover it. */
  kind: z
    .enum(courseApplicationKinds, { error: 'Choose one course or a bundle of courses' })
    .default('course'),
});

const contactHoursSchema = z.coerce
  .number({ error: 'Enter the contact hours as a number, like 24' })
  .gt(0, 'Enter contact hours more than 0')
  .max(9999, 'Enter contact hours of 9999 or fewer')
  .refine((n) => Math.round(n * 100) === n * 100, 'Use at most two decimal places');

const YES_NO_MESSAGE = 'Say whether students attend at the same time (synchronous)';

export const courseDetailsSchema = z.object({
  title: requiredText('Enter the course title', 200),
  description: requiredText('Enter a description of the course', 4000),
  delivery: z.enum(deliveryModes, { error: 'Choose how the course is delivered' }),
  synchronous: z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], {
    error: YES_NO_MESSAGE,
  }),
  length: requiredText('Enter how long the course runs, like 8 weeks', 100),
  contactHours: contactHoursSchema,
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
  /** For a bundle: the id of the bundle's course that covers the competency (may wait while drafting). */
  partId: z.string().trim().max(64).default(''),
});
export type CompetencyMapEntryInput = z.output<typeof competencyMapEntrySchema>;

/** One course of a bundle: what the catalog will show for it. */
export const coursePartSchema = z.object({
  title: requiredText('Enter the title of this course', 200),
  description: requiredText('Enter a description of this course', 4000),
  contactHours: contactHoursSchema,
});
export type CoursePartInput = z.output<typeof coursePartSchema>;

/** An empty contact-hours box reads as "not answered", not as 0. */
export function partFromForm(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const contactHours =
    typeof b.contactHours === 'string' && b.contactHours.trim() === '' ? undefined : b.contactHours;
  return { ...b, contactHours };
}

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
