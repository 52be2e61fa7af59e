import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkouts, fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { auditActions, candidate, mailTo, payByCard, submittedApplication } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('card payment in the sandbox on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  async function payments(applicationId: string) {
    const [fee] = await t.services.db.select().from(fees).where(eq(fees.subjectId, applicationId));
    const rows = await t.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.feeId, fee!.id), eq(ledgerEntries.kind, 'payment')));
    const opened = await t.services.db.select().from(checkouts).where(eq(checkouts.feeId, fee!.id));
    return { feeId: fee!.id, payments: rows, checkouts: opened };
  }
  const status = async (s: TestSession) =>
    (await api(t, 'GET', '/api/v1/application', { session: s })).json().status;

  it('reuses the open checkout for a repeated start, including concurrent ones', async () => {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    const starts = await Promise.all(
      [1, 2, 3].map(() => api(t, 'POST', '/api/v1/application/checkout', { session: me })),
    );
    expect(starts.map((s) => s.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(starts.map((s) => s.json().checkoutId)).size).toBe(1);
    const page = await postForm(t, '/application/pay', {}, me);
    expect(page.headers.location).toBe(starts[0]!.json().url);
    expect((await payments(applicationId)).checkouts).toHaveLength(1);
  });

  it('records one payment when the success arrives twice, even at the same moment', async () => {
    const me = await candidate(t);
    const { applicationId, number } = await submittedApplication(t, me, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    const results = await Promise.all(
      [1, 2].map(() =>
        api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, { session: me, body: { choice: 'pay' } }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().repeated).sort()).toEqual([false, true]);
    const retried = await postForm(t, `/pay/sandbox/${checkoutId}`, { choice: 'pay' }, me);
    expect(retried.statusCode).toBe(303);

    const { payments: rows, feeId } = await payments(applicationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      amountCents: 35000,
      method: 'card',
      reference: checkoutId,
      actorId: me.userId,
    });
    expect(await status(me)).toBe('in_review');

    const receipts = (await mailTo(t, me.email)).filter((m) => m.template === 'payment-received');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toBe(`Payment received for application ${number}`);
    expect(receipts[0]!.text).toContain('We received your card payment of $350.00');
    expect(await auditActions(t, 'checkout', checkoutId)).toEqual(['checkout.created', 'checkout.succeeded']);
    expect(await auditActions(t, 'fee', feeId)).toEqual(['fee.created', 'fee.payment_recorded']);
    expect(await auditActions(t, 'application', applicationId)).toContain('application.fee_paid');
    expect(await verifyAuditChain(t.services.db)).toMatchObject({ ok: true });

    // Paid: nothing more to pay.
    const after = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(after.statusCode).toBe(409);
    expect(after.json().detail).toBe('Your application fee is already paid.');
  });

  it('keeps the application waiting after a declined card, and lets the candidate retry', async () => {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    const declined = await payByCard(t, me, 'decline');
    expect(declined.outcome).toBe('failed');
    expect(await status(me)).toBe('awaiting_payment');
    expect((await payments(applicationId)).payments).toHaveLength(0);
    expect((await get(t, '/application/pay', me)).body).toContain('Your card was declined');
    expect((await get(t, '/dashboard', me)).body).toContain('Your last card payment was declined.');
    expect(await auditActions(t, 'checkout', declined.checkoutId)).toEqual([
      'checkout.created',
      'checkout.declined',
    ]);
    // A declined checkout cannot be paid afterwards.
    const late = await api(t, 'POST', `/api/v1/payments/sandbox/${declined.checkoutId}`, {
      session: me,
      body: { choice: 'pay' },
    });
    expect(late.json()).toEqual({ outcome: 'failed', repeated: true });
    expect(await status(me)).toBe('awaiting_payment');

    const retry = await payByCard(t, me, 'pay');
    expect(retry.checkoutId).not.toBe(declined.checkoutId);
    expect(await status(me)).toBe('in_review');
    expect((await get(t, '/application/pay', me)).body).toContain('Your application fee is paid');
  });

  it('switches between card and check while unpaid, and not once paid', async () => {
    const me = await candidate(t);
    await submittedApplication(t, me, 'card');
    const toCheck = await api(t, 'POST', '/api/v1/application/payment-method', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    expect(toCheck.json()).toEqual({ status: 'awaiting_check', paymentMethod: 'check' });
    expect((await get(t, '/dashboard', me)).body).toContain('Mail your check for $350.00');
    const toCard = await api(t, 'POST', '/api/v1/application/payment-method', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(toCard.json()).toEqual({ status: 'awaiting_payment', paymentMethod: 'card' });
    // Starting a card checkout from "check" switches too.
    await api(t, 'POST', '/api/v1/application/payment-method', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    await payByCard(t, me);
    expect(await status(me)).toBe('in_review');
    const late = await api(t, 'POST', '/api/v1/application/payment-method', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('refuses to pay before submitting, and marks the sandbox page as a test', async () => {
    const me = await candidate(t);
    await api(t, 'PUT', '/api/v1/application/education', { session: me, body: { hasHighSchool: true } });
    const early = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Submit your application before paying the fee.');
    expect((await get(t, '/application/pay', me)).headers.location).toBe('/application');

    const payer = await candidate(t);
    await submittedApplication(t, payer, 'card');
    const { url } = (await api(t, 'POST', '/api/v1/application/checkout', { session: payer })).json();
    const page = await get(t, url, payer);
    expect(page.body).toContain(
      '<section class="banner" aria-label="Notice"><div class="wrap">Test payment: no real money is taken</div></section>',
    );
    const csrfLess = await postForm(t, url, { choice: 'pay' }, payer, { csrf: false });
    expect(csrfLess.statusCode).toBe(403);
    expect(await status(payer)).toBe('awaiting_payment');
    const bad = await postForm(t, url, { choice: 'steal' }, payer);
    expect(bad.statusCode).toBe(400);
  });
});
