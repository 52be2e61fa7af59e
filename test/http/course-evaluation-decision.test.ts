import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { courseRubric } from '../../src/modules/courses/rules/rubric.js';
import { courseEvaluations } from '../../src/modules/courses/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { courseDetails, courseFees } from '../support/course-factories.js';
import {
  assign,
  decide,
  evaluate,
  evaluatedCourse,
  evaluationBody,
} from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { mailOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('evaluating and deciding course applications on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('validates every field of an evaluation', async () => {
    const { id, a } = await evaluatedCourse(t, staff, { evaluated: false });
    const missing = await evaluate(t, a.session, id, {
      ...evaluationBody(),
      scores: { [courseRubric[0]!.id]: 5 },
    } as never);
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().errors.map((e: { field: string }) => e.field);
    for (const c of courseRubric) expect(fields.join(' ')).toContain(c.id);
    const noRec = await evaluate(t, a.session, id, evaluationBody({ recommendation: 'maybe' }));
    expect(noRec.json().errors.map((e: { field: string }) => e.field)).toEqual(['recommendation']);
    const noComment = await evaluate(t, a.session, id, evaluationBody({ recommendation: 'decline' }));
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors).toEqual([
      { field: 'comment', message: 'Explain what should change or why the course should be declined.' },
    ]);
    const page = await postForm(t, `/evaluations/${id}`, { recommendation: 'revise' }, a.session);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Choose a score from 1 to 4 for competency coverage.');
    expect(page.body).toContain('Explain what should change');
    const noCsrf = await postForm(t, `/evaluations/${id}`, {}, a.session, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("hides the other evaluator's scores until one's own is in, and takes an evaluation once", async () => {
    const { id, a, b } = await evaluatedCourse(t, staff, { evaluated: false });
    expect((await evaluate(t, a.session, id, evaluationBody({}, 4))).statusCode).toBe(200);
    const beforeOwn = (
      await api(t, 'GET', `/api/v1/course-evaluations/${id}`, { session: b.session })
    ).json();
    expect(beforeOwn.others).toEqual([
      { submitted: true, scores: null, recommendation: null, comment: null },
    ]);
    const page = await get(t, `/evaluations/${id}`, b.session);
    expect(page.body).not.toContain('Scores from evaluator');
    const fields = Object.fromEntries(courseRubric.map((c) => [`score_${c.id}`, '2']));
    const viaForm = await postForm(
      t,
      `/evaluations/${id}`,
      { ...fields, recommendation: 'approve' },
      b.session,
    );
    expect(viaForm.statusCode).toBe(303);
    const afterOwn = (await api(t, 'GET', `/api/v1/course-evaluations/${id}`, { session: b.session })).json();
    expect(afterOwn.others[0].scores[courseRubric[0]!.id]).toBe(4);
    expect(afterOwn.mine.scores[courseRubric[0]!.id]).toBe(2);
    const twice = await evaluate(t, a.session, id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('You have already submitted your evaluation.');
  });

  it('refuses a decision before both evaluations are in', async () => {
    const { id, a } = await evaluatedCourse(t, staff, { evaluated: false });
    await evaluate(t, a.session, id);
    const res = await decide(t, staff, id, 'approve');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Both evaluations must be submitted before a decision.');
  });

  it('approves for four calendar years (29 February 2028 → 29 February 2032); a second decision is a 409', async () => {
    const { id, provider } = await evaluatedCourse(t, staff);
    t.clock.set('2028-02-29T15:00:00Z');
    try {
      // Sessions expire over two years: a fresh one for the day of the decision.
      const staff = (await staffMember(t)).session;
      const res = await decide(t, staff, id, 'approve');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'approved',
        approvedOn: '2028-02-29',
        approvalEndsOn: '2032-02-29',
      });
      const again = await decide(t, staff, id, 'decline', 'Changed my mind.');
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('This course application is already approved.');
      const mail = await mailOf(t, provider.session.email, 'course-application-decided');
      expect(mail?.subject).toContain('approved until 29 February 2032');
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
    expect(await auditActions(t, 'course_application', id)).toContain('course_application.approved');
    const page = await get(t, `/staff/course-applications/${id}`, staff);
    expect(page.body).toContain('Average total score 15.0 of 20; the evaluators do not agree yet.');
  });

  it('returns for revision; the provider edits and resubmits without a new fee', async () => {
    const { id, provider } = await evaluatedCourse(t, staff);
    expect((await decide(t, staff, id, 'return')).statusCode).toBe(400);
    const res = await decide(t, staff, id, 'return', 'Add current readings for every competency.');
    expect(res.json().status).toBe('returned');
    const mail = await mailOf(t, provider.session.email, 'course-application-decided');
    expect(mail?.text).toContain('Add current readings for every competency.');
    const overview = await get(t, `/provider/courses/${id}`, provider.session);
    expect(overview.body).toContain('Returned for revision. Make the changes below');
    const edit = await api(t, 'PUT', `/api/v1/course-applications/${id}`, {
      session: provider.session,
      body: courseDetails({ title: 'Foundations of Library Service, revised' }),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const resubmit = await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, {
      session: provider.session,
    });
    expect(resubmit.statusCode).toBe(200);
    expect(resubmit.json().status).toBe('submitted');
    expect(await courseFees(t, id)).toHaveLength(1);
    const staffView = (
      await api(t, 'GET', `/api/v1/staff/course-applications/${id}`, { session: staff })
    ).json();
    expect(staffView.fee.settled).toBe(true);
    expect(staffView.title).toBe('Foundations of Library Service, revised');

    // A second round replaces the evaluations on the page, but the first round is kept as history.
    const { a, b } = await evaluatorsOf(t, id);
    expect((await assign(t, staff, id, [a, b])).statusCode).toBe(200);
    const rows = await t.services.db
      .select({ supersededAt: courseEvaluations.supersededAt, submittedAt: courseEvaluations.submittedAt })
      .from(courseEvaluations)
      .where(eq(courseEvaluations.applicationId, id));
    expect(rows.filter((r) => r.supersededAt !== null && r.submittedAt !== null)).toHaveLength(2);
    expect(rows.filter((r) => r.supersededAt === null && r.submittedAt === null)).toHaveLength(2);
  });

  it('declines with a reason through the page; candidates, providers and staff without MFA are refused', async () => {
    const { id, provider, a } = await evaluatedCourse(t, staff);
    const candidate = await signedInAs(t, ['candidate']);
    for (const who of [candidate, provider.session, a.session])
      expect((await decide(t, who, id, 'decline', 'No.')).statusCode).toBe(403);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    expect((await decide(t, noMfa, id, 'decline', 'No.')).json().code).toBe('MFA_REQUIRED');
    const url = `/staff/course-applications/${id}/decision`;
    expect((await postForm(t, url, { decision: 'decline' }, staff)).statusCode).toBe(400);
    expect(
      (await postForm(t, url, { decision: 'decline', comment: 'x' }, staff, { csrf: false })).statusCode,
    ).toBe(403);
    const res = await postForm(t, url, { decision: 'decline', comment: 'It does not cover the set.' }, staff);
    expect(res.statusCode).toBe(303);
    const again = await postForm(t, url, { decision: 'decline', comment: 'Again.' }, staff);
    expect(again.statusCode).toBe(409);
    const view = (await api(t, 'GET', `/api/v1/staff/course-applications/${id}`, { session: staff })).json();
    expect(view).toMatchObject({ status: 'declined', decisionComment: 'It does not cover the set.' });
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });
});

async function evaluatorsOf(t: TestApp, applicationId: string) {
  const rows = await t.services.db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(courseEvaluations)
    .innerJoin(users, eq(users.id, courseEvaluations.evaluatorId))
    .where(eq(courseEvaluations.applicationId, applicationId));
  const [a, b] = rows;
  return { a: a!, b: b! };
}
