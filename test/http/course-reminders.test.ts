import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { courseEvaluations } from '../../src/modules/courses/schema.js';
import {
  remindCourseApprovals,
  remindOverdueCourseEvaluations,
} from '../../src/modules/courses/use-cases/send-course-reminders.js';
import { systemCtx } from '../../src/platform/context.js';
import { runSweeps, sweeps } from '../../src/sweeps.js';
import { testBackends } from '../support/backends.js';
import { approvedBundle, freshSession } from '../support/bundle-factories.js';
import { approvedCourse, evaluate, evaluatedCourse } from '../support/evaluation-factories.js';
import { auditActions, mailTo } from '../support/factories.js';
import { joinedMember } from '../support/provider-factories.js';
import { api, get, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const START = '2026-11-28T15:00:00Z';

describe.each(testBackends())('course reminders on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterEach(() => t.clock.set(START));
  afterAll(() => t.close());

  const ctx = () => systemCtx(t.services, 'test:sweeps');
  const at = (day: string) => t.clock.set(`${day}T15:00:00Z`);
  const mails = async (email: string, template: string) =>
    (await mailTo(t, email)).filter((m) => m.template === template);

  it('chases an overdue evaluation the day after it was due, not twice a day, then again a week later', async () => {
    const course = await evaluatedCourse(t, staff, { evaluated: false });
    const due = (
      await t.services.db
        .select()
        .from(courseEvaluations)
        .where(eq(courseEvaluations.applicationId, course.id))
    )[0]!.dueOn;
    expect(due).toBe('2026-12-19');
    at('2026-12-19');
    await remindOverdueCourseEvaluations(ctx());
    expect(await mails(course.a.user.email, 'course-evaluation-overdue')).toHaveLength(0);

    at('2026-12-20');
    await remindOverdueCourseEvaluations(ctx());
    await remindOverdueCourseEvaluations(ctx());
    for (const who of [course.a, course.b]) {
      const sent = await mails(who.user.email, 'course-evaluation-overdue');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toContain('was due on 19 December 2026');
      expect(sent[0]!.text).toContain(`/evaluations/${course.id}`);
    }
    const staffNow = (await staffMember(t)).session;
    const list = (
      await api(t, 'GET', '/api/v1/staff/course-applications?status=in_evaluation', { session: staffNow })
    ).json();
    expect(list.items.find((i: { id: string }) => i.id === course.id).overdueEvaluations).toBe(2);
    expect((await get(t, '/staff/course-applications', staffNow)).body).toContain('2 evaluations overdue');
    const page = await get(t, `/staff/course-applications/${course.id}`, staffNow);
    expect(page.body).toContain('Overdue: reminded on 20 December 2026');

    // One evaluator submits late; only the other is chased a week on.
    await evaluate(t, await freshSession(t, course.a.session), course.id);
    at('2026-12-26');
    await remindOverdueCourseEvaluations(ctx());
    expect(await mails(course.b.user.email, 'course-evaluation-overdue')).toHaveLength(1);
    at('2026-12-27');
    await remindOverdueCourseEvaluations(ctx());
    await remindOverdueCourseEvaluations(ctx());
    expect(await mails(course.a.user.email, 'course-evaluation-overdue')).toHaveLength(1);
    expect(await mails(course.b.user.email, 'course-evaluation-overdue')).toHaveLength(2);
    expect(await auditActions(t, 'course_application', course.id)).toContain(
      'course_evaluation.overdue_reminded',
    );
  });

  it('tells every member once, 90 days before the approval ends, and once when it lapses', async () => {
    const course = await approvedCourse(t, staff);
    const colleague = await joinedMember(t, course.provider.session, course.provider.providerId);
    at('2030-08-29');
    await remindCourseApprovals(ctx());
    expect(await mails(course.provider.session.email, 'course-approval-ending')).toHaveLength(0);

    at('2030-08-30');
    await remindCourseApprovals(ctx());
    await remindCourseApprovals(ctx());
    for (const who of [course.provider.session, colleague]) {
      const sent = await mails(who.email, 'course-approval-ending');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.subject).toMatch(/^Approval of CRS-2026-\d{6} ends on 28 November 2030$/);
      expect(sent[0]!.text).toContain(`/provider/courses/${course.id}`);
    }
    at('2030-11-28');
    await remindCourseApprovals(ctx());
    expect(await mails(colleague.email, 'course-approval-lapsed')).toHaveLength(0);
    at('2030-11-29');
    await remindCourseApprovals(ctx());
    at('2030-12-05');
    await remindCourseApprovals(ctx());
    const lapsed = await mails(colleague.email, 'course-approval-lapsed');
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]!.text).toContain('no longer listed in the catalog');
    expect(await mails(colleague.email, 'course-approval-ending')).toHaveLength(1);
    expect(await auditActions(t, 'course_application', course.id)).toEqual(
      expect.arrayContaining(['course.approval_ending_reminded', 'course.approval_lapsed_reminded']),
    );
  });

  it('sends one mail for a bundle, naming its courses; none while a renewal is open', async () => {
    const bundle = await approvedBundle(t, staff);
    const other = await approvedCourse(t, staff);
    at('2030-08-01');
    const renewal = await api(t, 'POST', `/api/v1/course-applications/${other.id}/renewal`, {
      session: await freshSession(t, other.provider.session),
    });
    expect(renewal.statusCode).toBe(201);
    at('2030-09-01');
    await remindCourseApprovals(ctx());
    const sent = await mails(bundle.provider.session.email, 'course-approval-ending');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`- ${bundle.number}-1 Library technology 1`);
    expect(sent[0]!.text).toContain(`- ${bundle.number}-2 Library technology 2`);
    expect(await mails(other.provider.session.email, 'course-approval-ending')).toHaveLength(0);
  });

  it('runs both sweeps from the sweep list, safely twice', async () => {
    expect(sweeps.map((s) => s.name)).toEqual(
      expect.arrayContaining(['course-evaluations-overdue', 'course-approvals-ending']),
    );
    at('2035-01-01');
    await runSweeps(ctx());
    const second = await runSweeps(ctx());
    expect(second['course-evaluations-overdue']).toEqual({ reminded: 0 });
    expect(second['course-approvals-ending']).toEqual({ ending: 0, lapsed: 0 });
  });
});
