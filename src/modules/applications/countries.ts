/**
 * Countries offered on the application form: the United States first (most applicants), then
 * Canada, then other countries with library workers who have applied to programs like this one.
 * ISO 3166-1 alpha-2 codes; "ZZ" (a code ISO reserves for user use) stands for "another country",
 * whose name the applicant types.
 */
export const OTHER_COUNTRY = 'ZZ';

export const countries: ReadonlyArray<readonly [code: string, name: string]> = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['AR', 'Argentina'],
  ['AU', 'Australia'],
  ['AT', 'Austria'],
  ['BS', 'Bahamas'],
  ['BE', 'Belgium'],
  ['BR', 'Brazil'],
  ['CL', 'Chile'],
  ['CN', 'China'],
  ['CO', 'Colombia'],
  ['DK', 'Denmark'],
  ['EG', 'Egypt'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['GH', 'Ghana'],
  ['GU', 'Guam'],
  ['IN', 'India'],
  ['IE', 'Ireland'],
  ['IL', 'Israel'],
  ['IT', 'Italy'],
  ['JM', 'Jamaica'],
  ['JP', 'Japan'],
  ['KE', 'Kenya'],
  ['KR', 'Korea, Republic of'],
  ['MX', 'Mexico'],
  ['NL', 'Netherlands'],
  ['NZ', 'New Zealand'],
  ['NG', 'Nigeria'],
  ['NO', 'Norway'],
  ['PK', 'Pakistan'],
  ['PH', 'Philippines'],
  ['PL', 'Poland'],
  ['PT', 'Portugal'],
  ['PR', 'Puerto Rico'],
  ['SA', 'Saudi Arabia'],
  ['SG', 'Singapore'],
  ['ZA', 'South Africa'],
  ['ES', 'Spain'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['TT', 'Trinidad and Tobago'],
  ['AE', 'United Arab Emirates'],
  ['GB', 'United Kingdom'],
  ['VI', 'Virgin Islands (U.S.)'],
  [OTHER_COUNTRY, 'Another country'],
];

export const countryCodes = countries.map(([code]) => code) as [string, ...string[]];

export function countryName(code: string | null | undefined, other?: string): string {
  if (!code) return '';
  if (code === OTHER_COUNTRY) return other || 'Another country';
  return countries.find(([c]) => c === code)?.[1] ?? code;
}
