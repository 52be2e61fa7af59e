import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/modules/applications/schema.js';
import { findActiveFramework, findActivePolicy } from '../../src/modules/policy/repository.js';
import type { Ctx } from '../../src/platform/context.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import {
  activatePolicy,
  mailOf,
  makeApplication,
  payInFull,
  staffMember,
} from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('admitting applicants on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let staffCtx: Ctx;
  const admit = (id: string, session = staff) =>
    api(t, 'POST', `/api/v1/staff/applications/${id}/admit`, { session });
  const row = async (id: string) =>
    (await t.services.db.select().from(applications).where(eq(applications.id, id)))[0]!;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const member = await staffMember(t);
    staff = member.session;
    staffCtx = member.ctx;
  });
  afterAll(() => t.close());

  it('admits from the page: dates, pinned versions, decision, mail and audit', async () => {
    const app = await makeApplication(t, staffCtx, { status: 'in_review' });
    const page = await get(t, `/staff/applications/${app.id}`, staff);
    expect(page.body).toContain(
      "Admitted today, 28 November 2026, the candidate's deadline will be 28 November 2030.",
    );
    const res = await postForm(t, `/staff/applications/${app.id}/admit`, {}, staff);
    expect(res.statusCode).toBe(303);
    const admitted = await row(app.id);
    const [policy, framework] = [
      await findActivePolicy(t.services.db),
      await findActiveFramework(t.services.db),
    ];
    expect(admitted).toMatchObject({
      status: 'admitted',
      admittedOn: '2026-11-28',
      deadlineOn: '2030-11-28',
      policyVersionId: policy!.id,
      frameworkVersionId: framework!.id,
      decidedBy: staff.userId,
    });
    expect(admitted.decidedAt).toEqual(t.clock.now());
    const mail = await mailOf(t, app.candidate.email, 'application-admitted');
    expect(mail!.subject).toContain('You are admitted');
    expect(mail!.text).toContain('Your deadline is 28 November 2030');
    const json = (await api(t, 'GET', `/api/v1/staff/applications/${app.id}`, { session: staff })).json();
    const event = json.audit.find((e: { action: string }) => e.action === 'application.admitted');
    expect(event).toMatchObject({
      before: { status: 'in_review' },
      after: { status: 'admitted', deadlineOn: '2030-11-28' },
    });
    expect(json.actions).toEqual({
      requestInformation: false,
      recordCheck: false,
      admit: false,
      reject: false,
    });
  });

  it('counts calendar years: 29 Feb 2028 → 29 Feb 2032, 28 Feb 2027 → 28 Feb 2031', async () => {
    for (const [day, deadline] of [
      ['2028-02-29', '2032-02-29'],
      ['2027-02-28', '2031-02-28'],
    ] as const) {
      t.clock.set(`${day}T15:00:00Z`);
      const app = await makeApplication(t, staffCtx, { status: 'in_review' });
      const { session } = await staffMember(t);
      const res = await admit(app.id, session);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'admitted', admittedOn: day, deadlineOn: deadline });
    }
    t.clock.set('2026-11-28T15:00:00Z');
  });

  it('pins the versions active at admission, under a policy with a different completion period', async () => {
    const app = await makeApplication(t, staffCtx, { status: 'in_review' });
    const policy = await activatePolicy(t, (p) => {
      p.certification.completionYears = 3;
    });
    const res = await admit(app.id);
    const active = (await findActivePolicy(t.services.db))!;
    expect(active.version).toBe(policy.version);
    expect(res.json()).toMatchObject({ policyVersionId: active.id, deadlineOn: '2029-11-28' });
    const page = await get(t, `/staff/applications/${app.id}`, staff);
    expect(page.body).toContain(policy.version);
    await activatePolicy(t, (p) => {
      p.certification.completionYears = 4;
    });
  });

  it('refuses to admit before review or while the fee is not paid in full', async () => {
    const waiting = await makeApplication(t, staffCtx);
    const early = await admit(waiting.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      'The application fee is not paid yet, so you cannot admit this application.',
    );
    // A partial payment leaves the application waiting; put it in review by hand to prove the fee check holds.
    await payInFull(t, waiting, 10000);
    await t.services.db
      .update(applications)
      .set({ status: 'in_review' })
      .where(eq(applications.id, waiting.id));
    const unpaid = await postForm(t, `/staff/applications/${waiting.id}/admit`, {}, staff);
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.body).toContain('The application fee is not paid in full: $250.00 is still due.');
    expect((await row(waiting.id)).status).toBe('in_review');
  });

  it('lets only one of two simultaneous admissions through; the other is told it is already admitted', async () => {
    const app = await makeApplication(t, staffCtx, { status: 'in_review' });
    const other = (await staffMember(t)).session;
    const results = await Promise.all([admit(app.id), admit(app.id, other)]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json()).toMatchObject({
      code: 'INVALID_STATE',
      detail: 'This application is already admitted.',
    });
    const json = (await api(t, 'GET', `/api/v1/staff/applications/${app.id}`, { session: staff })).json();
    expect(json.audit.filter((e: { action: string }) => e.action === 'application.admitted')).toHaveLength(1);
    const again = await postForm(t, `/staff/applications/${app.id}/admit`, {}, staff);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This application is already admitted.');
  });

  it('refuses staff who have not passed MFA and posts without a CSRF token', async () => {
    const app = await makeApplication(t, staffCtx, { status: 'in_review' });
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    const res = await admit(app.id, noMfa);
    expect(res.json().code).toBe('MFA_REQUIRED');
    const page = await postForm(t, `/staff/applications/${app.id}/admit`, {}, noMfa);
    expect(page.statusCode).toBe(401);
    expect(
      (await postForm(t, `/staff/applications/${app.id}/admit`, {}, staff, { csrf: false })).statusCode,
    ).toBe(403);
    expect((await row(app.id)).status).toBe('in_review');
  });
});
