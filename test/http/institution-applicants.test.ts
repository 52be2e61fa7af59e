import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { candidate, draftApplication, mailTo } from '../support/factories.js';
import {
  applicantList,
  appliedWithInstitution,
  institutionWithContact,
  NON_MEMBER,
  ok,
  sendPo,
  statusOf,
} from '../support/institution-factories.js';
import { api, get } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('applying with "my institution pays" on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('the check-your-answers page offers the institution and its picker', async () => {
    await institutionWithContact(t, 'Picker Library');
    const session = await candidate(t);
    await draftApplication(t, session);
    const page = await get(t, '/application/check', session);
    expect(page.body).toContain('My institution pays (purchase order)');
    expect(page.body).toContain('Picker Library (Illinois)');
  });

  it('refuses "my institution pays" without a real institution, leaving the draft as it was', async () => {
    const session = await candidate(t);
    await draftApplication(t, session);
    for (const institutionId of [undefined, 'not-an-id', '0190b6a0-0000-7000-8000-000000000000']) {
      const res = await api(t, 'POST', '/api/v1/application/submit', {
        session,
        body: { paymentMethod: 'institution', ...(institutionId ? { institutionId } : {}) },
      });
      expect(res.statusCode, String(institutionId)).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'institutionId', message: 'Choose the institution that pays your fee' },
      ]);
    }
    const mine = await ok(api(t, 'GET', '/api/v1/application', { session }));
    expect(mine.status ?? mine.application?.status).toBe('draft');
    expect((await mailTo(t, session.email)).some((m) => m.template === 'application-received')).toBe(false);
  });

  it('submitted with an institution, the application waits for its payment and the mail says so', async () => {
    const { institutionId } = await institutionWithContact(t, 'Waiting Library');
    const applied = await appliedWithInstitution(t, institutionId);
    expect(await statusOf(t, applied.applicationId)).toBe('awaiting_payment');
    const mail = (await mailTo(t, applied.session.email)).find((m) => m.template === 'application-received');
    expect(mail?.text).toContain('Your institution pays the $350.00 fee by purchase order');
    const pay = await get(t, '/application/pay', applied.session);
    expect(pay.body).toContain('Your institution pays this fee by purchase order');
  });

  it('a contact sends a purchase order with a personal access token', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Token Library');
    const created = await ok(
      api(t, 'POST', '/api/v1/me/tokens', { session: contact, body: { name: 'finance system' } }),
      201,
    );
    const res = await api(t, 'POST', `/api/v1/institutions/${institutionId}/purchase-orders`, {
      token: created.token,
      body: { poNumber: 'PO-TOKEN', amountCents: NON_MEMBER, applicants: applicantList(1) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const invoice = res.json();
    const read = await api(t, 'GET', `/api/v1/institutions/invoices/${invoice.id}`, { token: created.token });
    expect(read.json().number).toBe(invoice.number);
  });

  it.runIf(backend === 'postgres')('the same purchase order sent twice at once is taken once', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Race Library');
    const body = { poNumber: 'PO-RACE', amountCents: NON_MEMBER, applicants: applicantList(1) };
    const results = await Promise.all([
      sendPo(t, contact, institutionId, body),
      sendPo(t, contact, institutionId, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const detail = await ok(api(t, 'GET', `/api/v1/institutions/${institutionId}`, { session: contact }));
    expect(detail.invoices).toHaveLength(1);
  });
});
