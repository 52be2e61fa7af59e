import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';
import { providerCountries } from '../providers/forms.js';
import { type ProgramAward, programAwards } from './schema.js';

/**
 * Input schemas shared by the JSON API (and its OpenAPI document), the use cases and the forms:
 * the same field names everywhere, so an error keyed "contactEmail" lands at the same field.
 */

export const awardLabels: Record<ProgramAward, string> = {
  associate_degree: 'Associate degree',
  certificate: 'Certificate',
};
export const awardOptions = programAwards.map((a) => [a, awardLabels[a]] as const);
export const collegeCountries = providerCountries;
const countryCodes = collegeCountries.map(([code]) => code) as [string, ...string[]];

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use ${max} characters or fewer`);
const optionalText = (max: number) =>
  z
    .string({ error: 'Enter text' })
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .nullish()
    .transform((v) => v ?? '');

const isWebAddress = (v: string) => {
  if (!/^https?:\/\//i.test(v)) return false;
  try {
    return new URL(v).hostname.includes('.');
  } catch {
    return false;
  }
};

const date = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => isCalendarDate(v), message);
const optionalDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), message)
    .nullish()
    .transform((v) => (v ? v : null));

export const collegeSchema = z.object({
  name: requiredText('Enter the name of the college', 200),
  region: optionalText(100),
  country: z.enum(countryCodes, { error: 'Choose the country' }),
  website: optionalText(300).refine(
    (v) => v === '' || isWebAddress(v),
    'Enter the full web address, starting with https://',
  ),
  contactEmail: z
    .string({ error: 'Enter the contact email address' })
    .trim()
    .min(1, 'Enter the contact email address')
    .max(254, 'Use 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address like name@college.edu' })),
});
export type CollegeInput = z.infer<typeof collegeSchema>;

export const programSchema = z.object({
  name: requiredText('Enter the name of the program', 200),
  award: z.enum(programAwards, { error: 'Choose what graduates are awarded' }),
});
export type ProgramInput = z.infer<typeof programSchema>;

/** A checkbox group posts nothing, one string or many; the API sends an array. */
const setIdList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(64), { error: 'Choose the competency sets' }).max(20),
);

export const courseSchema = z.object({
  code: requiredText('Enter the course code, like LIB 101', 30),
  title: requiredText('Enter the course title', 200),
  setIds: setIdList,
});
export type CourseInput = z.infer<typeof courseSchema>;

export const signSchema = z.object({
  effectiveFrom: date('Enter the first graduation date the agreement covers, like 2026-05-15'),
  endsOn: optionalDate('Enter the last graduation date as a date like 2030-05-15, or leave it empty'),
});
export type SignInput = z.infer<typeof signSchema>;

export const endSchema = z.object({
  endsOn: date('Enter the last graduation date the agreement covers, like 2027-05-15'),
});

export const graduationFieldsSchema = z.object({
  agreementId: z
    .string({ error: 'Choose the program you graduated from' })
    .trim()
    .min(1, 'Choose the program you graduated from'),
  graduatedOn: date('Enter the date you graduated, like 2026-05-15'),
});

export const rejectProofSchema = z.object({
  reason: requiredText('Say why the proof cannot be accepted, so the candidate can fix it', 2000),
});

export const AGREEMENT_PAGE_SIZE = 20;
export const pageQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1)
    .max(10_000)
    .default(1),
});
