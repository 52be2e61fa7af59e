import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseApprovalPeriods, courseBundles, courses } from '../../src/modules/courses/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  addPart,
  approvedBundle,
  completeBundle,
  partBody,
  startBundle,
  uploadFiles,
} from '../support/bundle-factories.js';
import { courseDetails, firstSet, mapEntry, startCourse } from '../support/course-factories.js';
import { courseEvaluator } from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { follow, providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const fieldsOf = (body: { errors?: Array<{ field: string; message: string }> }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

describe.each(testBackends())('bundles of courses on %s', (backend) => {
  let t: TestApp;
  let admin: TestSession;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = (await providerAdmin(t)).session;
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  const submit = (id: string) =>
    api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
  const putMap = (id: string, c: string, partId: string) =>
    api(t, 'PUT', `/api/v1/course-applications/${id}/map/${c}`, {
      session: admin,
      body: { ...mapEntry(c), partId },
    });

  it('refuses to submit a bundle until it has two courses, each competency names one, and each covers one', async () => {
    const { setId, competencyIds } = await firstSet(t);
    const badKind = await api(t, 'POST', '/api/v1/course-applications', {
      session: admin,
      body: { setId, kind: 'programme' },
    });
    expect(fieldsOf(badKind.json())).toEqual({ kind: 'Choose one course or a bundle of courses' });
    const id = await startBundle(t, admin);
    const empty = await submit(id);
    expect(empty.statusCode).toBe(422);
    expect(Object.keys(fieldsOf(empty.json()))).toEqual(['details', 'parts', 'map', 'syllabus', 'resume']);

    await api(t, 'PUT', `/api/v1/course-applications/${id}`, { session: admin, body: courseDetails() });
    const first = await addPart(t, admin, id, 1);
    for (const c of competencyIds) expect((await putMap(id, c, first)).statusCode).toBe(200);
    await uploadFiles(t, admin, id);
    expect(fieldsOf((await submit(id)).json())).toEqual({
      parts: 'Add at least 2 courses to the bundle (it has 1).',
    });

    const second = await addPart(t, admin, id, 2);
    expect(fieldsOf((await submit(id)).json())).toEqual({
      parts:
        '"Library technology 2" covers no competency, so it is not needed in the bundle: map a competency to it or remove it.',
    });
    const bogus = await putMap(id, competencyIds[0]!, '0190a0a0-0000-7000-8000-000000000000');
    expect(fieldsOf(bogus.json())).toEqual({ partId: 'Choose one of the courses in this bundle' });

    // Removing the course that covered everything leaves every competency without a course.
    const removed = await api(t, 'DELETE', `/api/v1/course-applications/${id}/parts/${first}`, {
      session: admin,
    });
    expect(removed.statusCode).toBe(204);
    const detail = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json();
    expect(detail.parts).toEqual([expect.objectContaining({ id: second, position: 1 })]);
    expect(detail.competencyMap.every((e: { partId: string | null }) => e.partId === null)).toBe(true);
    expect(fieldsOf((await submit(id)).json()).map).toBe(
      `Say which course of the bundle covers each competency. Missing: ${detail.competencyMap
        .map((e: { competencyId: string; topic: string }) => `${e.competencyId} ${e.topic}`)
        .join('; ')}.`,
    );
    const again = await addPart(t, admin, id, 3);
    for (const [i, c] of competencyIds.entries()) await putMap(id, c, i === 0 ? again : second);
    const ok = await submit(id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'bundle', status: 'submitted' });
  });

  it('validates a course of the bundle and keeps a single course from naming one', async () => {
    const id = await startBundle(t, admin);
    const cases: Array<[string, unknown]> = [
      ['title', ''],
      ['description', ' '],
      ['contactHours', 0],
      ['contactHours', 'lots'],
      ['contactHours', 1.234],
    ];
    for (const [field, value] of cases) {
      const res = await api(t, 'POST', `/api/v1/course-applications/${id}/parts`, {
        session: admin,
        body: partBody(1, { [field]: value }),
      });
      expect(res.statusCode, `${field}=${String(value)}`).toBe(400);
      expect(Object.keys(fieldsOf(res.json()))).toEqual([field]);
    }
    const single = await startCourse(t, admin);
    const noParts = await api(t, 'POST', `/api/v1/course-applications/${single}/parts`, {
      session: admin,
      body: partBody(1),
    });
    expect(noParts.statusCode).toBe(409);
    const { competencyIds } = await firstSet(t);
    const named = await api(t, 'PUT', `/api/v1/course-applications/${single}/map/${competencyIds[0]}`, {
      session: admin,
      body: { ...mapEntry(competencyIds[0]!), partId: id },
    });
    expect(fieldsOf(named.json())).toEqual({
      partId: 'Only a bundle names the course that covers a competency',
    });
  });

  it('lists, adds, changes and removes courses through the pages', async () => {
    const { setId, competencyIds } = await firstSet(t);
    const started = await postForm(t, '/provider/courses/new', { setId, kind: 'bundle' }, admin);
    const id = /\/provider\/courses\/([0-9a-f-]{36})$/.exec(started.headers.location as string)![1]!;
    const overview = await follow(t, started, admin);
    expect(overview.body).toContain('New bundle application');
    expect(overview.body).toContain('Courses in this bundle');

    const details = await postForm(
      t,
      `/provider/courses/${id}/details`,
      {
        ...Object.fromEntries(Object.entries(courseDetails()).map(([k, v]) => [k, String(v)])),
        synchronous: 'yes',
        cost: '0',
      },
      admin,
    );
    expect(details.headers.location).toBe(`/provider/courses/${id}/parts`);
    const emptyList = await get(t, `/provider/courses/${id}/parts`, admin);
    expect(emptyList.body).toContain('No courses added yet.');

    const bad = await postForm(
      t,
      `/provider/courses/${id}/parts`,
      { title: 'Kept', description: '', contactHours: '' },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<title>Error: ');
    expect(bad.body).toContain('Enter a description of this course');
    expect(bad.body).toContain('Enter the contact hours as a number');
    expect(bad.body).toContain('value="Kept"');
    for (const n of [1, 2, 3]) {
      const res = await postForm(
        t,
        `/provider/courses/${id}/parts`,
        { ...partBody(n), contactHours: '10' },
        admin,
      );
      expect(res.statusCode).toBe(303);
    }
    const parts = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json().parts;
    expect(parts.map((p: { position: number }) => p.position)).toEqual([1, 2, 3]);

    const edit = await get(t, `/provider/courses/${id}/parts/${parts[1].id}`, admin);
    expect(edit.body).toContain('Change course 2 of the bundle');
    const saved = await postForm(
      t,
      `/provider/courses/${id}/parts/${parts[1].id}`,
      { title: 'Networks and privacy', description: 'Renamed.', contactHours: '14.5' },
      admin,
    );
    expect(saved.headers.location).toBe(`/provider/courses/${id}/parts`);
    const removed = await postForm(t, `/provider/courses/${id}/parts/${parts[0].id}/remove`, {}, admin);
    expect(removed.statusCode).toBe(303);
    const after = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json().parts;
    expect(after.map((p: { title: string; position: number }) => [p.position, p.title])).toEqual([
      [1, 'Networks and privacy'],
      [2, 'Library technology 3'],
    ]);

    const mapPage = await get(t, `/provider/courses/${id}/map/${competencyIds[0]}`, admin);
    expect(mapPage.body).toContain('Course of the bundle that covers it');
    expect(mapPage.body).toContain('1. Networks and privacy');
    const mapped = await postForm(
      t,
      `/provider/courses/${id}/map/${competencyIds[0]}`,
      { ...mapEntry(competencyIds[0]!), partId: after[0].id },
      admin,
    );
    expect(mapped.statusCode).toBe(303);
    const noCsrf = await postForm(t, `/provider/courses/${id}/parts`, { title: 'No token' }, admin, {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await auditActions(t, 'course_application', id)).toEqual(
      expect.arrayContaining([
        'course_application.part_added',
        'course_application.part_saved',
        'course_application.part_removed',
      ]),
    );
  });

  it('approval creates the bundle and one catalog course per part, numbered -1 and -2', async () => {
    const bundle = await approvedBundle(t, staff);
    const [row] = await t.services.db
      .select()
      .from(courseBundles)
      .where(eq(courseBundles.applicationId, bundle.id));
    expect(row).toMatchObject({ number: bundle.number, title: 'Technology bundle' });
    const made = await t.services.db
      .select()
      .from(courses)
      .where(eq(courses.bundleId, row!.id))
      .orderBy(asc(courses.number));
    expect(made.map((c) => [c.number, c.title, c.contactHours])).toEqual([
      [`${bundle.number}-1`, 'Library technology 1', 12],
      [`${bundle.number}-2`, 'Library technology 2', 12],
    ]);
    expect(made.every((c) => c.approvalEndsOn === '2030-11-28' && c.delivery === 'both')).toBe(true);
    for (const c of made) {
      const periods = await t.services.db
        .select()
        .from(courseApprovalPeriods)
        .where(eq(courseApprovalPeriods.courseId, c.id));
      expect(periods).toEqual([
        { courseId: c.id, applicationId: bundle.id, startsOn: '2026-11-28', endsOn: '2030-11-28' },
      ]);
    }
    const page = await get(t, `/provider/courses/${bundle.id}`, bundle.provider.session);
    expect(page.body).toContain(`${bundle.number}-2 Library technology 2`);
    expect(page.body).toContain('28 November 2026 to 28 November 2030');
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('shows staff and evaluators the courses and which one covers each competency', async () => {
    const provider = await providerAdmin(t);
    const id = await startBundle(t, provider.session);
    const parts = await completeBundle(t, provider.session, id);
    await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: provider.session });
    const page = await get(t, `/staff/course-applications/${id}`, staff);
    expect(page.body).toContain('Courses in this bundle');
    expect(page.body).toContain('Course of the bundle');
    expect(page.body).toContain('2. Library technology 2');
    const view = (await api(t, 'GET', `/api/v1/staff/course-applications/${id}`, { session: staff })).json();
    expect(view.kind).toBe('bundle');
    expect(view.competencyMap[0].partId).toBe(parts[1]);
    expect(view.parts).toHaveLength(2);
    const evaluator = await courseEvaluator(t);
    expect((await get(t, `/evaluations/${id}`, evaluator.session)).statusCode).toBe(404);
  });

  it("gives another provider, staff and anonymous people no way to change a bundle's courses", async () => {
    const id = await startBundle(t, admin);
    const part = await addPart(t, admin, id, 1);
    const other = (await providerAdmin(t)).session;
    for (const session of [other, staff]) {
      expect(
        (await api(t, 'POST', `/api/v1/course-applications/${id}/parts`, { session, body: partBody(2) }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await api(t, 'PUT', `/api/v1/course-applications/${id}/parts/${part}`, {
            session,
            body: partBody(2),
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await api(t, 'DELETE', `/api/v1/course-applications/${id}/parts/${part}`, { session })).statusCode,
      ).toBe(404);
      expect(
        (await postForm(t, `/provider/courses/${id}/parts/${part}/remove`, {}, session)).statusCode,
      ).toBe(404);
    }
    // Without a session there is no CSRF token either: the write is refused before it is read.
    expect(
      (await api(t, 'POST', `/api/v1/course-applications/${id}/parts`, { body: partBody(2) })).statusCode,
    ).toBe(403);
    expect((await api(t, 'GET', `/api/v1/course-applications/${id}`)).statusCode).toBe(401);
    expect((await get(t, `/provider/courses/${id}/parts`, other)).statusCode).toBe(404);
    const anonymous = await get(t, `/provider/courses/${id}/parts`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toMatch(/sign-in/);
    const missing = await api(t, 'PUT', `/api/v1/course-applications/${id}/parts/not-a-part`, {
      session: admin,
      body: partBody(2),
    });
    expect(missing.statusCode).toBe(404);
  });
});
