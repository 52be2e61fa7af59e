import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryErrorMessages as m } from '../../src/modules/applications/rules/eligibility.js';
import { testBackends } from '../support/backends.js';
import { candidate, job, personalDetails } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The page shows each message twice: in the error summary (linking to the field) and at the field. */
function expectFieldErrors(body: string, fields: Record<string, string>) {
  expect(body).toContain('class="error-summary"');
  for (const [field, message] of Object.entries(fields)) {
    const html = message.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(body, field).toContain(`<a href="#f-${field}">${html}</a>`);
    expect(body, field).toContain(
      `id="f-${field}-error"><span class="visually-hidden">Error: </span>${html}</p>`,
    );
  }
}

function problemFields(res: {
  statusCode: number;
  json(): { code: string; errors?: Array<{ field: string; message: string }> };
}) {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.code).toBe('VALIDATION_FAILED');
  return Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
}

describe.each(testBackends())('application input checks on %s', (backend) => {
  let t: TestApp;
  let me: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    me = await candidate(t);
  });
  afterAll(() => t.close());

  it('names every missing personal detail, keeps what was typed, and says so on the API too', async () => {
    const page = await postForm(
      t,
      '/application/personal',
      { givenName: 'Ada', familyName: '', phone: '', country: '' },
      me,
    );
    expect(page.statusCode).toBe(400);
    expectFieldErrors(page.body, {
      familyName: 'Enter your family name',
      phone: 'Enter a phone number',
      addressLine1: 'Enter the first line of your address',
      city: 'Enter your town or city',
      country: 'Choose your country',
    });
    expect(page.body).toContain('name="givenName" type="text" value="Ada"');

    const res = await api(t, 'PUT', '/api/v1/application/personal', {
      session: me,
      body: { givenName: 'Ada' },
    });
    expect(Object.keys(problemFields(res))).toEqual(
      expect.arrayContaining(['familyName', 'phone', 'addressLine1', 'city', 'country']),
    );
  });

  it('checks phone, US and Canadian addresses, the other-country name, the employer and lengths', async () => {
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [
        { phone: 'call me' },
        { phone: 'Enter a phone number with digits, spaces or dashes, like +1 555 010 0199' },
      ],
      [
        { region: '', postalCode: '6270' },
        { region: 'Enter your state', postalCode: 'Enter a ZIP code like 60611 or 60611-1234' },
      ],
      [
        { country: 'CA', region: '', postalCode: '12345' },
        { region: 'Enter your province or territory', postalCode: 'Enter a postal code like K1A 0B1' },
      ],
      [{ country: 'ZZ', countryOther: '' }, { countryOther: 'Enter the name of your country' }],
      [{ country: 'XX' }, { country: 'Choose your country' }],
      [{ employerType: '' }, { employerType: 'Choose the type of library you work for' }],
      [{ employerType: 'castle' }, { employerType: 'Choose a type of library from the list' }],
      [
        { employerName: '', jobTitle: 'Clerk', employerType: '' },
        { employerName: 'Enter the name of the library you work for' },
      ],
      [{ givenName: 'x'.repeat(101) }, { givenName: 'Use 100 characters or fewer' }],
    ];
    for (const [change, errors] of cases) {
      const page = await postForm(t, '/application/personal', { ...personalDetails, ...change }, me);
      expect(page.statusCode, JSON.stringify(change)).toBe(400);
      expectFieldErrors(page.body, errors);
      const res = await api(t, 'PUT', '/api/v1/application/personal', {
        session: me,
        body: { ...personalDetails, ...change },
      });
      expect(problemFields(res)).toMatchObject(errors);
    }
    // Abroad, region and postal code are optional.
    const abroad = await api(t, 'PUT', '/api/v1/application/personal', {
      session: me,
      body: { ...personalDetails, country: 'GB', region: '', postalCode: '' },
    });
    expect(abroad.statusCode).toBe(200);
    expect(abroad.json().personal.country).toBe('GB');
  });

  it('checks the education, membership and research answers', async () => {
    expectFieldErrors((await postForm(t, '/application/education', {}, me)).body, {
      hasHighSchool: 'Answer yes or no',
    });
    expect(
      problemFields(
        await api(t, 'PUT', '/api/v1/application/education', {
          session: me,
          body: { hasHighSchool: 'maybe' },
        }),
      ),
    ).toEqual({
      hasHighSchool: 'Answer yes or no',
    });

    const memberships: Array<[string, string]> = [
      ['', 'Enter your ALA membership number.'],
      ['12AB', 'An ALA membership number has digits only (spaces and dashes are fine).'],
      ['123', 'An ALA membership number has 4 to 12 digits.'],
    ];
    for (const [number, message] of memberships) {
      const page = await postForm(
        t,
        '/application/membership',
        { isAlaMember: 'yes', alaMemberNumber: number },
        me,
      );
      expect(page.statusCode).toBe(400);
      expectFieldErrors(page.body, { alaMemberNumber: message });
      const res = await api(t, 'PUT', '/api/v1/application/membership', {
        session: me,
        body: { isAlaMember: true, alaMemberNumber: number },
      });
      expect(problemFields(res)).toEqual({ alaMemberNumber: message });
    }
    expectFieldErrors((await postForm(t, '/application/membership', {}, me)).body, {
      isAlaMember: 'Answer whether you are an ALA member',
    });

    const research = await postForm(
      t,
      '/application/research',
      { heardFrom: 'carrier pigeon', yearsInLibraries: '3-5' },
      me,
    );
    expectFieldErrors(research.body, { heardFrom: 'Choose an answer from the list' });
    expect(research.body).toMatch(/<option value="3-5" selected/);
    expect(
      problemFields(
        await api(t, 'PUT', '/api/v1/application/research', {
          session: me,
          body: { highestEducation: 'wizard' },
        }),
      ),
    ).toEqual({
      highestEducation: 'Choose an answer from the list',
    });
    // Every research answer is optional.
    expect((await postForm(t, '/application/research', {}, me)).statusCode).toBe(303);
  });

  it('checks every field of a work entry, including the rules on dates and hours', async () => {
    const empty = await postForm(t, '/application/experience/new', {}, me);
    expect(empty.statusCode).toBe(400);
    expectFieldErrors(empty.body, {
      library: 'Enter the name of the library',
      libraryType: 'Choose the type of library',
      position: 'Enter your position or role',
      paid: 'Choose paid or volunteer',
      startDate: 'Enter the date you started',
      endDate: 'Enter the date you stopped, or tick “I still work here”',
      hoursPerWeek: m.HOURS_MISSING,
    });

    const form = {
      library: 'Lib',
      libraryType: 'public',
      position: 'Page',
      paid: 'volunteer',
      startDate: '2022-01-01',
      endDate: '2022-12-31',
    };
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ startDate: '2026-11-29', stillWorking: 'yes', totalHours: '100' }, { startDate: m.START_IN_FUTURE }],
      [{ endDate: '2027-01-01', totalHours: '100' }, { endDate: m.END_IN_FUTURE }],
      [{ endDate: '2021-12-31', totalHours: '100' }, { endDate: m.END_BEFORE_START }],
      [{ startDate: '2023-02-30', totalHours: '100' }, { startDate: 'Enter a real date, like 2023-03-15' }],
      [{ hoursPerWeek: '20', totalHours: '100' }, { hoursPerWeek: m.HOURS_BOTH }],
      [{ hoursPerWeek: '81' }, { hoursPerWeek: m.HOURS_PER_WEEK_OUT_OF_RANGE }],
      [{ hoursPerWeek: 'twenty' }, { hoursPerWeek: 'Enter hours per week as a number, like 20' }],
      [{ hoursPerWeek: '12.345' }, { hoursPerWeek: 'Use at most 2 decimal places for hours per week' }],
      [{ totalHours: '0' }, { totalHours: m.TOTAL_HOURS_OUT_OF_RANGE }],
      [{ totalHours: '10.5' }, { totalHours: 'Enter total hours as a whole number, like 1820' }],
      // A future date is reported together with the other problems, not after them.
      [
        { library: '', startDate: '2027-03-01', stillWorking: 'yes', totalHours: '5' },
        {
          library: 'Enter the name of the library',
          startDate: m.START_IN_FUTURE,
        },
      ],
    ];
    for (const [change, errors] of cases) {
      const page = await postForm(t, '/application/experience/new', { ...form, ...change }, me);
      expect(page.statusCode, JSON.stringify(change)).toBe(400);
      expectFieldErrors(page.body, errors);
    }

    const apiCases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ startDate: '2026-12-01', endDate: null }, { startDate: m.START_IN_FUTURE }],
      [{ endDate: '2021-06-01' }, { endDate: m.END_BEFORE_START }],
      [{ totalHours: null }, { hoursPerWeek: m.HOURS_MISSING }],
      [{ paid: 'yes' }, { paid: 'Choose paid or volunteer' }],
      [{ libraryType: 'castle' }, { libraryType: 'Choose the type of library' }],
    ];
    for (const [change, errors] of apiCases) {
      const res = await api(t, 'POST', '/api/v1/application/experience', {
        session: me,
        body: job(100, change),
      });
      expect(problemFields(res), JSON.stringify(change)).toMatchObject(errors);
    }
    expect((await api(t, 'GET', '/api/v1/application/experience', { session: me })).json().entries).toEqual(
      [],
    );
  });

  it('asks how the fee will be paid, and for an answer to the staff', async () => {
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'cash' },
    });
    expect(problemFields(res)).toEqual({ paymentMethod: 'Choose how you will pay the fee' });
    const respond = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: '' },
    });
    expect(problemFields(respond)).toEqual({ response: 'Write your answer to the question' });
    expect((await get(t, '/application', me)).statusCode).toBe(200);
  });
});
