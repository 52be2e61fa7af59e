import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  assign,
  courseEvaluator,
  evaluate,
  payCourse,
  submittedCourse,
} from '../support/evaluation-factories.js';
import { joinedMember } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { insertTestUser, mailOf, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('assigning course evaluators on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('refuses before the fee is paid, then sends to two evaluators with a due date 21 days on', async () => {
    const { id, provider } = await submittedCourse(t, { paid: false });
    const a = await courseEvaluator(t);
    const b = await courseEvaluator(t);
    const early = await assign(t, staff, id, [a.user, b.user]);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('fee is not paid');
    await payCourse(t, provider.session, id);
    const res = await assign(t, staff, id, [a.user, b.user]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('in_evaluation');
    expect(res.json().evaluations.map((e: { dueOn: string }) => e.dueOn)).toEqual([
      '2026-12-19',
      '2026-12-19',
    ]);
    const mail = await mailOf(t, a.user.email, 'course-evaluation-assigned');
    expect(mail?.text).toContain('19 December 2026');
    const again = await assign(t, staff, id, [a.user, b.user]);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Evaluators are already assigned.');
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('refuses a provider member, a person without the evaluator role, one evaluator or the same one twice', async () => {
    const { id, provider } = await submittedCourse(t);
    const memberSession = await joinedMember(t, provider.session, provider.providerId);
    const a = await courseEvaluator(t);
    const candidate = await insertTestUser(t, ['candidate']);
    const memberUser = { id: memberSession.userId, email: memberSession.email, displayName: 'Member' };
    for (const evaluators of [[a.user, candidate], [a.user], [a.user, a.user]]) {
      const res = await assign(t, staff, id, evaluators);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('evaluatorIds');
    }
    // A member who is also a course evaluator still may not judge their own provider's course.
    const { users } = await import('../../src/modules/accounts/schema.js');
    const { eq } = await import('drizzle-orm');
    await t.services.db
      .update(users)
      .set({ roles: ['candidate', 'course_evaluator'] })
      .where(eq(users.id, memberUser.id));
    const res = await assign(t, staff, id, [a.user, memberUser]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('not members of the course provider');
    const page = await get(t, `/staff/course-applications/${id}`, staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(a.user.email);
    expect(page.body).not.toContain(memberUser.email);
  });

  it('assigns through the staff page form; a form without CSRF is refused', async () => {
    const { id } = await submittedCourse(t);
    const a = await courseEvaluator(t);
    const b = await courseEvaluator(t);
    const fields = { evaluator1: a.user.id, evaluator2: b.user.id };
    const noCsrf = await postForm(t, `/staff/course-applications/${id}/evaluators`, fields, staff, {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    const bad = await postForm(
      t,
      `/staff/course-applications/${id}/evaluators`,
      { evaluator1: a.user.id },
      staff,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose 2 different course evaluators.');
    const res = await postForm(t, `/staff/course-applications/${id}/evaluators`, fields, staff);
    expect(res.statusCode).toBe(303);
    const list = await get(t, '/staff/course-applications?status=in_evaluation', staff);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/staff/course-applications/${id}`);
    const empty = await get(t, '/staff/course-applications?status=declined', staff);
    expect(empty.body).toContain('No course applications match.');
  });

  it('denies staff without MFA, candidates, providers and evaluators', async () => {
    const { id, provider } = await submittedCourse(t);
    const a = await courseEvaluator(t);
    const b = await courseEvaluator(t);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    const res = await assign(t, noMfa, id, [a.user, b.user]);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('MFA_REQUIRED');
    const candidate = await signedInAs(t, ['candidate']);
    for (const who of [candidate, provider.session, a.session]) {
      expect((await assign(t, who, id, [a.user, b.user])).statusCode).toBe(403);
      expect((await api(t, 'GET', '/api/v1/staff/course-applications', { session: who })).statusCode).toBe(
        403,
      );
    }
    expect((await get(t, '/staff/course-applications', candidate)).statusCode).toBe(403);
  });

  it('shows an evaluator only the work assigned to them', async () => {
    const { id } = await submittedCourse(t);
    const a = await courseEvaluator(t);
    const b = await courseEvaluator(t);
    const other = await courseEvaluator(t);
    expect((await get(t, `/evaluations/${id}`, a.session)).statusCode).toBe(404);
    await assign(t, staff, id, [a.user, b.user]);
    const mine = await api(t, 'GET', '/api/v1/course-evaluations', { session: a.session });
    expect(mine.json().items.map((i: { applicationId: string }) => i.applicationId)).toEqual([id]);
    const theirs = await api(t, 'GET', '/api/v1/course-evaluations', { session: other.session });
    expect(theirs.json().items).toEqual([]);
    expect(
      (await api(t, 'GET', `/api/v1/course-evaluations/${id}`, { session: other.session })).statusCode,
    ).toBe(404);
    expect((await evaluate(t, other.session, id)).statusCode).toBe(404);
    expect((await get(t, `/evaluations/${id}`, other.session)).statusCode).toBe(404);
    const page = await get(t, `/evaluations/${id}`, a.session);
    expect(page.statusCode).toBe(200);
    const detail = await api(t, 'GET', `/api/v1/course-evaluations/${id}`, { session: a.session });
    const fileUrl = detail.json().files[0].downloadUrl as string;
    expect((await get(t, fileUrl, a.session)).statusCode).toBe(200);
    expect((await get(t, fileUrl, other.session)).statusCode).toBe(404);
    const unverified = await sessionOf(t, a.user, { mfaVerified: false });
    expect((await get(t, '/evaluations', unverified)).statusCode).toBe(302);
    const viaApi = await api(t, 'GET', '/api/v1/course-evaluations', { session: unverified });
    expect(viaApi.json().code).toBe('MFA_REQUIRED');
  });
});
