import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/platform/context.js';
import { fieldError } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { mailOf, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('recording check payments on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let staffCtx: Ctx;
  const pay = (id: string, fields: Record<string, string>) =>
    postForm(t, `/staff/applications/${id}/check-payments`, fields, staff);
  const detail = async (id: string) =>
    (await api(t, 'GET', `/api/v1/staff/applications/${id}`, { session: staff })).json();
  let n = 1000;
  const checkNo = () => String(++n);

  beforeAll(async () => {
    t = await createTestApp(backend);
    const member = await staffMember(t);
    staff = member.session;
    staffCtx = member.ctx;
  });
  afterAll(() => t.close());

  it('records a check for the full fee: ledger, review, mail to the candidate, audit', async () => {
    const app = await makeApplication(t, staffCtx);
    const number = checkNo();
    const res = await pay(app.id, { checkNumber: number, amount: '$350.00', receivedOn: '2026-11-27' });
    expect(res.statusCode).toBe(303);
    const json = await detail(app.id);
    expect(json.status).toBe('in_review');
    expect(json.payment).toMatchObject({ paidCents: 35000, dueCents: 0, settled: true });
    expect(json.payment.entries.find((e: { kind: string }) => e.kind === 'payment')).toMatchObject({
      kind: 'payment',
      method: 'check',
      reference: number,
      amountCents: 35000,
    });
    const actions = json.audit.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['fee.payment_recorded', 'application.fee_paid', 'application.check_recorded']),
    );
    const mail = await mailOf(t, app.candidate.email, 'payment-received');
    expect(mail!.text).toContain('$350.00');
    const page = await get(t, `/staff/applications/${app.id}`, staff);
    expect(page.body).toContain('Paid in full');
    expect(page.body).toContain('Check received 27 November 2026');
    expect(page.body).toContain('Admit the applicant');
  });

  it('takes part payments until the fee is settled, at the member rate', async () => {
    const app = await makeApplication(t, staffCtx, { member: true });
    expect(
      (await pay(app.id, { checkNumber: checkNo(), amount: '125', receivedOn: '2026-11-28' })).statusCode,
    ).toBe(303);
    let json = await detail(app.id);
    expect(json).toMatchObject({
      status: 'awaiting_check',
      payment: { chargedCents: 32500, dueCents: 20000 },
    });
    expect((await get(t, `/staff/applications/${app.id}`, staff)).body).toContain('Still due: $200.00');
    const res = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/check-payments`, {
      session: staff,
      body: { checkNumber: checkNo(), amount: 200, receivedOn: '2026-11-28' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      application: { status: 'in_review' },
      amountCents: 20000,
      dueCents: 0,
      settled: true,
    });
    json = await detail(app.id);
    expect(json.payment.entries.filter((e: { kind: string }) => e.kind === 'payment')).toHaveLength(2);
  });

  it('puts a message at the amount for zero, negative, too much or not a number', async () => {
    const app = await makeApplication(t, staffCtx);
    const cases: Array<[string, string]> = [
      ['0', 'The amount must be more than $0.00'],
      ['0.00', 'The amount must be more than $0.00'],
      ['-5', 'The amount must be more than $0.00'],
      ['350.01', 'The amount is more than the $350.00 still due'],
      ['abc', 'Enter the amount in dollars and cents, like 350.00'],
      ['12.345', 'Enter the amount in dollars and cents, like 350.00'],
      ['', 'Enter the amount of the check'],
    ];
    for (const [amount, message] of cases) {
      const res = await pay(app.id, { checkNumber: checkNo(), amount, receivedOn: '2026-11-28' });
      expect(res.statusCode, amount).toBe(400);
      expect(fieldError(res.body, 'amount'), amount).toContain(message);
      if (amount) expect(res.body).toContain(`value="${amount}"`);
    }
    const apiRes = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/check-payments`, {
      session: staff,
      body: { checkNumber: checkNo(), amount: -1, receivedOn: '2026-11-28' },
    });
    expect(apiRes.statusCode).toBe(400);
    expect(apiRes.json().errors).toEqual([
      { field: 'amount', message: 'The amount must be more than $0.00' },
    ]);
    expect((await detail(app.id)).payment.paidCents).toBe(0);
  });

  it('checks the check number and the date received', async () => {
    const app = await makeApplication(t, staffCtx);
    const missing = await pay(app.id, { checkNumber: '', amount: '350', receivedOn: '' });
    expect(missing.statusCode).toBe(400);
    expect(fieldError(missing.body, 'checkNumber')).toContain('Enter the check number');
    expect(fieldError(missing.body, 'receivedOn')).toContain('Enter the date the check arrived');
    const odd = await pay(app.id, { checkNumber: '12/34', amount: '350', receivedOn: '2026-02-30' });
    expect(fieldError(odd.body, 'checkNumber')).toContain('as printed on the check');
    expect(fieldError(odd.body, 'receivedOn')).toContain('Enter a real date');
    const future = await pay(app.id, { checkNumber: checkNo(), amount: '350', receivedOn: '2026-11-29' });
    expect(fieldError(future.body, 'receivedOn')).toContain('cannot be in the future');
  });

  it('refuses the same check number twice for one fee, but not for two different people', async () => {
    const first = await makeApplication(t, staffCtx);
    const second = await makeApplication(t, staffCtx);
    const number = checkNo();
    expect(
      (await pay(first.id, { checkNumber: number, amount: '100', receivedOn: '2026-11-28' })).statusCode,
    ).toBe(303);
    const again = await pay(first.id, { checkNumber: number, amount: '100', receivedOn: '2026-11-28' });
    expect(again.statusCode).toBe(409);
    expect(fieldError(again.body, 'checkNumber')).toContain('This check number is already recorded.');
    const viaApi = await api(t, 'POST', `/api/v1/staff/applications/${first.id}/check-payments`, {
      session: staff,
      body: { checkNumber: number, amount: '100', receivedOn: '2026-11-28' },
    });
    expect(viaApi.statusCode).toBe(409);
    expect(viaApi.json().errors).toEqual([
      { field: 'checkNumber', message: 'This check number is already recorded.' },
    ]);
    // Another person's check may carry the same number: checks come from different bank accounts.
    const other = await pay(second.id, { checkNumber: number, amount: '100', receivedOn: '2026-11-28' });
    expect(other.statusCode).toBe(303);
    expect((await detail(first.id)).payment.paidCents).toBe(10000);
    expect((await detail(second.id)).payment.paidCents).toBe(10000);
  });

  it('refuses a check once the fee is paid, and refuses people who are not staff', async () => {
    const app = await makeApplication(t, staffCtx, { status: 'in_review' });
    const res = await pay(app.id, { checkNumber: checkNo(), amount: '1', receivedOn: '2026-11-28' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('The application fee is already paid; the application is in review.');
    const waiting = await makeApplication(t, staffCtx);
    const candidate = await signedInAs(t, ['candidate']);
    const body = { checkNumber: checkNo(), amount: '350', receivedOn: '2026-11-28' };
    expect(
      (await postForm(t, `/staff/applications/${waiting.id}/check-payments`, body, candidate)).statusCode,
    ).toBe(403);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    const mfa = await api(t, 'POST', `/api/v1/staff/applications/${waiting.id}/check-payments`, {
      session: noMfa,
      body,
    });
    expect(mfa.json().code).toBe('MFA_REQUIRED');
    expect(
      (await postForm(t, `/staff/applications/${waiting.id}/check-payments`, body, staff, { csrf: false }))
        .statusCode,
    ).toBe(403);
    expect((await detail(waiting.id)).payment.paidCents).toBe(0);
  });
});
