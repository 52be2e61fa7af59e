import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import {
  candidate,
  draftApplication,
  job,
  personalDetails,
  submittedApplication,
} from '../support/factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('who may see and change an application on %s', (backend) => {
  let t: TestApp;
  let owner: TestSession;
  let ownerEntryId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    owner = await candidate(t);
    await draftApplication(t, owner);
    ownerEntryId = (await api(t, 'GET', '/api/v1/application/experience', { session: owner })).json()
      .entries[0].id;
  });
  afterAll(() => t.close());

  it("shows another candidate only their own (empty) application, never the owner's", async () => {
    const other = await candidate(t);
    expect((await api(t, 'GET', '/api/v1/application', { session: other })).statusCode).toBe(404);
    const page = await get(t, '/application', other);
    expect(page.body).toContain('Start your application');
    expect(page.body).not.toContain(personalDetails.familyName);
    expect((await get(t, '/application/check', other)).headers.location).toBe('/application');
  });

  it("refuses to change or remove another candidate's work entry, even knowing its id", async () => {
    const other = await candidate(t);
    await api(t, 'PUT', '/api/v1/application/personal', { session: other, body: personalDetails });
    const put = await api(t, 'PUT', `/api/v1/application/experience/${ownerEntryId}`, {
      session: other,
      body: job(1),
    });
    expect(put.statusCode).toBe(404);
    expect(
      (await api(t, 'DELETE', `/api/v1/application/experience/${ownerEntryId}`, { session: other }))
        .statusCode,
    ).toBe(404);
    expect((await get(t, `/application/experience/${ownerEntryId}/edit`, other)).statusCode).toBe(404);
    expect((await postForm(t, `/application/experience/${ownerEntryId}/remove`, {}, other)).statusCode).toBe(
      404,
    );
    expect((await postForm(t, '/application/experience/not-a-uuid/remove', {}, other)).statusCode).toBe(404);
    const mine = (await api(t, 'GET', '/api/v1/application/experience', { session: owner })).json();
    expect(mine.entries.map((e: { id: string; totalHours: number }) => [e.id, e.totalHours])).toEqual([
      [ownerEntryId, 1820],
    ]);
  });

  it("hides another person's checkout page and refuses to complete it", async () => {
    const payer = await candidate(t);
    await submittedApplication(t, payer, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: payer })).json();
    const other = await candidate(t);
    expect((await get(t, `/pay/sandbox/${checkoutId}`, other)).statusCode).toBe(404);
    expect((await postForm(t, `/pay/sandbox/${checkoutId}`, { choice: 'pay' }, other)).statusCode).toBe(404);
    const viaApi = await api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, {
      session: other,
      body: { choice: 'pay' },
    });
    expect(viaApi.statusCode).toBe(404);
    expect((await get(t, '/pay/sandbox/00000000-0000-7000-8000-000000000000', payer)).statusCode).toBe(404);
    expect((await get(t, `/pay/sandbox/${checkoutId}`, payer)).statusCode).toBe(200);
    expect((await api(t, 'GET', '/api/v1/application', { session: payer })).json().status).toBe(
      'awaiting_payment',
    );
    // Someone with no fee of their own has nothing to pay.
    expect((await api(t, 'POST', '/api/v1/application/checkout', { session: other })).statusCode).toBe(404);
  });

  it('does not let people without the candidate role apply', async () => {
    for (const roles of [['provider_member'], ['institution_contact']] as const) {
      const person = await signedInAs(t, [...roles]);
      expect((await get(t, '/application', person)).statusCode).toBe(403);
      expect((await postForm(t, '/application/start', {}, person)).statusCode).toBe(403);
      expect((await postForm(t, '/application/personal', personalDetails, person)).statusCode).toBe(403);
      const res = await api(t, 'PUT', '/api/v1/application/personal', {
        session: person,
        body: personalDetails,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await api(t, 'GET', '/api/v1/dashboard', { session: person })).statusCode).toBe(403);
      expect((await get(t, '/dashboard', person)).statusCode).toBe(403);
    }
  });

  it('sends anonymous visitors to sign in, and answers 401 on the API', async () => {
    const page = await get(t, '/application');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?next=%2Fapplication');
    expect((await get(t, '/dashboard')).headers.location).toBe('/sign-in?next=%2Fdashboard');
    expect((await api(t, 'GET', '/api/v1/application')).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/dashboard')).statusCode).toBe(401);
  });

  it('refuses form posts and API writes without the CSRF token', async () => {
    const me = await candidate(t);
    const form = await postForm(t, '/application/personal', personalDetails, me, { csrf: false });
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('This form has expired');
    expect(
      (await postForm(t, '/application/submit', { paymentMethod: 'card' }, owner, { csrf: false }))
        .statusCode,
    ).toBe(403);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/application/personal',
      headers: { cookie: me.cookie },
      payload: personalDetails,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).statusCode).toBe(404);
    expect((await api(t, 'GET', '/api/v1/application', { session: owner })).json().status).toBe('draft');
  });
});
