import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';
import { emailField } from '../providers/forms.js';
import { providerTypes } from '../providers/schema.js';
import { usStateCodes } from './us-states.js';

/**
 * Input schemas shared by the JSON API (and its OpenAPI document), the use cases and the HTML forms.
 * Field names are the same everywhere, so an error keyed "startsOn" lands at the same field on a
 * page and in problem+json.
 */

const dateField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => isCalendarDate(v), message)
    .describe('YYYY-MM-DD');

const optionalText = (max: number) =>
  z
    .string({ error: 'Enter text' })
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .nullish()
    .transform((v) => v ?? '');

export const offeringSchema = z
  .object({
    startsOn: dateField('Enter the first day as a real date, like 2027-03-01'),
    endsOn: dateField('Enter the last day as a real date, like 2027-04-26'),
    online: z.boolean({ error: 'Say whether the session is online or in person' }),
    city: optionalText(100).describe('Town or city; required unless online'),
    state: z
      .enum([...usStateCodes, ''], { error: 'Choose a state from the list' })
      .nullish()
      .transform((v) => v ?? '')
      .describe('Two-letter USPS code of the state or territory; required unless online'),
    notes: optionalText(1000).describe('For example the venue, the days of the week or who may enrol'),
  })
  .superRefine((v, ctx) => {
    if (v.online) return;
    if (!v.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'Enter the town or city' });
    if (!v.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'Choose the state' });
  });
export type OfferingInput = z.output<typeof offeringSchema>;

/** A form posts strings: "yes"/"no" for online, and nothing at all when no choice was made. */
export function offeringFromForm(values: Record<string, string>): Record<string, unknown> {
  return {
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    online: values.online === 'yes' ? true : values.online === 'no' ? false : undefined,
    city: values.city ?? '',
    state: values.state ?? '',
    notes: values.notes ?? '',
  };
}

export const CATALOG_PAGE_SIZE = 20;

export const deliveryFilters = ['online', 'face_to_face'] as const;
export const deliveryFilterLabels: Record<(typeof deliveryFilters)[number], string> = {
  online: 'Online (or both)',
  face_to_face: 'Face to face (or both)',
};

/** The catalog's filters, the same for the page and the API; field names are the query parameters. */
export const catalogQuerySchema = z.object({
  q: z
    .string({ error: 'Enter words to search for' })
    .trim()
    .max(200, 'Use 200 characters or fewer')
    .default('')
    .describe('Words in the title or description, or the provider’s name; "a phrase", -without, or'),
  set: z
    .string({ error: 'Choose a competency set from the list' })
    .trim()
    .max(100, 'Choose a competency set from the list')
    .default('')
    .describe('Competency set id, like foundations'),
  delivery: z
    .enum([...deliveryFilters, ''], { error: 'Choose online or face to face' })
    .default('')
    .describe('online: online or both; face_to_face: face to face or both'),
  state: z
    .enum([...usStateCodes, ''], { error: 'Choose a state from the list' })
    .default('')
    .describe('Courses with a session in this state (USPS code)'),
  providerType: z
    .enum([...providerTypes, ''], { error: 'Choose a kind of provider from the list' })
    .default('')
    .describe('Kind of provider'),
  provider: z
    .string({ error: 'That provider was not found' })
    .trim()
    .max(64, 'That provider was not found')
    .default('')
    .describe('Provider id'),
  upcoming: z
    .enum(['yes', ''], { error: 'Tick the box or leave it empty' })
    .default('')
    .describe('yes: only courses with a session starting today or later'),
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1, 'Enter a page number of 1 or more')
    .max(10_000, 'Enter a page number of 10,000 or less')
    .default(1),
});
export type CatalogQuery = z.output<typeof catalogQuerySchema>;

export const alertSubscribeSchema = z.object({
  email: emailField('Enter your email address, like name@library.org'),
  set: z
    .string({ error: 'Choose a competency set from the list' })
    .trim()
    .max(100, 'Choose a competency set from the list')
    .nullish()
    .transform((v) => v ?? ''),
});
