import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';
import { countryCodes, OTHER_COUNTRY } from './countries.js';
import { normalizeAlaMemberNumber } from './rules/ala-membership.js';

/**
 * One schema per application section, shared by the JSON API (and its OpenAPI document), the use
 * cases and, through the `…Form` adapters below, the HTML forms. Field names are the same
 * everywhere, so an error keyed "startDate" lands at the same field on a page and in problem+json.
 */

export const libraryTypes = [
  'public',
  'academic',
  'school',
  'special',
  'government',
  'tribal',
  'other',
] as const;
export type LibraryType = (typeof libraryTypes)[number];
export const libraryTypeLabels: Record<LibraryType, string> = {
  public: 'Public library',
  academic: 'Academic library (college or university)',
  school: 'School library',
  special: 'Special library (law, medical, corporate, museum…)',
  government: 'Government library',
  tribal: 'Tribal library',
  other: 'Another kind of library',
};

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use ${max} characters or fewer`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `Use ${max} characters or fewer`).default('');

export const personalDetailsSchema = z
  .object({
    givenName: requiredText('Enter your given name', 100),
    familyName: requiredText('Enter your family name', 100),
    phone: requiredText('Enter a phone number', 30).regex(
      /^\+?[0-9 ().-]{6,29}$/,
      'Enter a phone number with digits, spaces or dashes, like +1 555 010 0199',
    ),
    addressLine1: requiredText('Enter the first line of your address', 200),
    addressLine2: optionalText(200),
    city: requiredText('Enter your town or city', 100),
    region: optionalText(100),
    postalCode: optionalText(20),
    country: z.enum(countryCodes, { error: 'Choose your country' }),
    countryOther: optionalText(100),
    employerName: optionalText(200),
    employerType: z
      .enum([...libraryTypes, ''], { error: 'Choose a type of library from the list' })
      .default(''),
    jobTitle: optionalText(120),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.country === 'US') {
      if (!v.region) issue('region', 'Enter your state');
      if (!/^\d{5}(-\d{4})?$/.test(v.postalCode))
        issue('postalCode', 'Enter a ZIP code like 60611 or 60611-1234');
    } else if (v.country === 'CA') {
      if (!v.region) issue('region', 'Enter your province or territory');
      if (!/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/.test(v.postalCode))
        issue('postalCode', 'Enter a postal code like K1A 0B1');
    } else if (v.country === OTHER_COUNTRY && !v.countryOther) {
      issue('countryOther', 'Enter the name of your country');
    }
    if (v.employerName && !v.employerType) issue('employerType', 'Choose the type of library you work for');
    if (!v.employerName && (v.employerType || v.jobTitle)) {
      issue('employerName', 'Enter the name of the library you work for');
    }
  });
export type PersonalDetails = z.output<typeof personalDetailsSchema>;

export const educationSchema = z.object({
  hasHighSchool: z.boolean({ error: 'Answer yes or no' }),
});

export const membershipSchema = z
  .object({
    isAlaMember: z.boolean({ error: 'Answer whether you are an ALA member' }),
    alaMemberNumber: z.string().max(40, 'Use 40 characters or fewer').nullable().default(null),
  })
  .transform((v, ctx) => {
    if (!v.isAlaMember) return { isAlaMember: false, alaMemberNumber: null };
    const result = normalizeAlaMemberNumber(v.alaMemberNumber ?? '');
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', path: ['alaMemberNumber'], message: result.message });
      return z.NEVER;
    }
    return { isAlaMember: true, alaMemberNumber: result.value };
  });

export const heardFromOptions = [
  ['colleague', 'A colleague or supervisor'],
  ['employer', 'My employer'],
  ['state_library', 'A state library or library association'],
  ['course_provider', 'A course provider'],
  ['conference', 'A conference or workshop'],
  ['web', 'A web search or website'],
  ['social', 'Social media or a mailing list'],
  ['other', 'Somewhere else'],
] as const;
export const yearsInLibrariesOptions = [
  ['lt1', 'Less than 1 year'],
  ['1-2', '1 to 2 years'],
  ['3-5', '3 to 5 years'],
  ['6-10', '6 to 10 years'],
  ['11-20', '11 to 20 years'],
  ['gt20', 'More than 20 years'],
] as const;
export const highestEducationOptions = [
  ['high_school', 'High-school diploma or equivalent'],
  ['some_college', 'Some college'],
  ['associate', "Associate's degree"],
  ['bachelor', "Bachelor's degree"],
  ['master', "Master's degree"],
  ['doctorate', 'Doctorate'],
  ['other', 'Something else'],
] as const;
const keysOf = <T extends ReadonlyArray<readonly [string, string]>>(options: T) =>
  options.map(([k]) => k) as [T[number][0], ...T[number][0][]];

export const researchSchema = z.object({
  heardFrom: z
    .enum(keysOf(heardFromOptions), { error: 'Choose an answer from the list' })
    .nullable()
    .default(null),
  yearsInLibraries: z
    .enum(keysOf(yearsInLibrariesOptions), { error: 'Choose an answer from the list' })
    .nullable()
    .default(null),
  highestEducation: z
    .enum(keysOf(highestEducationOptions), { error: 'Choose an answer from the list' })
    .nullable()
    .default(null),
  researchConsent: z.boolean({ error: 'Answer yes or no, or leave it unanswered' }).nullable().default(null),
});
export type ResearchAnswers = z.output<typeof researchSchema>;

const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isCalendarDate, 'Enter a real date, like 2023-03-15');
const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

export const experienceEntrySchema = z.object({
  library: requiredText('Enter the name of the library', 200),
  libraryType: z.enum(libraryTypes, { error: 'Choose the type of library' }),
  position: requiredText('Enter your position or role', 120),
  paid: z.boolean({ error: 'Choose paid or volunteer' }),
  startDate: calendarDate('Enter the date you started'),
  /** null: "I still work here". */
  endDate: calendarDate('Enter the date you stopped, or tick “I still work here”').nullable(),
  hoursPerWeek: z
    .number({ error: 'Enter hours per week as a number, like 20' })
    .refine(twoDecimals, 'Use at most 2 decimal places for hours per week')
    .nullable()
    .default(null),
  totalHours: z
    .number({ error: 'Enter total hours as a whole number, like 1820' })
    .int('Enter total hours as a whole number, like 1820')
    .nullable()
    .default(null),
});
export type ExperienceEntryInput = z.output<typeof experienceEntrySchema>;

export const respondSchema = z.object({
  response: requiredText('Write your answer to the question', 5000),
});

export const submitSchema = z.object({
  paymentMethod: z.enum(['card', 'check'], { error: 'Choose how you will pay the fee' }),
});

/** At submission an institution may pay (purchase order): then which one (institutions module). */
export const submitApplicationSchema = z.object({
  paymentMethod: z.enum(['card', 'check', 'institution'], { error: 'Choose how you will pay the fee' }),
  institutionId: z.string().trim().max(64).optional(),
});

// ---- HTML form adapters: a form sends strings; turn them into the section's JSON shape. ----

const str = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
const yesNo = (v: unknown) => (str(v) === 'yes' ? true : str(v) === 'no' ? false : undefined);
const orNull = (v: unknown) => (str(v).trim() === '' ? null : str(v).trim());
const numberOrNull = (v: unknown) => {
  const s = str(v).trim().replace(/,/g, '');
  return s === '' ? null : Number(s);
};

type FormBody = Record<string, unknown>;
const body = (raw: unknown): FormBody => (raw && typeof raw === 'object' ? (raw as FormBody) : {});

export const educationFromForm = (raw: unknown) => ({ hasHighSchool: yesNo(body(raw).hasHighSchool) });

export const membershipFromForm = (raw: unknown) => {
  const b = body(raw);
  return { isAlaMember: yesNo(b.isAlaMember), alaMemberNumber: orNull(b.alaMemberNumber) };
};

export const researchFromForm = (raw: unknown) => {
  const b = body(raw);
  return {
    heardFrom: orNull(b.heardFrom),
    yearsInLibraries: orNull(b.yearsInLibraries),
    highestEducation: orNull(b.highestEducation),
    researchConsent: yesNo(b.researchConsent) ?? null,
  };
};

export const experienceFromForm = (raw: unknown) => {
  const b = body(raw);
  const still = str(b.stillWorking) === 'yes';
  const paid = str(b.paid);
  return {
    library: str(b.library),
    libraryType: str(b.libraryType) || undefined,
    position: str(b.position),
    paid: paid === 'paid' ? true : paid === 'volunteer' ? false : undefined,
    startDate: str(b.startDate),
    endDate: still ? null : str(b.endDate).trim() === '' ? undefined : str(b.endDate),
    hoursPerWeek: numberOrNull(b.hoursPerWeek),
    totalHours: numberOrNull(b.totalHours),
  };
};

/** What applications.details holds (the denormalized columns copy a few of these for queries). */
export interface ApplicationDetails {
  personal?: PersonalDetails;
  /** Set once the membership section is answered; the number itself is in ala_member_number. */
  isAlaMember?: boolean;
}
