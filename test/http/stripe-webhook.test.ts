import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkouts, fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { paymentEvents } from '../../src/modules/payments/stripe/schema.js';
import { stripeSignatureHeader } from '../../src/modules/payments/stripe/signature.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { courseFees } from '../support/course-factories.js';
import { submittedCourse } from '../support/evaluation-factories.js';
import { auditActions, candidate, mailTo, submittedApplication } from '../support/factories.js';
import { providerAdmin } from '../support/provider-factories.js';
import { api, type TestSession } from '../support/sessions.js';
import {
  deliver,
  paidSession,
  refundedCharge,
  STRIPE_TEST_WEBHOOK_SECRET,
  stripeEnv,
  stripeEvent,
} from '../support/stripe-test-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('Stripe webhook on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing here calls the Stripe API; the webhook only needs the keys configured.
    t = await createTestApp(backend, stripeEnv('http://127.0.0.1:9'));
  });
  afterAll(() => t.close());

  let piSerial = 0;
  /** A candidate with a submitted application and an open Stripe checkout for its $350 fee. */
  async function openCheckout() {
    const me = await candidate(t);
    const { applicationId, number } = await submittedApplication(t, me, 'card');
    const started = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(started.statusCode, started.body).toBe(200);
    const { checkoutId, url } = started.json();
    expect(url).toBe(`/pay/stripe/${checkoutId}`);
    const [fee] = await t.services.db.select().from(fees).where(eq(fees.subjectId, applicationId));
    return {
      me,
      applicationId,
      number,
      checkoutId: checkoutId as string,
      feeId: fee!.id,
      pi: `pi_test_${++piSerial}_${backend}`,
    };
  }
  const entries = (feeId: string, kind: 'payment' | 'refund') =>
    t.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.feeId, feeId), eq(ledgerEntries.kind, kind)));
  const events = (eventId: string) =>
    t.services.db.select().from(paymentEvents).where(eq(paymentEvents.eventId, eventId));
  const allEvents = async () => (await t.services.db.select().from(paymentEvents)).length;
  const checkoutStatus = async (id: string) =>
    (await t.services.db.select().from(checkouts).where(eq(checkouts.id, id)))[0]!.status;
  const status = async (s: TestSession) =>
    (await api(t, 'GET', '/api/v1/application', { session: s })).json().status;

  it('records a completed checkout once: payment, fee settled, application moves on, mail', async () => {
    const c = await openCheckout();
    const event = stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000));
    const res = await deliver(t, event);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: true, outcome: 'payment_recorded' });

    const payments = await entries(c.feeId, 'payment');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amountCents: 35000, method: 'card', reference: c.pi, actorId: null });
    expect(await status(c.me)).toBe('in_review');
    expect(await checkoutStatus(c.checkoutId)).toBe('succeeded');
    const receipts = (await mailTo(t, c.me.email)).filter((m) => m.template === 'payment-received');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text).toContain('We received your card payment of $350.00');
    expect(await events(event.id)).toMatchObject([
      {
        provider: 'stripe',
        type: 'checkout.session.completed',
        outcome: 'payment_recorded',
        checkoutId: c.checkoutId,
      },
    ]);
    expect(await auditActions(t, 'checkout', c.checkoutId)).toEqual([
      'checkout.created',
      'checkout.succeeded',
    ]);
    expect(await verifyAuditChain(t.services.db)).toMatchObject({ ok: true });

    // Stripe delivers it again (it did not hear our answer): nothing more happens.
    const again = await deliver(t, event);
    expect(again.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await entries(c.feeId, 'payment')).toHaveLength(1);
    expect(await events(event.id)).toHaveLength(1);
    expect((await mailTo(t, c.me.email)).filter((m) => m.template === 'payment-received')).toHaveLength(1);
  });

  it('refuses a bad signature with 400 and writes nothing', async () => {
    const c = await openCheckout();
    const event = stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000));
    const before = await allEvents();
    const payload = JSON.stringify(event);
    const attempts = [
      await deliver(t, event, { secret: 'whsec_someoneElse' }),
      await deliver(t, event, { header: 'nonsense' }),
      await deliver(t, event, { header: `t=${Math.floor(t.clock.now().getTime() / 1000)}` }),
      // Signed for one body, sent with another (the amount changed on the way).
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/stripe/webhook',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': stripeSignatureHeader(
            STRIPE_TEST_WEBHOOK_SECRET,
            Math.floor(t.clock.now().getTime() / 1000),
            payload,
          ),
        },
        payload: payload.replace('35000', '1'),
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/stripe/webhook',
        headers: { 'content-type': 'application/json' },
        payload,
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SIGNATURE_INVALID' });
    }
    expect(await allEvents()).toBe(before);
    expect(await entries(c.feeId, 'payment')).toHaveLength(0);
    expect(await status(c.me)).toBe('awaiting_payment');
  });

  it('refuses a delivery signed outside the tolerance window', async () => {
    const c = await openCheckout();
    const event = stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000));
    const stale = await deliver(t, event, { at: new Date(t.clock.now().getTime() - 301_000) });
    expect(stale.statusCode).toBe(400);
    const early = await deliver(t, event, { at: new Date(t.clock.now().getTime() + 301_000) });
    expect(early.statusCode).toBe(400);
    expect(await events(event.id)).toHaveLength(0);
    // Just inside the window is fine.
    const late = await deliver(t, event, { at: new Date(t.clock.now().getTime() - 299_000) });
    expect(late.statusCode).toBe(200);
    expect(await entries(c.feeId, 'payment')).toHaveLength(1);
  });

  it('refuses a signed body that is not a Stripe event, and ignores event types it does not act on', async () => {
    const notJson = await deliver(t, null, { body: 'not json' });
    expect(notJson.statusCode).toBe(400);
    const notEvent = await deliver(t, { hello: 'world' });
    expect(notEvent.statusCode).toBe(400);

    const unknown = stripeEvent('customer.created', { id: 'cus_1', object: 'customer' });
    const res = await deliver(t, unknown);
    expect(res.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await events(unknown.id)).toMatchObject([{ outcome: 'ignored', note: 'Not an event we act on.' }]);
    // A session that is not ours (another integration on the same account).
    const foreign = stripeEvent('checkout.session.completed', paidSession('not-ours', 'pi_foreign', 100));
    expect((await deliver(t, foreign)).json().outcome).toBe('ignored');
  });

  it('closes the checkout on expiry, and ignores an expiry that arrives after the payment', async () => {
    const a = await openCheckout();
    const expired = stripeEvent('checkout.session.expired', {
      ...paidSession(a.checkoutId, a.pi, 35000),
      payment_status: 'unpaid',
      payment_intent: null,
    });
    expect((await deliver(t, expired)).json().outcome).toBe('checkout_failed');
    expect(await checkoutStatus(a.checkoutId)).toBe('failed');
    expect(await status(a.me)).toBe('awaiting_payment');
    expect(await auditActions(t, 'checkout', a.checkoutId)).toEqual(['checkout.created', 'checkout.expired']);
    // Paying again opens a new checkout.
    const retry = (await api(t, 'POST', '/api/v1/application/checkout', { session: a.me })).json();
    expect(retry.checkoutId).not.toBe(a.checkoutId);

    const b = await openCheckout();
    await deliver(t, stripeEvent('checkout.session.completed', paidSession(b.checkoutId, b.pi, 35000)));
    const late = stripeEvent('checkout.session.expired', paidSession(b.checkoutId, b.pi, 35000));
    const res = await deliver(t, late);
    expect(res.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await events(late.id)).toMatchObject([
      { outcome: 'ignored', note: 'The checkout had already succeeded.' },
    ]);
    expect(await checkoutStatus(b.checkoutId)).toBe('succeeded');
    expect(await status(b.me)).toBe('in_review');
    const failed = stripeEvent(
      'checkout.session.async_payment_failed',
      paidSession(b.checkoutId, b.pi, 35000),
    );
    expect((await deliver(t, failed)).json().outcome).toBe('ignored');
    expect(await entries(b.feeId, 'payment')).toHaveLength(1);
  });

  it('waits for a delayed payment method, then records it when it succeeds', async () => {
    const c = await openCheckout();
    const pending = stripeEvent('checkout.session.completed', {
      ...paidSession(c.checkoutId, c.pi, 35000),
      payment_status: 'unpaid',
    });
    expect((await deliver(t, pending)).json().outcome).toBe('ignored');
    expect(await checkoutStatus(c.checkoutId)).toBe('open');
    const paid = stripeEvent(
      'checkout.session.async_payment_succeeded',
      paidSession(c.checkoutId, c.pi, 35000),
    );
    expect((await deliver(t, paid)).json().outcome).toBe('payment_recorded');
    expect(await status(c.me)).toBe('in_review');
  });

  it('records refunds once each, by Stripe refund id, whatever the order', async () => {
    const c = await openCheckout();
    await deliver(t, stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000)));
    const first = stripeEvent('charge.refunded', refundedCharge(c.pi, [{ id: 're_a', amount: 10000 }]));
    expect((await deliver(t, first)).json().outcome).toBe('refund_recorded');
    // A later event lists both refunds: only the new one is added. The first again: a duplicate.
    const second = stripeEvent(
      'charge.refunded',
      refundedCharge(c.pi, [
        { id: 're_b', amount: 5000 },
        { id: 're_a', amount: 10000 },
      ]),
    );
    expect((await deliver(t, second)).json().outcome).toBe('refund_recorded');
    expect((await deliver(t, first)).json().outcome).toBe('duplicate');
    const refunds = await entries(c.feeId, 'refund');
    expect(refunds.map((r) => [r.reference, r.amountCents, r.method]).sort()).toEqual([
      ['re_a', 10000, 'card'],
      ['re_b', 5000, 'card'],
    ]);
    const mails = (await mailTo(t, c.me.email)).filter((m) => m.template === 'refund-sent');
    expect(mails.map((m) => m.text.split('\n')[2]).sort()).toEqual([
      'We refunded $100.00 of your application fee to the card you paid with.',
      'We refunded $50.00 of your application fee to the card you paid with.',
    ]);
    expect(await auditActions(t, 'fee', c.feeId)).toEqual([
      'fee.created',
      'fee.payment_recorded',
      'fee.refund_recorded',
      'fee.refund_recorded',
    ]);

    // Newer API versions send only the running total: the difference is recorded once.
    const totalOnly = stripeEvent('charge.refunded', {
      ...refundedCharge(c.pi, []),
      amount_refunded: 20000,
      refunds: undefined,
    });
    expect((await deliver(t, totalOnly)).json().outcome).toBe('refund_recorded');
    const again = stripeEvent('charge.refunded', {
      ...refundedCharge(c.pi, []),
      amount_refunded: 20000,
      refunds: undefined,
    });
    expect((await deliver(t, again)).json().outcome).toBe('ignored');
    expect((await entries(c.feeId, 'refund')).reduce((s, r) => s + r.amountCents, 0)).toBe(20000);
  });

  it('keeps a refund that arrives before its payment and applies it when the payment comes', async () => {
    const c = await openCheckout();
    const refund = stripeEvent('charge.refunded', refundedCharge(c.pi, [{ id: 're_early', amount: 35000 }]));
    const res = await deliver(t, refund);
    expect(res.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await entries(c.feeId, 'refund')).toHaveLength(0);

    await deliver(t, stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000)));
    expect(await entries(c.feeId, 'payment')).toHaveLength(1);
    expect((await entries(c.feeId, 'refund')).map((r) => r.reference)).toEqual(['re_early']);
    expect(await events(refund.id)).toMatchObject([{ outcome: 'refund_recorded' }]);

    // A refund for a payment nobody knows: recorded, ignored, 200.
    const stray = stripeEvent('charge.refunded', refundedCharge('pi_unknown', [{ id: 're_x', amount: 100 }]));
    expect((await deliver(t, stray)).statusCode).toBe(200);
    expect(await events(stray.id)).toMatchObject([{ outcome: 'ignored' }]);
  });

  it('records money taken for a checkout that was closed meanwhile, so it can be given back', async () => {
    const c = await openCheckout();
    // The candidate switched to check and then back, the checkout was closed, then Stripe says it was paid.
    await t.services.db.update(checkouts).set({ status: 'failed' }).where(eq(checkouts.id, c.checkoutId));
    const res = await deliver(
      t,
      stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000)),
    );
    expect(res.json().outcome).toBe('payment_recorded');
    expect(await entries(c.feeId, 'payment')).toHaveLength(1);
    expect(await auditActions(t, 'checkout', c.checkoutId)).toContain('checkout.paid_after_close');
  });

  it('pays any other fee the same way (a course approval fee), with the receipt to its payer', async () => {
    const provider = await providerAdmin(t);
    const { id } = await submittedCourse(t, { paid: false, provider });
    const started = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, {
      session: provider.session,
    });
    const { checkoutId, url } = started.json();
    expect(url).toBe(`/pay/stripe/${checkoutId}`);
    const fee = (await courseFees(t, id))[0]!;
    const due = (await t.services.db.select().from(checkouts).where(eq(checkouts.id, checkoutId)))[0]!
      .amountCents;
    const res = await deliver(
      t,
      stripeEvent('checkout.session.completed', paidSession(checkoutId, 'pi_course', due)),
    );
    expect(res.json().outcome).toBe('payment_recorded');
    expect(await entries(fee.id, 'payment')).toMatchObject([
      { amountCents: due, method: 'card', reference: 'pi_course' },
    ]);
    expect((await mailTo(t, provider.session.email)).map((m) => m.subject)).toContain(
      'Payment received: course approval fee',
    );
  });

  it('records one payment when the same event is delivered twice at the same moment', async () => {
    const c = await openCheckout();
    const event = stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000));
    const results = await Promise.all([deliver(t, event), deliver(t, event)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().outcome).sort()).toEqual(['duplicate', 'payment_recorded']);
    expect(await entries(c.feeId, 'payment')).toHaveLength(1);
    expect(await events(event.id)).toHaveLength(1);
    expect(await status(c.me)).toBe('in_review');

    // Two different events for the same payment at once (completed and async succeeded): still one payment.
    const d = await openCheckout();
    const both = await Promise.all([
      deliver(t, stripeEvent('checkout.session.completed', paidSession(d.checkoutId, d.pi, 35000))),
      deliver(
        t,
        stripeEvent('checkout.session.async_payment_succeeded', paidSession(d.checkoutId, d.pi, 35000)),
      ),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().outcome).sort()).toEqual(['ignored', 'payment_recorded']);
    expect(await entries(d.feeId, 'payment')).toHaveLength(1);
  });
});
