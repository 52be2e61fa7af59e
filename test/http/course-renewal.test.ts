import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { courseApprovalPeriods, courses } from '../../src/modules/courses/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  approvedBundle,
  freshSession,
  partBody,
  submitAndApprove,
  uploadFiles,
} from '../support/bundle-factories.js';
import { courseDetails, courseFees } from '../support/course-factories.js';
import { approvedCourse } from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { follow, providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { activatePolicy, mailOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const START = '2026-11-28T15:00:00Z';

describe.each(testBackends())('renewing course approval on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
    // A renewal fee that differs from the approval fee, to show which one a renewal pays.
    await activatePolicy(t, (p) => {
      p.fees.courseApprovalRenewal = { memberCents: 7500, nonMemberCents: 7500 };
    });
  });
  afterEach(() => t.clock.set(START));
  afterAll(() => t.close());

  /** Move to a day and return fresh sessions for the provider and a staff member (sessions expire). */
  async function on(day: string, provider: TestSession) {
    t.clock.set(`${day}T15:00:00Z`);
    return { provider: await freshSession(t, provider), staff: (await staffMember(t)).session };
  }
  const renew = (session: TestSession, id: string) =>
    api(t, 'POST', `/api/v1/course-applications/${id}/renewal`, { session });
  const courseRows = (applicationId: string) =>
    t.services.db
      .select()
      .from(courses)
      .where(eq(courses.applicationId, applicationId))
      .orderBy(asc(courses.number));
  const periodsOf = (courseId: string) =>
    t.services.db
      .select({ startsOn: courseApprovalPeriods.startsOn, endsOn: courseApprovalPeriods.endsOn })
      .from(courseApprovalPeriods)
      .where(eq(courseApprovalPeriods.courseId, courseId))
      .orderBy(asc(courseApprovalPeriods.startsOn));

  it('offers renewal six months before the end; prefills a draft; charges the renewal fee; extends the same course', async () => {
    const course = await approvedCourse(t, staff);
    const early = await renew(course.provider.session, course.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      'You can apply to renew from 28 May 2030, six months before the approval ends on 28 November 2030.',
    );
    const before = (
      await api(t, 'GET', `/api/v1/course-applications/${course.id}`, { session: course.provider.session })
    ).json();
    expect(before.approval).toMatchObject({
      endsOn: '2030-11-28',
      state: 'current',
      canRenew: false,
      renewalOpensOn: '2030-05-28',
    });

    const s = await on('2030-06-02', course.provider.session);
    const overview = await get(t, `/provider/courses/${course.id}`, s.provider);
    expect(overview.body).toContain('Apply to renew');
    expect(overview.body).toContain('Ends soon');
    const started = await renew(s.provider, course.id);
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'course',
      renewsApplicationId: course.id,
      setId: before.setId,
      title: before.title,
      contactHours: before.contactHours,
      files: [],
    });
    expect(draft.competencyMap.map((e: { content: string }) => e.content)).toEqual(
      before.competencyMap.map((e: { content: string }) => e.content),
    );
    expect(draft.missing.map((m: { step: string }) => m.step)).toEqual(['syllabus', 'resume']);
    // Only one open renewal: a second request, from either application, is refused.
    expect((await renew(s.provider, course.id)).json().detail).toMatch(/already in progress/);
    expect((await renew(s.provider, draft.id)).statusCode).toBe(409);
    const renewalPage = await get(t, `/provider/courses/${draft.id}`, s.provider);
    expect(renewalPage.body).toContain('This application renews the approval of');
    expect(renewalPage.body).toContain('upload the current syllabus');

    await api(t, 'PUT', `/api/v1/course-applications/${draft.id}`, {
      session: s.provider,
      body: courseDetails({ title: 'Foundations of Library Service, 2031 edition' }),
    });
    await uploadFiles(t, s.provider, draft.id);
    const check = await get(t, `/provider/courses/${draft.id}/check`, s.provider);
    expect(check.body).toContain('Submitting charges the course approval renewal fee of $75.00.');
    const decision = await submitAndApprove(t, s.staff, s.provider, draft.id);
    expect(decision).toMatchObject({
      status: 'approved',
      approvedOn: '2030-06-02',
      approvalEndsOn: '2034-11-29',
    });
    const fees = await courseFees(t, draft.id);
    expect(fees.map((f) => f.kind)).toEqual(['course_approval_renewal']);
    const staffView = (
      await api(t, 'GET', `/api/v1/staff/course-applications/${draft.id}`, { session: s.staff })
    ).json();
    expect(staffView.fee).toMatchObject({ amount: { amountCents: 7500 }, settled: true });
    expect((await mailOf(t, s.provider.email, 'course-application-received'))?.text).toContain(
      'The course approval renewal fee is $75.00.',
    );

    const [row, ...others] = await courseRows(course.id);
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({
      number: before.number,
      title: 'Foundations of Library Service, 2031 edition',
      firstApprovedOn: '2026-11-28',
      approvalEndsOn: '2034-11-29',
    });
    expect(await periodsOf(row!.id)).toEqual([
      { startsOn: '2026-11-28', endsOn: '2030-11-28' },
      { startsOn: '2030-11-29', endsOn: '2034-11-29' },
    ]);
    const mail = await mailOf(t, s.provider.email, 'course-application-decided');
    expect(mail?.subject).toContain('renewal approved until 29 November 2034');
    const after = await get(t, `/provider/courses/${course.id}`, s.provider);
    expect(after.body).toContain('29 November 2030 to 29 November 2034');
    expect(after.body).toContain('You can apply to renew from 29 May 2034.');
    expect(await auditActions(t, 'course_application', draft.id)).toEqual(
      expect.arrayContaining(['course_application.renewal_started', 'course_application.approved']),
    );
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('renews a lapsed course from the day of the decision, leaving the lapse as a gap', async () => {
    const course = await approvedCourse(t, staff);
    const s = await on('2031-03-02', course.provider.session);
    const list = await get(t, '/provider/courses', s.provider);
    expect(list.body).toContain('Lapsed');
    const overview = await get(t, `/provider/courses/${course.id}`, s.provider);
    expect(overview.body).toContain('The approval ended on 28 November 2030');
    // Through the page: the button starts the renewal; a second click goes back with a message.
    const started = await postForm(t, `/provider/courses/${course.id}/renew`, {}, s.provider);
    const renewalPage = await follow(t, started, s.provider);
    expect(renewalPage.body).toContain('Renewal started from the approved application.');
    const renewalId = (started.headers.location as string).split('/').pop()!;
    const twice = await postForm(t, `/provider/courses/${course.id}/renew`, {}, s.provider);
    expect(twice.headers.location).toBe(`/provider/courses/${course.id}`);
    expect((await follow(t, twice, s.provider)).body).toContain('is already in progress');
    expect(
      (await postForm(t, `/provider/courses/${course.id}/renew`, {}, s.provider, { csrf: false })).statusCode,
    ).toBe(403);

    await uploadFiles(t, s.provider, renewalId);
    t.clock.set('2031-03-10T15:00:00Z');
    const decision = await submitAndApprove(
      t,
      (await staffMember(t)).session,
      await freshSession(t, s.provider),
      renewalId,
    );
    expect(decision.approvalEndsOn).toBe('2035-03-10');
    const [row] = await courseRows(course.id);
    expect(await periodsOf(row!.id)).toEqual([
      { startsOn: '2026-11-28', endsOn: '2030-11-28' },
      { startsOn: '2031-03-10', endsOn: '2035-03-10' },
    ]);
    expect(row!.approvalEndsOn).toBe('2035-03-10');
  });

  it('renews a bundle with its courses: details can change, courses cannot be added or removed', async () => {
    const bundle = await approvedBundle(t, staff);
    const s = await on('2030-10-01', bundle.provider.session);
    const draft = (await renew(s.provider, bundle.id)).json();
    expect(draft.kind).toBe('bundle');
    expect(draft.parts.map((p: { title: string }) => p.title)).toEqual([
      'Library technology 1',
      'Library technology 2',
    ]);
    const partIds = new Set(draft.parts.map((p: { id: string }) => p.id));
    expect(draft.competencyMap.every((e: { partId: string }) => partIds.has(e.partId))).toBe(true);
    const base = `/api/v1/course-applications/${draft.id}/parts`;
    expect((await api(t, 'POST', base, { session: s.provider, body: partBody(3) })).statusCode).toBe(409);
    expect((await api(t, 'DELETE', `${base}/${draft.parts[0].id}`, { session: s.provider })).statusCode).toBe(
      409,
    );
    const changed = await api(t, 'PUT', `${base}/${draft.parts[1].id}`, {
      session: s.provider,
      body: partBody(2, { title: 'Privacy and security', contactHours: 16 }),
    });
    expect(changed.statusCode).toBe(200);
    await uploadFiles(t, s.provider, draft.id);
    await submitAndApprove(t, s.staff, s.provider, draft.id);
    const rows = await courseRows(bundle.id);
    expect(rows.map((c) => [c.number, c.title, c.contactHours, c.approvalEndsOn])).toEqual([
      [`${bundle.number}-1`, 'Library technology 1', 12, '2034-11-29'],
      [`${bundle.number}-2`, 'Privacy and security', 16, '2034-11-29'],
    ]);
  });

  it('lets only members of the provider apply to renew', async () => {
    const course = await approvedCourse(t, staff);
    const s = await on('2030-07-01', course.provider.session);
    const other = (await providerAdmin(t)).session;
    expect((await renew(other, course.id)).statusCode).toBe(404);
    expect((await renew(s.staff, course.id)).statusCode).toBe(404);
    expect((await postForm(t, `/provider/courses/${course.id}/renew`, {}, other)).statusCode).toBe(404);
    expect(
      (await api(t, 'POST', `/api/v1/course-applications/not-an-id/renewal`, { session: s.provider }))
        .statusCode,
    ).toBe(404);
    const staffView = (
      await api(t, 'GET', `/api/v1/course-applications/${course.id}`, { session: s.staff })
    ).json();
    expect(staffView.approval.canRenew).toBe(false);
    const draft = (
      await api(t, 'POST', '/api/v1/course-applications', {
        session: s.provider,
        body: { setId: staffView.setId },
      })
    ).json();
    expect((await renew(s.provider, draft.id)).json().detail).toBe(
      'Only an approved course can be renewed. This application is not approved.',
    );
  });
});
