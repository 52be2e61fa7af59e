import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationFeeSummary,
  applyPaymentToApplicationFee,
} from '../../src/modules/payments/application-fee.js';
import { checkouts } from '../../src/modules/payments/schema.js';
import { systemCtx, transact } from '../../src/platform/context.js';
import { DomainError } from '../../src/platform/errors.js';
import { testBackends } from '../support/backends.js';
import { candidate, mailTo, submittedApplication } from '../support/factories.js';
import { api, get, sessionFor, signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('paying by check on %s', (backend) => {
  let t: TestApp;
  let staffId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staffId = (await signedInAs(t, ['staff'])).userId;
  });
  afterAll(() => t.close());

  /** What the staff's "record check payment" use case does with the shared function. */
  function recordCheck(applicationId: string, amountCents: number, reference: string) {
    return transact(systemCtx(t.services, 'test-staff'), (w) =>
      applyPaymentToApplicationFee(w, {
        applicationId,
        amountCents,
        method: 'check',
        reference,
        note: 'Check received by mail',
        actorId: staffId,
        at: t.clock.now(),
      }),
    );
  }

  it('tells the candidate where to send the check, then moves to review when staff record it', async () => {
    const first = await candidate(t);
    const { applicationId, number } = await submittedApplication(t, first, 'check');
    const pay = await get(t, '/application/pay', first);
    expect(pay.body).toContain('Make your check for <strong>$350.00</strong>');
    expect(pay.body).toContain(`application number <strong>${number}</strong>`);
    const dashboard = (await api(t, 'GET', '/api/v1/dashboard', { session: first })).json();
    expect(dashboard.nextSteps[0].text).toContain(`Mail your check for $350.00`);
    expect(dashboard.nextSteps[0].text).toContain(number);

    t.clock.advance(3 * 24 * 3600_000);
    const me = await sessionFor(t, first.userId, first.email); // the old session went idle
    const partial = await recordCheck(applicationId, 20000, `chk-${number}-1`);
    expect(partial).toMatchObject({
      movedToReview: false,
      applicationStatus: 'awaiting_check',
      balance: { dueCents: 15000 },
    });
    const mid = await api(t, 'GET', '/api/v1/application', { session: me });
    expect(mid.json().fee?.due.amountCents, mid.body).toBe(15000);

    const rest = await recordCheck(applicationId, 15000, `chk-${number}-2`);
    expect(rest).toMatchObject({
      movedToReview: true,
      applicationStatus: 'in_review',
      balance: { settled: true, dueCents: 0 },
    });
    const summary = await applicationFeeSummary(t.services.db, applicationId);
    expect(summary).toMatchObject({
      amount: { amountCents: 35000, currency: 'USD' },
      balance: { paidCents: 35000, settled: true },
    });
    expect(summary!.entries.map((e) => [e.kind, e.method])).toEqual([
      ['charge', 'none'],
      ['payment', 'check'],
      ['payment', 'check'],
    ]);
    const receipts = (await mailTo(t, me.email)).filter((m) => m.template === 'payment-received');
    expect(receipts).toHaveLength(2);
    expect(receipts.map((r) => r.text).join('\n')).toContain('$150.00 is still due.');
    const view = await api(t, 'GET', '/api/v1/dashboard', { session: me });
    expect(view.json().timeline.find((s: { key: string }) => s.key === 'paid')).toMatchObject({
      state: 'done',
      date: '2026-12-01',
    });
  });

  it('refuses a check number recorded twice, and amounts that are not positive', async () => {
    const me = await candidate(t);
    const { applicationId, number } = await submittedApplication(t, me, 'check');
    await recordCheck(applicationId, 1000, `dup-${number}`);
    await expect(recordCheck(applicationId, 1000, `dup-${number}`)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(recordCheck(applicationId, 0, `zero-${number}`)).rejects.toBeInstanceOf(DomainError);
    expect((await applicationFeeSummary(t.services.db, applicationId))!.balance.paidCents).toBe(1000);
  });

  it('closes an open card checkout once a check settles the fee, so nobody pays twice', async () => {
    const me = await candidate(t);
    const { applicationId, number } = await submittedApplication(t, me, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    await api(t, 'POST', '/api/v1/application/payment-method', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    await recordCheck(applicationId, 35000, `full-${number}`);
    const [row] = await t.services.db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
    expect(row!.status).toBe('failed');
    const late = await api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, {
      session: me,
      body: { choice: 'pay' },
    });
    expect(late.json()).toMatchObject({ outcome: 'failed', repeated: true });
    expect((await applicationFeeSummary(t.services.db, applicationId))!.balance.paidCents).toBe(35000);
  });

  it('has no fee summary before submission', async () => {
    expect(await applicationFeeSummary(t.services.db, '00000000-0000-7000-8000-000000000000')).toBeNull();
  });
});
