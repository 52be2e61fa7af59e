import { z } from 'zod';
import { countries, OTHER_COUNTRY } from '../applications/countries.js';
import { type ProviderMemberRole, type ProviderType, providerMemberRoles, providerTypes } from './schema.js';

/**
 * Input schemas shared by the JSON API (and its OpenAPI document), the use cases and the HTML forms.
 * Field names are the same everywhere, so an error keyed "website" lands at the same field on a page
 * and in problem+json.
 */

export const providerTypeLabels: Record<ProviderType, string> = {
  state_library: 'State library',
  state_library_association: 'State library association',
  regional_cooperative: 'Regional library cooperative',
  community_college: 'Community college',
  ala_unit: 'ALA division or unit',
  individual_consultant: 'Individual consultant',
};
export const providerTypeOptions = providerTypes.map((t) => [t, providerTypeLabels[t]] as const);

export const memberRoleLabels: Record<ProviderMemberRole, string> = {
  admin: 'Administrator',
  member: 'Member',
};

/** Organisations name a real country; "another country" (ZZ) needs a typed name the profile has no place for. */
export const providerCountries = countries.filter(([code]) => code !== OTHER_COUNTRY);
const providerCountryCodes = providerCountries.map(([code]) => code) as [string, ...string[]];

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use ${max} characters or fewer`);
/** Optional text: missing, null and blank all mean "not given" (''). */
const optionalText = (max: number, check?: { test: (v: string) => boolean; message: string }) =>
  z
    .string({ error: 'Enter text' })
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .refine((v) => v === '' || !check || check.test(v), check?.message ?? '')
    .nullish()
    .transform((v) => v ?? '');

const isWebAddress = (v: string) => {
  if (!/^https?:\/\//i.test(v)) return false;
  try {
    return Boolean(new URL(v).hostname.includes('.'));
  } catch {
    return false;
  }
};

export const emailField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(254, 'Use 254 characters or fewer')
    .pipe(z.email(message))
    .transform((v) => v.toLowerCase());

export const providerProfileSchema = z.object({
  name: requiredText('Enter the name of the organisation', 200),
  type: z.enum(providerTypes, { error: 'Choose the kind of organisation' }),
  country: z.enum(providerCountryCodes, { error: 'Choose the country' }),
  region: requiredText('Enter the state, province or region', 100),
  city: requiredText('Enter the town or city', 100),
  website: optionalText(300, {
    test: isWebAddress,
    message: 'Enter a web address that starts with https:// or http://, like https://library.example.org',
  }),
  contactEmail: emailField('Enter a contact email address, like courses@library.org'),
  phone: optionalText(30, {
    test: (v) => /^\+?[0-9 ().-]{6,29}$/.test(v),
    message: 'Enter a phone number with digits, spaces or dashes, like +1 555 010 0199',
  }),
  description: optionalText(2000),
});
export type ProviderProfile = z.output<typeof providerProfileSchema>;

export const inviteSchema = z.object({
  email: emailField('Enter the email address of the person to invite, like name@library.org'),
  role: z.enum(providerMemberRoles, { error: 'Choose member or administrator' }).default('member'),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const PROVIDER_PAGE_SIZE = 25;
export const MAX_PROVIDER_PAGE_SIZE = 100;

/** The staff list's filters, the same for the page and the API; field names are the query parameters. */
export const staffProviderQuery = z.object({
  q: z.string().trim().max(100, 'Use 100 characters or fewer').optional().describe('The start of the name'),
  type: z
    .enum([...providerTypes, ''], { error: 'Choose a kind of organisation from the list' })
    .optional()
    .describe('Kind of organisation'),
  region: z
    .string()
    .trim()
    .max(100, 'Use 100 characters or fewer')
    .optional()
    .describe('State, province or region, as written'),
  page: z.coerce.number({ error: 'Enter a page number' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number({ error: 'Enter a page size' })
    .int()
    .min(1)
    .max(MAX_PROVIDER_PAGE_SIZE)
    .default(PROVIDER_PAGE_SIZE),
});
export type StaffProviderQuery = z.output<typeof staffProviderQuery>;
