import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  applicationIdOf,
  auditActions,
  candidate,
  job,
  mailTo,
  personalDetails,
} from '../support/factories.js';
import { api } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('application API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('takes a candidate from nothing to a submitted application and a paid fee', async () => {
    const me = await candidate(t);
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).statusCode).toBe(404);

    const personal = await api(t, 'PUT', '/api/v1/application/personal', {
      session: me,
      body: personalDetails,
    });
    expect(personal.statusCode, personal.body).toBe(200);
    const draft = personal.json();
    expect(draft).toMatchObject({ status: 'draft', number: null, editable: true, canSubmit: false });
    expect(draft.sections.find((s: { id: string }) => s.id === 'personal').state).toBe('completed');
    expect(draft.missing.map((m: { section: string }) => m.section)).toEqual([
      'education',
      'experience',
      'membership',
    ]);
    expect(draft.fees.member.formatted).toBe('$325.00');
    expect(draft.fees.nonMember.formatted).toBe('$350.00');

    expect(
      (await api(t, 'PUT', '/api/v1/application/education', { session: me, body: { hasHighSchool: true } }))
        .statusCode,
    ).toBe(200);
    const added = await api(t, 'POST', '/api/v1/application/experience', { session: me, body: job(1000) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ countedHours: 1000, errors: [] });
    const second = await api(t, 'POST', '/api/v1/application/experience', {
      session: me,
      body: job(0, {
        library: 'Shelbyville Library',
        startDate: '2024-01-01',
        endDate: null,
        hoursPerWeek: 10,
        totalHours: null,
      }),
    });
    expect(second.statusCode, second.body).toBe(201);
    const entryId = second.json().id;

    const list = (await api(t, 'GET', '/api/v1/application/experience', { session: me })).json();
    expect(list.entries).toHaveLength(2);
    expect(list.eligibility.window).toEqual({ from: '2021-11-29', to: '2026-11-28' });
    expect(list.eligibility.countedHours).toBeGreaterThan(1820);

    const changed = await api(t, 'PUT', `/api/v1/application/experience/${entryId}`, {
      session: me,
      body: job(0, {
        library: 'Shelbyville Library',
        startDate: '2024-01-01',
        endDate: '2024-06-30',
        hoursPerWeek: null,
        totalHours: 820,
      }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ endDate: '2024-06-30', countedHours: 820 });

    const membership = await api(t, 'PUT', '/api/v1/application/membership', {
      session: me,
      body: { isAlaMember: true, alaMemberNumber: '12 34-56' },
    });
    expect(membership.json().membership).toEqual({ isAlaMember: true, alaMemberNumber: '123456' });
    expect(membership.json().fees.applicable.amountCents).toBe(32500);

    const research = await api(t, 'PUT', '/api/v1/application/research', {
      session: me,
      body: { heardFrom: 'colleague', researchConsent: true },
    });
    expect(research.json().research).toEqual({
      heardFrom: 'colleague',
      yearsInLibraries: null,
      highestEducation: null,
      researchConsent: true,
    });

    const eligibility = (await api(t, 'GET', '/api/v1/application/eligibility', { session: me })).json();
    expect(eligibility).toMatchObject({
      eligible: true,
      countedHours: 1820,
      requiredHours: 1820,
      reasons: [],
    });
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json().canSubmit).toBe(true);

    const submit = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json()).toMatchObject({
      number: 'LSSC-2026-000001',
      status: 'awaiting_payment',
      alreadySubmitted: false,
      fee: { amountCents: 32500, formatted: '$325.00' },
    });
    const again = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      number: 'LSSC-2026-000001',
      status: 'awaiting_payment',
      alreadySubmitted: true,
    });

    // A submitted application is closed for edits.
    const late = await api(t, 'PUT', '/api/v1/application/education', {
      session: me,
      body: { hasHighSchool: false },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');

    t.clock.advance(60_000);
    const checkout = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(checkout.statusCode, checkout.body).toBe(200);
    const { checkoutId, url } = checkout.json();
    expect(url).toBe(`/pay/sandbox/${checkoutId}`);
    expect(checkout.json().amount.amountCents).toBe(32500);
    const paid = await api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, {
      session: me,
      body: { choice: 'pay' },
    });
    expect(paid.json()).toEqual({ outcome: 'succeeded', repeated: false });

    const after = (await api(t, 'GET', '/api/v1/application', { session: me })).json();
    expect(after).toMatchObject({ status: 'in_review', number: 'LSSC-2026-000001', editable: false });
    expect(after.fee).toMatchObject({ settled: true, due: { amountCents: 0 } });
    expect(after.fee.entries.map((e: { kind: string }) => e.kind)).toEqual(['charge', 'payment']);

    const mail = await mailTo(t, me.email);
    expect(mail.map((m) => m.template).sort()).toEqual(['application-received', 'payment-received']);
    expect(mail.find((m) => m.template === 'application-received')!.subject).toContain('LSSC-2026-000001');

    const id = await applicationIdOf(t, me);
    expect(await auditActions(t, 'application', id)).toEqual([
      'application.started',
      'application.personal_saved',
      'application.education_saved',
      'application.experience_added',
      'application.experience_added',
      'application.experience_updated',
      'application.membership_saved',
      'application.research_saved',
      'application.submitted',
      'application.fee_paid',
    ]);
    expect(await verifyAuditChain(t.services.db)).toMatchObject({ ok: true });
  });

  it('removes a work entry and returns 404 for an entry that is not there', async () => {
    const me = await candidate(t);
    const added = (
      await api(t, 'POST', '/api/v1/application/experience', { session: me, body: job(500) })
    ).json();
    const removed = await api(t, 'DELETE', `/api/v1/application/experience/${added.id}`, { session: me });
    expect(removed.statusCode).toBe(204);
    expect((await api(t, 'GET', '/api/v1/application/experience', { session: me })).json().entries).toEqual(
      [],
    );
    const again = await api(t, 'DELETE', `/api/v1/application/experience/${added.id}`, { session: me });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('lists every application route in the OpenAPI document with its tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/application/submit'].post.tags).toEqual(['applications']);
    expect(doc.paths['/api/v1/application/checkout'].post.tags).toEqual(['payments']);
    expect(doc.paths['/api/v1/dashboard'].get.tags).toEqual(['dashboard']);
    expect(doc.paths['/api/v1/application/experience/{entryId}'].put.requestBody).toBeDefined();
  });
});
