import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { testBackends } from '../support/backends.js';
import { candidate, submittedApplication } from '../support/factories.js';
import { askAdjustment, decideAdjustment, ledgerOf } from '../support/payment-factories.js';
import { api } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import {
  deliver,
  paidSession,
  refundedCharge,
  type StripeTestServer,
  startStripeTestServer,
  stripeEnv,
  stripeEvent,
} from '../support/stripe-test-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const REASON = 'Paid twice by mistake: the employer paid the same fee by check.';

describe.each(testBackends())('card refunds sent back through Stripe on %s', (backend) => {
  let t: TestApp;
  let stripe: StripeTestServer;
  let ana: Awaited<ReturnType<typeof staffMember>>;
  let ben: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    stripe = await startStripeTestServer();
    t = await createTestApp(backend, stripeEnv(stripe.apiBase));
    ana = await staffMember(t);
    ben = await staffMember(t);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  let serial = 0;
  /** A $350 application fee paid by card through Stripe (its webhook), under PaymentIntent `pi`. */
  async function paidThroughStripe() {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    const started = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(started.statusCode, started.body).toBe(200);
    const pi = `pi_${backend}${++serial}x${Date.now()}`;
    const paid = await deliver(
      t,
      stripeEvent('checkout.session.completed', paidSession(started.json().checkoutId, pi, 35000)),
    );
    expect(paid.json().outcome).toBe('payment_recorded');
    const [fee] = await t.services.db.select().from(fees).where(eq(fees.subjectId, applicationId));
    return { feeId: fee!.id, pi };
  }
  const refunds = (feeId: string) =>
    t.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.feeId, feeId), eq(ledgerEntries.kind, 'refund')));

  it('sends the approved refund to Stripe once and records its refund id; the webhook then finds it recorded', async () => {
    const { feeId, pi } = await paidThroughStripe();
    const asked = await askAdjustment(t, ana.session, feeId, {
      kind: 'refund',
      amount: '350.00',
      method: 'card',
      reason: REASON,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    // Asking sends nothing: only the second person's approval does.
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(0);

    const approved = await decideAdjustment(t, ben.session, asked.json().id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    const sent = stripe.requests.filter((r) => r.path === '/v1/refunds');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      idempotencyKey: `refund-${asked.json().id}`,
      form: { payment_intent: pi, amount: '35000' },
    });
    const [entry] = await refunds(feeId);
    expect(entry).toMatchObject({ amountCents: 35000, method: 'card' });
    expect(entry!.reference).toMatch(/^re_test_\d+$/);
    expect(entry!.note).toContain('returned to the card by Stripe');

    // Stripe then reports the refund it made: already in the ledger, so nothing more is written.
    const reported = await deliver(
      t,
      stripeEvent('charge.refunded', refundedCharge(pi, [{ id: entry!.reference!, amount: 35000 }])),
    );
    expect(reported.statusCode, reported.body).toBe(200);
    expect(await refunds(feeId)).toHaveLength(1);
    expect((await ledgerOf(t, feeId)).balance).toMatchObject({ paidCents: 35000, refundedCents: 35000 });
  });

  it('refuses the approval when Stripe does not take the refund: nothing recorded, still pending, retry works', async () => {
    const { feeId } = await paidThroughStripe();
    const asked = await askAdjustment(t, ana.session, feeId, {
      kind: 'refund',
      amount: '100.00',
      method: 'card',
      reason: REASON,
    });
    stripe.failNext(1, 500);
    const refused = await decideAdjustment(t, ben.session, asked.json().id, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Stripe did not take the refund just now');
    expect(await refunds(feeId)).toHaveLength(0);
    const list = (await api(t, 'GET', '/api/v1/staff/payments/adjustments', { session: ana.session })).json();
    expect(JSON.stringify(list)).toContain(asked.json().id);

    const retried = await decideAdjustment(t, ben.session, asked.json().id, 'approve');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await refunds(feeId)).toHaveLength(1);
  });
});
