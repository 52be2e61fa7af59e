import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/modules/applications/schema.js';
import { fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { applicationIdOf, auditActions, candidate, draftApplication, mailTo } from '../support/factories.js';
import { api, postForm, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('submitting an application on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  async function feesOf(session: TestSession) {
    const id = await applicationIdOf(t, session);
    const rows = await t.services.db.select().from(fees).where(eq(fees.subjectId, id));
    const charges = rows.length
      ? await t.services.db.select().from(ledgerEntries).where(eq(ledgerEntries.feeId, rows[0]!.id))
      : [];
    return { id, fees: rows, charges: charges.filter((c) => c.kind === 'charge') };
  }

  it('numbers it, snapshots eligibility, creates one fee, mails and audits', async () => {
    const me = await candidate(t);
    await draftApplication(t, me, { member: true });
    const res = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'check' },
    });
    expect(res.statusCode).toBe(200);
    const { number } = res.json();
    expect(number).toMatch(/^LSSC-2026-\d{6}$/);

    const { id, fees: feeRows, charges } = await feesOf(me);
    expect(feeRows).toHaveLength(1);
    expect(feeRows[0]).toMatchObject({
      kind: 'application',
      member: true,
      payerUserId: me.userId,
      currency: 'USD',
    });
    expect(charges.map((c) => c.amountCents)).toEqual([32500]);

    const [row] = await t.services.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({
      status: 'awaiting_check',
      paymentMethod: 'check',
      submittedOn: '2026-11-28',
      givenName: 'Ada',
      country: 'US',
      region: 'IL',
    });
    expect(row!.submittedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(row!.eligibility).toMatchObject({
      eligible: true,
      countedHours: 1820,
      requiredHours: 1820,
      assessedOn: '2026-11-28',
      policyVersion: 'lssc-2026.1',
    });

    const [mail] = await mailTo(t, me.email);
    expect(mail).toMatchObject({
      template: 'application-received',
      subject: `We received your application ${number}`,
    });
    expect(mail!.text).toContain('Make your check for $325.00 payable to');

    expect(await auditActions(t, 'application', id)).toContain('application.submitted');
    expect(await auditActions(t, 'fee', feeRows[0]!.id)).toEqual(['fee.created']);
    expect(await verifyAuditChain(t.services.db)).toMatchObject({ ok: true });
  });

  it('gives one number and one fee to a double submission, one after the other', async () => {
    const me = await candidate(t);
    await draftApplication(t, me);
    const first = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    const second = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe('/application/pay');
    const again = await api(t, 'POST', '/api/v1/application/submit', {
      session: me,
      body: { paymentMethod: 'card' },
    });
    expect(again.json().alreadySubmitted).toBe(true);
    const { fees: feeRows, charges } = await feesOf(me);
    expect(feeRows).toHaveLength(1);
    expect(charges).toHaveLength(1);
    expect((await mailTo(t, me.email)).filter((m) => m.template === 'application-received')).toHaveLength(1);
  });

  it('gives one number and one fee to concurrent submissions', async () => {
    const me = await candidate(t);
    await draftApplication(t, me);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(t, 'POST', '/api/v1/application/submit', { session: me, body: { paymentMethod: 'card' } }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const numbers = new Set(results.map((r) => r.json().number));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => !r.json().alreadySubmitted)).toHaveLength(1);
    const { fees: feeRows, charges } = await feesOf(me);
    expect(feeRows).toHaveLength(1);
    expect(charges).toHaveLength(1);

    const pages = await Promise.all(
      [1, 2].map(() => postForm(t, '/application/submit', { paymentMethod: 'check' }, me)),
    );
    expect(pages.map((p) => p.statusCode)).toEqual([303, 303]);
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json()).toMatchObject({
      status: 'awaiting_payment',
      paymentMethod: 'card',
    });
  });

  it('numbers applications one after another, without gaps, across candidates submitting at once', async () => {
    const people = await Promise.all([1, 2, 3].map(() => candidate(t)));
    for (const p of people) await draftApplication(t, p);
    const results = await Promise.all(
      people.map((p) =>
        api(t, 'POST', '/api/v1/application/submit', { session: p, body: { paymentMethod: 'card' } }),
      ),
    );
    const numbers = results.map((r) => r.json().number as string).sort();
    const seqs = numbers.map((n) => Number(n.slice(-6)));
    expect(seqs[1]! - seqs[0]!).toBe(1);
    expect(seqs[2]! - seqs[1]!).toBe(1);
  });

  it('starts one draft even when the first save is sent twice at once', async () => {
    const me = await candidate(t);
    const saves = await Promise.all(
      [1, 2].map(() =>
        api(t, 'PUT', '/api/v1/application/education', { session: me, body: { hasHighSchool: true } }),
      ),
    );
    expect(saves.map((s) => s.statusCode)).toEqual([200, 200]);
    const rows = await t.services.db
      .select()
      .from(applications)
      .where(eq(applications.candidateId, me.userId));
    expect(rows).toHaveLength(1);
  });
});
