import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { askAdjustment, decideAdjustment, ledgerOf } from '../support/payment-factories.js';
import { follow } from '../support/provider-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { mailOf, makeApplication, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const REASON = 'Found ineligible: the hours could not be confirmed.';

describe.each(testBackends())('refunds with a second staff member’s approval on %s', (backend) => {
  let t: TestApp;
  let ana: Awaited<ReturnType<typeof staffMember>>;
  let ben: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ana = await staffMember(t);
    ben = await staffMember(t);
  });
  const axe = httpAxe();
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  const owedList = async (session: TestSession) =>
    (await api(t, 'GET', '/api/v1/staff/payments/refunds-owed', { session })).json().items as Array<{
      feeId: string;
      owedCents: number;
      why: string;
    }>;

  it('lists the refund owed after a rejection; a second staff member approves it; ledger, balance and mail follow', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    expect(await owedList(ana.session)).toContainEqual(
      expect.objectContaining({ feeId: app.feeId, owedCents: 35000, why: 'rejected' }),
    );
    expect((await get(t, '/staff', ana.session)).body).toContain('href="/staff/payments/adjustments"');
    const page = await get(t, '/staff/payments/adjustments', ana.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/staff/payments/fees/${app.feeId}`);
    expect((await get(t, `/staff/applications/${app.id}`, ana.session)).body).toContain(
      `/staff/payments/fees/${app.feeId}`,
    );

    const asked = await askAdjustment(t, ana.session, app.feeId, {
      kind: 'refund',
      amount: '350.00',
      method: 'check',
      reference: 'R-1001',
      reason: REASON,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({
      state: 'pending',
      kind: 'refund',
      amountCents: 35000,
      ledgerEntryId: null,
    });
    // Nothing reaches the ledger before approval.
    expect((await ledgerOf(t, app.feeId)).balance.refundedCents).toBe(0);

    const self = await decideAdjustment(t, ana.session, request.id, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('a different staff member must approve it');

    const approved = await decideAdjustment(t, ben.session, request.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: ben.user.id });
    expect(approved.json().ledgerEntryId).toBeTruthy();

    const { entries, balance } = await ledgerOf(t, app.feeId);
    expect(entries.slice(-2)).toEqual([
      { kind: 'refund', amountCents: 35000, method: 'check' },
      { kind: 'waiver', amountCents: 35000, method: 'none' },
    ]);
    expect(balance).toMatchObject({ netPaidCents: 0, dueCents: 0, refundedCents: 35000 });
    expect(await owedList(ana.session)).not.toContainEqual(expect.objectContaining({ feeId: app.feeId }));

    const mail = await mailOf(t, app.candidate.email, 'payment-refunded');
    expect(mail?.text).toContain('We are refunding $350.00');
    expect(mail?.text).toContain('We will mail you a check.');
    expect((await mailOf(t, ana.user.email, 'payment-adjustment-approved'))?.subject).toBe(
      'Refund of $350.00 approved',
    );
    expect(await auditActions(t, 'payment_adjustment', request.id)).toEqual([
      'payment_adjustment.requested',
      'payment_adjustment.approved',
    ]);
    expect(await auditActions(t, 'fee', app.feeId)).toEqual(
      expect.arrayContaining(['fee.refund_recorded', 'fee.waiver_recorded']),
    );

    // A second approval, after the first: refused, nothing doubled.
    const again = await decideAdjustment(t, ben.session, request.id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already approved');
    expect((await ledgerOf(t, app.feeId)).entries).toHaveLength(entries.length);
  });

  it('records a card refund with a note that it goes back through the card provider', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const asked = await askAdjustment(t, ben.session, app.feeId, {
      kind: 'refund',
      amount: 100,
      method: 'card',
      reason: 'Part refund agreed on the phone',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await decideAdjustment(t, ana.session, asked.json().id, 'approve')).statusCode).toBe(200);
    const row = await t.services.db.query.ledgerEntries.findFirst({
      where: (e, { and, eq }) => and(eq(e.feeId, app.feeId), eq(e.kind, 'refund')),
    });
    expect(row).toMatchObject({ method: 'card', amountCents: 10000 });
    expect(row?.note).toContain('through the card provider');
    // Part refunded, the rest of the charge released: nothing due, $250 still owed back.
    expect((await ledgerOf(t, app.feeId)).balance).toMatchObject({ netPaidCents: 25000, dueCents: 0 });
    expect(await owedList(ana.session)).toContainEqual(
      expect.objectContaining({ feeId: app.feeId, owedCents: 25000 }),
    );
  });

  it('refuses a refund larger than was paid, and a refund on a fee nobody paid', async () => {
    const paid = await makeApplication(t, ana.ctx, { status: 'in_review' });
    const tooMuch = await askAdjustment(t, ana.session, paid.feeId, {
      kind: 'refund',
      amount: '350.01',
      method: 'check',
      reason: REASON,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors).toEqual([
      { field: 'amount', message: 'A refund cannot be more than was paid' },
    ]);
    const unpaid = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    const none = await askAdjustment(t, ana.session, unpaid.feeId, {
      kind: 'refund',
      amount: '1',
      method: 'check',
      reason: REASON,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('amount');
  });

  it('declines with a note (required), and lets only the requester withdraw', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const asked = await askAdjustment(t, ana.session, app.feeId, {
      kind: 'refund',
      amount: '350',
      method: 'bank_transfer',
      reason: REASON,
    });
    const id = asked.json().id;
    const second = await askAdjustment(t, ben.session, app.feeId, {
      kind: 'refund',
      amount: '1',
      method: 'check',
      reason: REASON,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('already has a request waiting');
    expect((await decideAdjustment(t, ben.session, id, 'withdraw')).statusCode).toBe(403);
    const noNote = await decideAdjustment(t, ben.session, id, 'decline', { note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('note');
    const declined = await decideAdjustment(t, ben.session, id, 'decline', {
      note: 'Send it by check instead.',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', decisionNote: 'Send it by check instead.' });
    expect((await ledgerOf(t, app.feeId)).balance.refundedCents).toBe(0);
    expect((await mailOf(t, ana.user.email, 'payment-adjustment-declined'))?.text).toContain(
      'Send it by check instead.',
    );
    // A new request may now be made, and its requester may withdraw it.
    const next = await askAdjustment(t, ben.session, app.feeId, {
      kind: 'refund',
      amount: '350',
      method: 'check',
      reason: REASON,
    });
    expect(next.statusCode).toBe(201);
    const withdrawn = await decideAdjustment(t, ben.session, next.json().id, 'withdraw');
    expect(withdrawn.json().state).toBe('withdrawn');
  });

  it('approves exactly once when two staff members approve at the same moment', async () => {
    const cy = await staffMember(t);
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const id = (
      await askAdjustment(t, ana.session, app.feeId, {
        kind: 'refund',
        amount: '350',
        method: 'check',
        reason: REASON,
      })
    ).json().id;
    const results = await Promise.all([
      decideAdjustment(t, ben.session, id, 'approve'),
      decideAdjustment(t, cy.session, id, 'approve'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refunds = (await ledgerOf(t, app.feeId)).entries.filter((e) => e.kind === 'refund');
    expect(refunds).toHaveLength(1);
  });

  it('works through the pages: ask on the fee page, approve from the approvals list', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const feePage = await get(t, `/staff/payments/fees/${app.feeId}`, ana.session);
    expect(feePage.statusCode).toBe(200);
    expect(feePage.body).toContain('Refund owed: $350.00');
    const bad = await postForm(
      t,
      `/staff/payments/fees/${app.feeId}/adjustments`,
      { kind: 'refund', amount: 'lots', method: '', reference: '', award: '', reason: '' },
      ana.session,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the amount in dollars and cents, like 350.00');
    expect(bad.body).toContain('Choose how the money goes back');
    expect(bad.body).toContain('Write the reason');
    expect(bad.body).toContain('value="lots"');
    const made = await postForm(
      t,
      `/staff/payments/fees/${app.feeId}/adjustments`,
      { kind: 'refund', amount: '$350.00', method: 'check', reference: '', award: '', reason: REASON },
      ana.session,
    );
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe(`/staff/payments/fees/${app.feeId}`);
    const pending = await t.services.db.query.paymentAdjustments.findFirst({
      where: (a, { eq }) => eq(a.feeId, app.feeId),
    });
    const own = await get(t, '/staff/payments/adjustments', ana.session);
    expect(own.body).toContain('You asked for this, so a different staff member must approve or decline it.');
    const selfPost = await postForm(t, `/staff/payments/adjustments/${pending!.id}/approve`, {}, ana.session);
    expect(selfPost.statusCode).toBe(403);
    expect(selfPost.body).toContain('a different staff member must approve it');
    const ok = await postForm(t, `/staff/payments/adjustments/${pending!.id}/approve`, {}, ben.session);
    expect((await follow(t, ok, ben.session)).body).toContain(
      'Approved: the refund of $350.00 is in the ledger.',
    );
  });

  it.skipIf(!axeTier || backend !== 'pglite')(
    'every page and state passes axe',
    async () => {
      const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
      const fee = `/staff/payments/fees/${app.feeId}`;
      await axe.expectAccessible((await get(t, fee, ana.session)).body, 'fee page with the form');
      const bad = await postForm(
        t,
        `${fee}/adjustments`,
        { kind: 'refund', amount: 'x', reason: '' },
        ana.session,
      );
      await axe.expectAccessible(bad.body, 'fee page with errors');
      await askAdjustment(t, ana.session, app.feeId, {
        kind: 'refund',
        amount: '350',
        method: 'check',
        reason: REASON,
      });
      for (const [url, who] of [
        [fee, ana.session],
        [fee, ben.session],
        ['/staff/payments/adjustments', ana.session],
        ['/staff/payments/adjustments', ben.session],
      ] as const) {
        const res = await get(t, url, who);
        expect(res.statusCode, url).toBe(200);
        await axe.expectAccessible(res.body, url);
      }
      const receipts = await get(t, '/payments/receipts', await sessionOf(t, app.candidate));
      await axe.expectAccessible(receipts.body, 'receipts page');
    },
    60_000,
  );
});
