import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fees } from '../../src/modules/payments/schema.js';
import { paymentEvents } from '../../src/modules/payments/stripe/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { auditActions, candidate, mailTo, submittedApplication } from '../support/factories.js';
import { ledgerOf } from '../support/payment-factories.js';
import { api } from '../support/sessions.js';
import {
  deliver,
  paidSession,
  refundedCharge,
  stripeEnv,
  stripeEvent,
} from '../support/stripe-test-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A refund event and the payment it refunds arriving at the same instant: whichever transaction runs
 * second must see the other's work, or the refund is kept waiting for a payment that already came
 * and is never applied (Stripe does not send it again).
 */
describe.each(testBackends())('Stripe payment and its refund arriving together on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, stripeEnv('http://127.0.0.1:9'));
  });
  afterAll(() => t.close());

  let serial = 0;
  /** A candidate with a submitted application and an open Stripe checkout for its $350 fee. */
  async function openCheckout() {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    const started = await api(t, 'POST', '/api/v1/application/checkout', { session: me });
    expect(started.statusCode, started.body).toBe(200);
    const [fee] = await t.services.db.select().from(fees).where(eq(fees.subjectId, applicationId));
    return {
      me,
      feeId: fee!.id,
      checkoutId: started.json().checkoutId as string,
      pi: `pi_race_${++serial}_${backend}_${Date.now()}`,
    };
  }
  const outcomeOf = async (eventId: string) =>
    (await t.services.db.select().from(paymentEvents).where(eq(paymentEvents.eventId, eventId))).map(
      (e) => e.outcome,
    );

  // On PostgreSQL the refund could be lost only when it lands in the payment's last few milliseconds:
  // more rounds there, each starting the refund a step later into the payment (as long as the last
  // one took), so some land in that moment however fast this machine is today.
  const rounds = backend === 'postgres' ? 30 : 10;
  it(`records the payment and the refund every time, over ${rounds} rounds of simultaneous deliveries`, async () => {
    let paymentMs = 20;
    for (let round = 0; round < rounds; round++) {
      const c = await openCheckout();
      const payment = stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000));
      const refund = stripeEvent(
        'charge.refunded',
        refundedCharge(c.pi, [{ id: `re_${c.pi}`, amount: 10000 }]),
      );
      const started = performance.now();
      const [paid, refunded] = await Promise.all([
        deliver(t, payment).finally(() => {
          paymentMs = performance.now() - started;
        }),
        sleep((paymentMs * (round % 10)) / 10).then(() => deliver(t, refund)),
      ]);
      expect([paid.statusCode, refunded.statusCode], `round ${round}`).toEqual([200, 200]);
      expect(paid.json().outcome, `round ${round}`).toBe('payment_recorded');
      // Applied at once (the payment was there) or kept and applied by the payment: recorded either way.
      expect(await outcomeOf(refund.id), `round ${round}`).toEqual(['refund_recorded']);
      expect(await outcomeOf(payment.id), `round ${round}`).toEqual(['payment_recorded']);

      const { entries, balance } = await ledgerOf(t, c.feeId);
      expect(
        entries.filter((e) => e.kind !== 'charge'),
        `round ${round}`,
      ).toEqual([
        { kind: 'payment', amountCents: 35000, method: 'card' },
        { kind: 'refund', amountCents: 10000, method: 'card' },
      ]);
      expect(balance, `round ${round}`).toMatchObject({
        chargedCents: 35000,
        paidCents: 35000,
        refundedCents: 10000,
        dueCents: 10000,
      });
      expect(await auditActions(t, 'fee', c.feeId), `round ${round}`).toEqual([
        'fee.created',
        'fee.payment_recorded',
        'fee.refund_recorded',
      ]);
      const refundMails = (await mailTo(t, c.me.email)).filter((m) => m.template === 'refund-sent');
      expect(refundMails, `round ${round}`).toHaveLength(1);
    }
    expect(await verifyAuditChain(t.services.db)).toMatchObject({ ok: true });
  });

  // PGlite runs one transaction at a time, so only PostgreSQL can hold the payment midway.
  it.runIf(backend === 'postgres')(
    'does not lose a refund that arrives while the payment is looking for kept refunds',
    async () => {
      const c = await openCheckout();
      // A first refund came early and was kept: the payment will look for it and apply it.
      const early = stripeEvent(
        'charge.refunded',
        refundedCharge(c.pi, [{ id: `re_a_${c.pi}`, amount: 5000 }]),
      );
      expect((await deliver(t, early)).json().outcome).toBe('ignored');
      const [kept] = await t.services.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.eventId, early.id));

      // Hold the kept refund's row, so the payment stops right where it reads the kept refunds.
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held!: () => void;
      const holding = new Promise<void>((resolve) => {
        held = resolve;
      });
      const holder = t.services.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from payment_events where id = ${kept!.id} for update`);
        held();
        await released;
      });
      await holding;

      const paying = deliver(
        t,
        stripeEvent('checkout.session.completed', paidSession(c.checkoutId, c.pi, 35000)),
      );
      await waitUntil(async () => {
        const { rows } = await t.handle.raw.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query ilike '%payment_events%'`,
        );
        return rows[0]!.n === 1;
      });
      // The second refund (Stripe lists every refund of the charge so far) arrives now.
      const second = stripeEvent(
        'charge.refunded',
        refundedCharge(c.pi, [
          { id: `re_b_${c.pi}`, amount: 10000 },
          { id: `re_a_${c.pi}`, amount: 5000 },
        ]),
      );
      const refunding = deliver(t, second);
      // Give it time to finish if nothing makes it wait for the payment.
      await Promise.race([refunding, sleep(300)]);
      release();
      await holder;
      const [paid, refunded] = await Promise.all([paying, refunding]);
      expect([paid.statusCode, refunded.statusCode]).toEqual([200, 200]);
      expect(paid.json().outcome).toBe('payment_recorded');

      const { entries, balance } = await ledgerOf(t, c.feeId);
      expect(entries.filter((e) => e.kind !== 'charge')).toEqual([
        { kind: 'payment', amountCents: 35000, method: 'card' },
        { kind: 'refund', amountCents: 5000, method: 'card' },
        { kind: 'refund', amountCents: 10000, method: 'card' },
      ]);
      expect(balance).toMatchObject({ paidCents: 35000, refundedCents: 15000, dueCents: 15000 });
      expect(await outcomeOf(early.id)).toEqual(['refund_recorded']);
      expect(await outcomeOf(second.id)).toEqual(['refund_recorded']);
      expect(await auditActions(t, 'fee', c.feeId)).toEqual([
        'fee.created',
        'fee.payment_recorded',
        'fee.refund_recorded',
        'fee.refund_recorded',
      ]);
    },
  );
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}
