import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeBalances, fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { testBackends } from '../support/backends.js';
import { askAdjustment, decideAdjustment, ledgerOf } from '../support/payment-factories.js';
import { api } from '../support/sessions.js';
import {
  activatePolicy,
  insertTestUser,
  makeApplication,
  payInFull,
  staffMember,
} from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

describe.each(testBackends())('refunds owed on %s', (backend) => {
  let t: TestApp;
  let ana: Awaited<ReturnType<typeof staffMember>>;
  let ben: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ana = await staffMember(t);
    ben = await staffMember(t);
  });
  afterAll(() => t.close());

  /** A portfolio fee whose entries all arrive in one multi-row insert, as an import would write them. */
  async function portfolioFee(entries: Array<[kind: 'charge' | 'payment' | 'award', cents: number]>) {
    const payer = await insertTestUser(t, ['candidate'], 'Pat Portfolio');
    const id = randomUUID();
    const at = t.clock.now();
    await t.services.db.insert(fees).values({
      id,
      kind: 'portfolio',
      subjectId: randomUUID(),
      payerUserId: payer.id,
      member: false,
      currency: 'USD',
      createdAt: at,
    });
    await t.services.db.insert(ledgerEntries).values(
      entries.map(([kind, amountCents]) => ({
        id: randomUUID(),
        feeId: id,
        kind,
        amountCents,
        method: kind === 'award' || kind === 'charge' ? ('none' as const) : ('check' as const),
        reference: null,
        createdAt: at,
      })),
    );
    return id;
  }

  it('lists rejected-and-paid and overpaid fees, oldest first, once each; leaves out settled fees', async () => {
    const later = () => t.clock.advance(MINUTE);
    const rejected = await makeApplication(t, ana.ctx, { status: 'rejected' });
    later();
    const paidExactly = await makeApplication(t, ana.ctx, { status: 'admitted' });
    later();
    const overpaid = await makeApplication(t, ana.ctx, { status: 'admitted' });
    await payInFull(t, overpaid, 2500);
    later();
    const refunded = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const asked = await askAdjustment(t, ana.session, refunded.feeId, {
      kind: 'refund',
      amount: '350.00',
      method: 'check',
      reference: 'R-2001',
      reason: 'Found ineligible: the hours could not be confirmed.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await decideAdjustment(t, ben.session, asked.json().id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    later();
    // Rejected and overpaid too: listed once, for everything kept.
    const rejectedOverpaid = await makeApplication(t, ana.ctx, { status: 'rejected' });
    await payInFull(t, rejectedOverpaid, 1000);
    later();
    const portfolioOverpaid = await portfolioFee([
      ['charge', 35000],
      ['payment', 35000],
      ['award', 5000],
    ]);
    later();
    const portfolioPaidInParts = await portfolioFee([
      ['charge', 35000],
      ['payment', 20000],
      ['payment', 15000],
    ]);

    expect((await ledgerOf(t, paidExactly.feeId)).balance).toMatchObject({
      dueCents: 0,
      netPaidCents: 35000,
    });
    expect((await ledgerOf(t, refunded.feeId)).balance).toMatchObject({ dueCents: 0, netPaidCents: 0 });

    const expected = [
      [rejected.feeId, 'rejected', 35000],
      [overpaid.feeId, 'overpaid', 2500],
      [rejectedOverpaid.feeId, 'rejected', 36000],
      [portfolioOverpaid, 'overpaid', 5000],
    ];
    for (const path of ['/api/v1/staff/finance/refunds-owed', '/api/v1/staff/payments/refunds-owed']) {
      const res = await api(t, 'GET', path, { session: ana.session });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Array<{ feeId: string; why: string; owedCents: number }>;
      expect(items.map((i) => [i.feeId, i.why, i.owedCents])).toEqual(expected);
    }

    // The sums the list reads agree with the ledger for every fee, whoever wrote the entries.
    for (const feeId of [
      rejected.feeId,
      paidExactly.feeId,
      overpaid.feeId,
      refunded.feeId,
      rejectedOverpaid.feeId,
      portfolioOverpaid,
      portfolioPaidInParts,
    ]) {
      const { balance } = await ledgerOf(t, feeId);
      const [kept] = await t.services.db.select().from(feeBalances).where(eq(feeBalances.feeId, feeId));
      expect(kept, feeId).toEqual({ feeId, netPaidCents: balance.netPaidCents, dueCents: balance.dueCents });
    }
  });

  // Last: it changes the active policy, which rejected applications (pinned only at admission) follow.
  it('owes back only the overpayment on a rejection when the policy does not refund rejected applications', async () => {
    const rejected = await makeApplication(t, ana.ctx, { status: 'rejected' });
    t.clock.advance(MINUTE);
    const rejectedOverpaid = await makeApplication(t, ana.ctx, { status: 'rejected' });
    await payInFull(t, rejectedOverpaid, 1000);
    const owedOf = async () =>
      (
        (await api(t, 'GET', '/api/v1/staff/finance/refunds-owed', { session: ana.session })).json()
          .items as Array<{ feeId: string; why: string; owedCents: number }>
      ).filter((i) => i.feeId === rejected.feeId || i.feeId === rejectedOverpaid.feeId);
    expect((await owedOf()).map((i) => [i.feeId, i.why, i.owedCents])).toEqual([
      [rejected.feeId, 'rejected', 35000],
      [rejectedOverpaid.feeId, 'rejected', 36000],
    ]);

    await activatePolicy(t, (p) => {
      p.refunds.applicationFeeRefundableWhenIneligible = false;
    });
    expect((await owedOf()).map((i) => [i.feeId, i.why, i.owedCents])).toEqual([
      [rejectedOverpaid.feeId, 'overpaid', 1000],
    ]);
  });
});
