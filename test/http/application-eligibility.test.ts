import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { candidate, draftApplication, job, personalDetails } from '../support/factories.js';
import { api, get, postForm } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SHORT_BY_ONE = 'You have 1,819 of the 1,820 hours needed in the last 5 years (since 29 November 2021).';

describe.each(testBackends())('eligibility at submission on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('refuses 1,819 hours with the exact reason, on the API and on the page', async () => {
    const me = await candidate(t);
    await draftApplication(t, me, { hours: 1819 });
    const eligibility = (await api(t, 'GET', '/api/v1/application/eligibility', { session: me })).json();
    expect(eligibility).toMatchObject({
      eligible: false,
      countedHours: 1819,
      reasons: [{ code: 'NOT_ENOUGH_HOURS', message: SHORT_BY_ONE }],
    });

    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'APPLICATION_NOT_ELIGIBLE',
      detail: SHORT_BY_ONE,
      errors: [{ field: 'experience', message: SHORT_BY_ONE }],
    });

    const check = await get(t, '/application/check', me);
    expect(check.body).toContain('You cannot submit yet');
    expect(check.body).toContain(SHORT_BY_ONE);
    const page = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain(`<a href="#f-experience">${SHORT_BY_ONE}</a>`);
    expect(page.body).toContain('id="f-experience"');

    const after = (await api(t, 'GET', '/api/v1/application', { session: me })).json();
    expect(after).toMatchObject({ status: 'draft', number: null, fee: null, canSubmit: false });
  });

  it('accepts exactly 1,820 hours', async () => {
    const me = await candidate(t);
    await draftApplication(t, me, { hours: 1820 });
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'awaiting_check',
      number: expect.stringMatching(/^LSSC-2026-\d{6}$/),
    });
  });

  it('counts only hours inside the 5-year window, shown per entry', async () => {
    const me = await candidate(t);
    await draftApplication(t, me, { hours: 1000 });
    // 2021-11-01..2021-11-30 is 30 days, 2 of them (29 and 30 November) inside the window: 600 × 2/30 = 40.
    const partly = await api(t, 'POST', '/api/v1/application/experience', {
      session: me,
      body: job(600, { startDate: '2021-11-01', endDate: '2021-11-30' }),
    });
    expect(partly.json()).toMatchObject({ countedHours: 40, outsideWindow: false });
    const outside = await api(t, 'POST', '/api/v1/application/experience', {
      session: me,
      body: job(5000, { startDate: '2015-01-01', endDate: '2019-12-31' }),
    });
    expect(outside.json()).toMatchObject({ countedHours: 0, outsideWindow: true });
    expect(
      (await api(t, 'GET', '/api/v1/application/eligibility', { session: me })).json().countedHours,
    ).toBe(1040);
    expect((await get(t, '/application/experience', me)).body).toContain('Before the 5-year window');
  });

  it('refuses an applicant without a high-school diploma, with the reason', async () => {
    const me = await candidate(t);
    await draftApplication(t, me);
    await api(t, 'PUT', '/api/v1/application/education', { session: me, body: { hasHighSchool: false } });
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        field: 'education',
        message: 'You need a high-school diploma or an equivalent, such as a GED, to apply.',
      },
    ]);
  });

  it('refuses an incomplete application and names the missing sections', async () => {
    const me = await candidate(t);
    await api(t, 'PUT', '/api/v1/application/personal', { session: me, body: personalDetails });
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'APPLICATION_INCOMPLETE' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'education',
      'experience',
      'membership',
    ]);
    const page = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('<a href="#f-membership">Say whether you are an ALA member.</a>');
  });

  it('refuses a submission before anything was started', async () => {
    const me = await candidate(t);
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('lets an unconfirmed email draft, with a notice, but not submit', async () => {
    const me = await candidate(t, { verified: false });
    await draftApplication(t, me);
    const overview = await get(t, '/application', me);
    expect(overview.body).toContain('You have not confirmed your email address yet.');
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json()).toMatchObject({
      emailVerified: false,
      canSubmit: false,
    });

    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('Confirm your email address before you submit');
    const page = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain(
      '<a href="#f-email-verification">Confirm your email address before you submit',
    );
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json().status).toBe('draft');
  });
});
