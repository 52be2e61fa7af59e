import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, postAnonymous } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const check = (t: TestApp, fields: Record<string, string>) =>
  postAnonymous(t, '/eligibility/check', '/eligibility/check', fields);
const selfCheck = (t: TestApp, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/eligibility/self-check', payload: body as object });

describe.each(testBackends())('eligibility self-check on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('shows the form with both questions, a hint converting weekly hours, and no account needed', async () => {
    const res = await t.app.inject('/eligibility/check');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Do you have a high-school diploma or equivalent?');
    expect(res.body).toContain(
      'About how many hours have you worked (paid or volunteer) in libraries in the last 5 years?',
    );
    expect(res.body).toContain('20 hours a week is about 1,040 hours a year');
    expect(res.body).toContain('<label for="f-libraryHours">');
  });

  it('says an applicant with exactly 1,820 hours can apply, and what to do next', async () => {
    const res = await check(t, { hasHighSchool: 'yes', libraryHours: '1,820' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You can apply');
    expect(res.body).toContain('href="/sign-up"');
  });

  it('says 1,819 hours is not enough, exactly why, and when the hours will be reached', async () => {
    const res = await check(t, { hasHighSchool: 'yes', libraryHours: '1819', hoursPerWeekNow: '10' });
    expect(res.body).toContain('You cannot apply yet');
    expect(res.body).toContain(
      'You have 1,819 of the 1,820 hours needed in the last 5 years (since 29 November 2021).',
    );
    expect(res.body).toContain('You need about 1 more hour.');
    // 1 hour at 10 hours a week: within the next day.
    expect(res.body).toContain('around <strong>29 November 2026</strong>');
    const slow = await check(t, { hasHighSchool: 'yes', libraryHours: '820', hoursPerWeekNow: '20' });
    // 1,000 hours at 20 a week = 50 weeks = 350 days after 28 November 2026.
    expect(slow.body).toContain('around <strong>13 November 2027</strong>');
    const noRate = await check(t, { hasHighSchool: 'yes', libraryHours: '820' });
    expect(noRate.body).toContain('at 20 hours a week that takes about 50 weeks');
  });

  it('explains a missing diploma, with or without the hours', async () => {
    const res = await check(t, { hasHighSchool: 'no', libraryHours: '5000' });
    expect(res.body).toContain('You cannot apply yet');
    expect(res.body).toContain('You need a high-school diploma or an equivalent, such as a GED, to apply.');
    expect(res.body).not.toContain('more hours');
  });

  it('puts a message at each field for bad input, keeping what was typed', async () => {
    const empty = await check(t, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    expect(fieldError(empty.body, 'hasHighSchool')).toContain('Answer yes or no');
    expect(fieldError(empty.body, 'libraryHours')).toContain('Enter about how many hours');
    const words = await check(t, { hasHighSchool: 'yes', libraryHours: 'lots' });
    expect(words.statusCode).toBe(400);
    expect(fieldError(words.body, 'libraryHours')).toContain('Enter the hours as a number, like 1200.');
    expect(words.body).toContain('value="lots"');
    const negative = await check(t, { hasHighSchool: 'yes', libraryHours: '-5' });
    expect(fieldError(negative.body, 'libraryHours')).toContain('Hours cannot be less than 0.');
    const huge = await check(t, { hasHighSchool: 'yes', libraryHours: '200000' });
    expect(fieldError(huge.body, 'libraryHours')).toContain('100,000 hours or fewer');
    const weekly = await check(t, { hasHighSchool: 'yes', libraryHours: '100', hoursPerWeekNow: '0' });
    expect(fieldError(weekly.body, 'hoursPerWeekNow')).toContain('more than 0 hours');
    const odd = await check(t, { hasHighSchool: 'maybe', libraryHours: '100' });
    expect(fieldError(odd.body, 'hasHighSchool')).toContain('Answer yes or no');
  });

  it('refuses a post without the form token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/eligibility/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'hasHighSchool=yes&libraryHours=2000',
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers the JSON self-check, 1,819.99 vs 1,820, without an account or token', async () => {
    const yes = await selfCheck(t, { hasHighSchool: true, libraryHours: 1820 });
    expect(yes.statusCode).toBe(200);
    expect(yes.json()).toMatchObject({
      eligible: true,
      reasons: [],
      requiredHours: 1820,
      hoursShort: 0,
      windowFrom: '2021-11-29',
    });
    const no = await selfCheck(t, { hasHighSchool: true, libraryHours: 1819.99, hoursPerWeekNow: 20 });
    expect(no.json()).toMatchObject({
      eligible: false,
      hoursShort: 0.01,
      estimatedReachOn: '2026-11-29',
      reasons: [{ code: 'NOT_ENOUGH_HOURS' }],
    });
    const both = await selfCheck(t, { hasHighSchool: false, libraryHours: 0 });
    expect(both.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'NO_HIGH_SCHOOL',
      'NOT_ENOUGH_HOURS',
    ]);
  });

  it('names the field for bad JSON input', async () => {
    const res = await selfCheck(t, { hasHighSchool: 'yes', libraryHours: -1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['hasHighSchool', 'libraryHours']));
    const missing = await selfCheck(t, {});
    expect(missing.statusCode).toBe(400);
  });
});
