import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import {
  applicationStatus,
  askAdjustment,
  decideAdjustment,
  ledgerOf,
} from '../support/payment-factories.js';
import { follow } from '../support/provider-factories.js';
import { api, postForm, signedInAs } from '../support/sessions.js';
import { activatePolicy, mailOf, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('waivers, awards, large checks and access on %s', (backend) => {
  let t: TestApp;
  let ana: Awaited<ReturnType<typeof staffMember>>;
  let ben: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ana = await staffMember(t);
    ben = await staffMember(t);
  });
  afterAll(() => t.close());

  it('an award and a waiver that cover the fee move the application on to review, as a payment would', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    const award = await askAdjustment(t, ana.session, app.feeId, {
      kind: 'award',
      award: 'enrollment-half-fee',
      reason: 'Enrolled in the spring cohort',
    });
    expect(award.statusCode, award.body).toBe(201);
    expect(award.json()).toMatchObject({ kind: 'award', amountCents: 17500 });
    expect((await decideAdjustment(t, ben.session, award.json().id, 'approve')).statusCode).toBe(200);
    expect(await applicationStatus(t, app.id)).toBe('awaiting_check');
    expect((await mailOf(t, app.candidate.email, 'fee-award'))?.text).toContain('$175.00 is still due.');

    const tooMuch = await askAdjustment(t, ana.session, app.feeId, {
      kind: 'waiver',
      amount: '175.01',
      reason: 'x',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors).toEqual([
      { field: 'amount', message: 'This would take the fee below zero; reduce the amount' },
    ]);
    const waiver = await askAdjustment(t, ben.session, app.feeId, {
      kind: 'waiver',
      amount: '175',
      reason: 'Hardship waiver agreed by the board',
    });
    expect((await decideAdjustment(t, ana.session, waiver.json().id, 'approve')).statusCode).toBe(200);
    const { entries, balance } = await ledgerOf(t, app.feeId);
    expect(entries.map((e) => e.kind)).toEqual(['charge', 'award', 'waiver']);
    expect(balance).toMatchObject({ dueCents: 0, settled: true, netPaidCents: 0 });
    expect(await applicationStatus(t, app.id)).toBe('in_review');
    expect((await mailOf(t, app.candidate.email, 'fee-waiver'))?.text).toContain(
      'Nothing more is due on this fee.',
    );

    // Money already paid cannot be waived: it needs a refund.
    const paid = await askAdjustment(t, ana.session, app.feeId, { kind: 'waiver', amount: '1', reason: 'x' });
    expect(paid.json().errors[0].message).toContain('needs a refund');
  });

  it('re-checks the balance on approval: a waiver made stale by a payment is refused', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    const id = (
      await askAdjustment(t, ana.session, app.feeId, { kind: 'waiver', amount: '350', reason: 'x' })
    ).json().id;
    const check = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/check-payments`, {
      session: ben.session,
      body: { checkNumber: '501', amount: '100', receivedOn: '2026-11-27' },
    });
    expect(check.statusCode, check.body).toBe(200);
    const stale = await decideAdjustment(t, ben.session, id, 'approve');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('The fee changed since this request was made');
    expect((await ledgerOf(t, app.feeId)).balance.waivedCents).toBe(0);
  });

  it('a check over the approval limit waits for a second staff member, then settles the fee', async () => {
    await activatePolicy(t, (p) => {
      p.fees.application.nonMemberCents = 60000;
    });
    const app = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    await activatePolicy(t, (p) => {
      p.fees.application.nonMemberCents = 35000;
    });
    const recorded = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/check-payments`, {
      session: ana.session,
      body: { checkNumber: '7001', amount: '600.00', receivedOn: '2026-11-27' },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ ledgerEntryId: null, settled: false, dueCents: 60000 });
    const requestId = recorded.json().pendingApprovalId as string;
    expect(requestId).toBeTruthy();
    expect(await applicationStatus(t, app.id)).toBe('awaiting_check');
    expect((await ledgerOf(t, app.feeId)).balance.paidCents).toBe(0);

    const pending = (
      await api(t, 'GET', '/api/v1/staff/payments/adjustments', { session: ben.session })
    ).json();
    expect(pending.items).toContainEqual(
      expect.objectContaining({
        id: requestId,
        kind: 'check_payment',
        reference: '7001',
        amountCents: 60000,
      }),
    );
    expect((await decideAdjustment(t, ana.session, requestId, 'approve')).statusCode).toBe(403);
    const approved = await decideAdjustment(t, ben.session, requestId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await ledgerOf(t, app.feeId)).entries.at(-1)).toEqual({
      kind: 'payment',
      amountCents: 60000,
      method: 'check',
    });
    expect(await applicationStatus(t, app.id)).toBe('in_review');
    expect((await mailOf(t, app.candidate.email, 'payment-received'))?.text).toContain('paid in full');

    // Through the staff page the same: the flash says it waits for approval.
    await activatePolicy(t, (p) => {
      p.fees.application.nonMemberCents = 60000;
    });
    const viaPage = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    await activatePolicy(t, (p) => {
      p.fees.application.nonMemberCents = 35000;
    });
    const posted = await postForm(
      t,
      `/staff/applications/${viaPage.id}/check-payments`,
      { checkNumber: '7003', amount: '$501.00', receivedOn: '2026-11-27' },
      ana.session,
    );
    expect((await follow(t, posted, ana.session)).body).toContain(
      'it will be recorded once another staff member approves it',
    );
    expect((await ledgerOf(t, viaPage.feeId)).balance.paidCents).toBe(0);

    // At or under the limit a check is recorded at once, as before.
    const small = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    const direct = await api(t, 'POST', `/api/v1/staff/applications/${small.id}/check-payments`, {
      session: ana.session,
      body: { checkNumber: '7002', amount: '350.00', receivedOn: '2026-11-27' },
    });
    expect(direct.json()).toMatchObject({ pendingApprovalId: null, settled: true });
  });

  it('puts a clear message at each field with bad input', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'in_review' });
    const fieldOf = async (body: Record<string, unknown>) => {
      const res = await askAdjustment(t, ana.session, app.feeId, body);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().errors as Array<{ field: string; message: string }>).map(
        (e) => `${e.field}: ${e.message}`,
      );
    };
    const refund = { kind: 'refund', amount: '10', method: 'check', reason: 'Overpaid' };
    expect(await fieldOf({ ...refund, amount: '0' })).toEqual(['amount: The amount must be more than $0.00']);
    expect(await fieldOf({ ...refund, amount: '-5' })).toEqual([
      'amount: The amount must be more than $0.00',
    ]);
    expect(await fieldOf({ ...refund, amount: '1.234' })).toEqual([
      'amount: Enter the amount in dollars and cents, like 350.00',
    ]);
    expect(await fieldOf({ ...refund, amount: '99999999' })).toEqual([
      'amount: That amount is far more than any fee; check what you typed',
    ]);
    expect(await fieldOf({ ...refund, method: undefined })).toEqual([
      'method: Choose how the money goes back',
    ]);
    expect(await fieldOf({ ...refund, reference: 'ab<script>' })).toEqual([
      'reference: Use letters, digits, spaces and . _ # / - only',
    ]);
    expect(await fieldOf({ ...refund, reason: '   ' })).toEqual(['reason: Write the reason']);
    expect(await fieldOf({ kind: 'award', award: 'golden-ticket', reason: 'x' })).toEqual([
      'award: Choose the award',
    ]);
    const noKind = await api(t, 'POST', `/api/v1/staff/fees/${app.feeId}/adjustments`, {
      session: ana.session,
      body: { amount: '1', reason: 'x' },
    });
    expect(noKind.statusCode).toBe(400);
    const unknownFee = await askAdjustment(t, ana.session, '01936f3e-0000-7000-8000-000000000000', refund);
    expect(unknownFee.statusCode).toBe(404);
    expect((await askAdjustment(t, ana.session, 'not-a-fee', refund)).statusCode).toBe(404);
  });

  it('refuses candidates (403), anonymous callers (401) and posts without the CSRF token', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'rejected' });
    const id = (
      await askAdjustment(t, ana.session, app.feeId, {
        kind: 'refund',
        amount: '350',
        method: 'check',
        reason: 'x',
      })
    ).json().id;
    const candidate = await signedInAs(t, ['candidate']);
    for (const [method, url] of [
      ['GET', '/api/v1/staff/payments/adjustments'],
      ['GET', '/api/v1/staff/payments/refunds-owed'],
      ['POST', `/api/v1/staff/payments/adjustments/${id}/approve`],
    ] as const) {
      expect((await api(t, method, url, { session: candidate })).statusCode).toBe(403);
      // Anonymous: 401 to reads; a write without a session has no CSRF token either, so 403 first.
      expect((await api(t, method, url)).statusCode).toBe(method === 'GET' ? 401 : 403);
    }
    expect(
      (await askAdjustment(t, candidate, app.feeId, { kind: 'waiver', amount: '1', reason: 'x' })).statusCode,
    ).toBe(403);
    expect((await postForm(t, `/staff/payments/fees/${app.feeId}`, {}, candidate)).statusCode).toBe(404);
    const page = await api(t, 'GET', '/staff/payments/adjustments', { session: candidate });
    expect(page.statusCode).toBe(403);
    const noCsrf = await postForm(t, `/staff/payments/adjustments/${id}/approve`, {}, ben.session, {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    const unverified = await staffMember(t, { mfaVerified: false });
    expect(
      (await api(t, 'GET', '/api/v1/staff/payments/adjustments', { session: unverified.session })).statusCode,
    ).toBe(401);
    expect((await ledgerOf(t, app.feeId)).balance.refundedCents).toBe(0);
  });

  it('keeps one pending request per fee when two staff members ask at the same moment', async () => {
    const app = await makeApplication(t, ana.ctx, { status: 'awaiting_check' });
    const results = await Promise.all([
      askAdjustment(t, ana.session, app.feeId, { kind: 'waiver', amount: '10', reason: 'x' }),
      askAdjustment(t, ben.session, app.feeId, { kind: 'waiver', amount: '20', reason: 'y' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.services.db.query.paymentAdjustments.findMany({
      where: (a, { eq }) => eq(a.feeId, app.feeId),
    });
    expect(rows).toHaveLength(1);
  });
});
