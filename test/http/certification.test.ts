import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, setAchievements } from '../../src/modules/applications/schema.js';
import { certifyIfComplete } from '../../src/modules/certification/certify-if-complete.js';
import { certifications, deadlineExtensions } from '../../src/modules/certification/schema.js';
import { insertAchievementsOnce } from '../../src/modules/completions/credit-repository.js';
import { systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { testBackends } from '../support/backends.js';
import { auditActions, mailTo } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { mailOf, makeApplication, sessionOf, staffMember, type UserRef } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { assignedPortfolio, rateAs, TEN_SET } from './portfolio-rating-support.js';

const REQUIRED = ['foundations', 'communication-teamwork', 'technology'];

describe.each(testBackends())('certification on %s', (backend) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  const achieve = (candidateId: string, sets: Array<[string, string]>) =>
    t.services.db.insert(setAchievements).values(
      sets.map(([setId, on]) => ({
        id: uuidv7(),
        candidateId,
        setId,
        how: 'agreement' as const,
        achievedOn: on,
        sourceRef: 'AGR-TEST',
        createdAt: t.clock.now(),
      })),
    );

  /** The sixth set arrives the way course credit and portfolio decisions record one: then certify. */
  const creditSet = (candidateId: string, setId: string, on: string) => {
    const ctx = systemCtx(t.services, 'test-credit');
    return transact(ctx, async (w) => {
      await insertAchievementsOnce(w.tx, [
        {
          id: uuidv7(),
          candidateId,
          setId,
          how: 'course',
          achievedOn: on,
          sourceRef: 'CRS-TEST',
          createdAt: t.clock.now(),
        },
      ]);
      return certifyIfComplete(ctx, w, [candidateId]);
    });
  };

  async function admitted(): Promise<{ id: string; candidate: UserRef; session: TestSession }> {
    const made = await makeApplication(t, staff.ctx, { status: 'admitted' });
    return { id: made.id, candidate: made.candidate, session: await sessionOf(t, made.candidate) };
  }

  const certOf = async (applicationId: string) =>
    t.services.db.select().from(certifications).where(eq(certifications.applicationId, applicationId));

  it('admission certifies a candidate whose sets are already all achieved, once, with a mail', async () => {
    const made = await makeApplication(t, staff.ctx, { status: 'in_review' });
    await achieve(made.candidate.id, [
      ...REQUIRED.map((s): [string, string] => [s, '2026-10-01']),
      ['access-services', '2026-10-02'],
      ['readers-advisory', '2026-10-03'],
      ['cataloging-classification', '2026-10-05'],
    ]);
    const res = await api(t, 'POST', `/api/v1/staff/applications/${made.id}/admit`, {
      session: staff.session,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const [cert] = await certOf(made.id);
    expect(cert).toMatchObject({
      status: 'active',
      basis: 'automatic',
      certifiedOn: '2026-10-05',
      expiresOn: '2030-10-05',
    });
    expect(cert!.number).toMatch(/^CLSS-2026-\d{6}$/);
    const mail = await mailOf(t, made.candidate.email, 'certification-granted');
    expect(mail?.text).toContain(cert!.number);
    expect(mail?.text).toContain('/my-certification');
    expect(await auditActions(t, 'certification', cert!.id)).toEqual(['certification.granted']);
  });

  it('achieving the sixth set certifies once; 3 required + 2 electives does not', async () => {
    const a = await admitted();
    await achieve(a.candidate.id, [
      ...REQUIRED.map((s): [string, string] => [s, '2026-11-28']),
      ['access-services', '2026-11-28'],
      ['readers-advisory', '2026-11-28'],
    ]);
    const ctx = systemCtx(t.services, 'test');
    expect(await transact(ctx, (w) => certifyIfComplete(ctx, w, [a.candidate.id]))).toEqual([]);
    expect(await certOf(a.id)).toEqual([]);
    const before = (await api(t, 'GET', '/api/v1/me/certification', { session: a.session })).json();
    expect(before).toMatchObject({
      state: 'in_progress',
      certification: null,
      progress: { complete: false },
    });

    const made = await creditSet(a.candidate.id, 'collection-management', '2026-11-28');
    expect(made).toHaveLength(1);
    expect(await creditSet(a.candidate.id, 'youth-services', '2026-11-28')).toEqual([]);
    expect(await certOf(a.id)).toHaveLength(1);
    const mails = (await mailTo(t, a.candidate.email)).filter((m) => m.template === 'certification-granted');
    expect(mails).toHaveLength(1);

    const me = (await api(t, 'GET', '/api/v1/me/certification', { session: a.session })).json();
    expect(me).toMatchObject({
      state: 'certified',
      designation: 'Library Support Staff Certification',
      certification: {
        number: made[0]!.number,
        certifiedOn: '2026-11-28',
        expiresOn: '2030-11-28',
        basis: 'automatic',
      },
    });
    const page = await get(t, '/my-certification', a.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Congratulations, you are certified');
    expect(page.body).toContain(made[0]!.number);
    expect(page.body).toContain(`/verify/${made[0]!.number}`);
    expect(page.body).toContain('/certification/registry');
    expect(page.body).toContain('by a recognition agreement');
    expect((await get(t, '/dashboard', a.session)).body).toContain('See your certification');
  });

  it('a portfolio approved for the sixth set certifies in the decision, with the set by portfolio', async () => {
    // Through the evaluators' real submissions, so the decision's own call to certification is what runs.
    const rated = await assignedPortfolio(t, staff.session);
    const candidate = rated.portfolio.candidate;
    await achieve(candidate.id, [
      ...REQUIRED.map((s): [string, string] => [s, '2026-10-01']),
      ['access-services', '2026-10-01'],
      ['readers-advisory', '2026-10-01'],
    ]);
    const session = await sessionOf(t, candidate);
    const me = async () => (await api(t, 'GET', '/api/v1/me/certification', { session })).json();
    expect(await me()).toMatchObject({ state: 'in_progress', certification: null });
    await rateAs(t, rated, 1, 'MMMMMMMMMM');
    expect((await rateAs(t, rated, 2, 'MMMMMMMMMM')).outcome).toBe('approved');
    const after = await me();
    expect(after).toMatchObject({
      state: 'certified',
      certification: { certifiedOn: '2026-11-28', expiresOn: '2030-11-28', basis: 'automatic' },
    });
    expect(after.certification.number).toMatch(/^CLSS-2026-\d{6}$/);
    const set = after.sets.find((x: { id: string }) => x.id === TEN_SET);
    expect(set).toMatchObject({ achieved: { how: 'portfolio', on: '2026-11-28' } });
    const mails = (await mailTo(t, candidate.email)).map((m) => m.template);
    expect(mails).toContain('certification-granted');
  });

  it('completion after the deadline does not certify, and the pages say the deadline passed', async () => {
    const a = await admitted();
    await t.services.db
      .update(applications)
      .set({ deadlineOn: '2026-11-27' })
      .where(eq(applications.id, a.id));
    await achieve(
      a.candidate.id,
      [...REQUIRED, 'access-services', 'readers-advisory'].map((s): [string, string] => [s, '2026-11-20']),
    );
    expect(await creditSet(a.candidate.id, 'cataloging-classification', '2026-11-28')).toEqual([]);
    expect(await certOf(a.id)).toEqual([]);
    const me = (await api(t, 'GET', '/api/v1/me/certification', { session: a.session })).json();
    expect(me).toMatchObject({
      state: 'expired',
      certification: null,
      deadline: { deadline: '2026-11-27', expired: true },
    });
    const page = await get(t, '/my-certification', a.session);
    expect(page.body).toContain('Your deadline has passed');
    expect(page.body).toContain('extend your deadline');
  });

  it('staff certify by hand with a reason, once; others are refused', async () => {
    const a = await admitted();
    const url = `/api/v1/staff/applications/${a.id}/certify`;
    expect((await api(t, 'POST', url, { session: a.session, body: { reason: 'x' } })).statusCode).toBe(403);
    const noMfa = await sessionOf(t, staff.user, { mfaVerified: false });
    expect((await api(t, 'POST', url, { session: noMfa, body: { reason: 'x' } })).statusCode).toBe(401);
    const blank = await api(t, 'POST', url, { session: staff.session, body: { reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([{ field: 'reason', message: 'Give the reason.' }]);
    expect(
      (
        await api(t, 'POST', `/api/v1/staff/applications/${uuidv7()}/certify`, {
          session: staff.session,
          body: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);

    const ok = await api(t, 'POST', url, {
      session: staff.session,
      body: { reason: 'Met by a state program the system does not record.' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ basis: 'manual', certifiedOn: '2026-11-28', expiresOn: '2030-11-28' });
    const [cert] = await certOf(a.id);
    expect(cert).toMatchObject({
      basis: 'manual',
      certifiedBy: staff.user.id,
      reason: 'Met by a state program the system does not record.',
    });
    expect(await mailOf(t, a.candidate.email, 'certification-granted')).toBeDefined();
    expect(
      (await api(t, 'POST', url, { session: staff.session, body: { reason: 'again' } })).statusCode,
    ).toBe(409);
    expect((await api(t, 'GET', '/api/v1/me/certification', { session: a.session })).json().state).toBe(
      'certified',
    );
  });

  it('staff certify from the page; the page is only for staff', async () => {
    const a = await admitted();
    expect((await get(t, `/staff/applications/${a.id}/certification`, a.session)).statusCode).toBe(403);
    const page = await get(t, `/staff/applications/${a.id}/certification`, staff.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Certify this candidate');
    expect((await get(t, `/staff/applications/${a.id}`, staff.session)).body).toContain(
      `/staff/applications/${a.id}/certification`,
    );
    const bad = await postForm(t, `/staff/applications/${a.id}/certify`, { reason: '' }, staff.session);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the reason.');
    const ok = await postForm(
      t,
      `/staff/applications/${a.id}/certify`,
      { reason: 'Verified by hand.' },
      staff.session,
    );
    expect(ok.statusCode).toBe(303);
    expect(await certOf(a.id)).toHaveLength(1);
  });

  it('staff extend a deadline with a reason to a later date; the candidate is told', async () => {
    const a = await admitted();
    const url = `/api/v1/staff/applications/${a.id}/deadline-extensions`;
    const post = (body: object, session = staff.session) => api(t, 'POST', url, { session, body });
    expect((await post({ newDeadlineOn: '2031-06-30', reason: 'Illness' }, a.session)).statusCode).toBe(403);
    const notDate = await post({ newDeadlineOn: '30/06/2031', reason: '' });
    expect(notDate.statusCode).toBe(400);
    expect(
      notDate
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['newDeadlineOn', 'reason']);
    const earlier = await post({ newDeadlineOn: '2030-11-28', reason: 'Illness' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors[0].message).toContain('after the current one');

    const ok = await post({ newDeadlineOn: '2031-06-30', reason: 'A long illness.' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ previousDeadlineOn: '2030-11-28', newDeadlineOn: '2031-06-30' });
    const [app] = await t.services.db.select().from(applications).where(eq(applications.id, a.id));
    expect(app!.deadlineOn).toBe('2031-06-30');
    const ext = await t.services.db
      .select()
      .from(deadlineExtensions)
      .where(eq(deadlineExtensions.applicationId, a.id));
    expect(ext).toMatchObject([
      {
        previousDeadlineOn: '2030-11-28',
        newDeadlineOn: '2031-06-30',
        reason: 'A long illness.',
        grantedBy: staff.user.id,
      },
    ]);
    expect((await mailOf(t, a.candidate.email, 'deadline-extended'))?.text).toContain('30 June 2031');
    expect(await auditActions(t, 'application', a.id)).toContain('application.deadline_extended');
    const csrfLess = await postForm(
      t,
      `/staff/applications/${a.id}/extend-deadline`,
      { newDeadlineOn: '2032-01-01', reason: 'x' },
      staff.session,
      { csrf: false },
    );
    expect(csrfLess.statusCode).toBe(403);
  });

  it('the certification page and API need a signed-in candidate', async () => {
    expect((await api(t, 'GET', '/api/v1/me/certification')).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/me/certification', { session: staff.session })).statusCode).toBe(
      403,
    );
  });
});
