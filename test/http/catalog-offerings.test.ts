import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCourseByNumber,
  listCoursesOfApplication,
} from '../../src/modules/courses/approved-course-repository.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { fieldError, hasErrorSummary } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { approvedCourse } from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { follow, joinedMember, providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, sessionFor, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const session = (overrides: Record<string, unknown> = {}) => ({
  startsOn: '2027-03-01',
  endsOn: '2027-04-26',
  online: false,
  city: 'Springfield',
  state: 'IL',
  notes: 'Tuesday evenings at the main library',
  ...overrides,
});

describe.each(testBackends())('sessions (offerings) of approved courses on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let admin: TestSession;
  let courseId: string;
  let number: string;
  let approvalEndsOn: string;
  const offerings = () => `/api/v1/courses/${courseId}/offerings`;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
    const approved = await approvedCourse(t, staff);
    admin = approved.provider.session;
    const [course] = await listCoursesOfApplication(t.services.db, approved.id);
    number = course!.number;
    courseId = course!.id;
    approvalEndsOn = course!.approvalEndsOn;
  });
  afterAll(() => t.close());

  it('lets a member add, list, change and delete sessions through the API, each audited', async () => {
    const added = await api(t, 'POST', offerings(), { session: admin, body: session() });
    expect(added.statusCode, added.body).toBe(201);
    const offering = added.json();
    expect(offering).toMatchObject({ courseId, startsOn: '2027-03-01', city: 'Springfield', state: 'IL' });

    const online = await api(t, 'POST', offerings(), {
      session: admin,
      body: session({
        startsOn: '2027-01-10',
        endsOn: '2027-01-10',
        online: true,
        city: 'Ignored',
        state: 'WI',
      }),
    });
    expect(online.statusCode, online.body).toBe(201);
    expect(online.json()).toMatchObject({ online: true, city: null, state: null });

    const list = await api(t, 'GET', offerings(), { session: admin });
    expect(list.json().items.map((o: { startsOn: string }) => o.startsOn)).toEqual([
      '2027-01-10',
      '2027-03-01',
    ]);

    const changed = await api(t, 'PUT', `${offerings()}/${offering.id}`, {
      session: admin,
      body: session({ city: 'Peoria', notes: null }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ city: 'Peoria', notes: null });

    const removed = await api(t, 'DELETE', `${offerings()}/${online.json().id}`, { session: admin });
    expect(removed.statusCode).toBe(204);
    const again = await api(t, 'DELETE', `${offerings()}/${online.json().id}`, { session: admin });
    expect(again.statusCode).toBe(404);

    expect(await auditActions(t, 'course_offering', offering.id)).toEqual([
      'course_offering.added',
      'course_offering.changed',
    ]);
    expect(await auditActions(t, 'course_offering', online.json().id)).toEqual([
      'course_offering.added',
      'course_offering.removed',
    ]);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('checks every field and the dates against today and the approval', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await api(t, 'POST', offerings(), { session: admin, body });
      expect(res.statusCode, res.body).toBe(400);
      return Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
    };
    expect(await bad(session({ startsOn: '2027-02-30', endsOn: 'soon' }))).toMatchObject({
      startsOn: expect.stringContaining('real date'),
      endsOn: expect.stringContaining('real date'),
    });
    expect(await bad(session({ online: 'maybe' }))).toHaveProperty('online');
    expect(await bad(session({ city: '', state: '' }))).toMatchObject({
      city: 'Enter the town or city',
      state: 'Choose the state',
    });
    expect(await bad(session({ state: 'ZZ' }))).toMatchObject({ state: 'Choose a state from the list' });
    expect(await bad(session({ notes: 'x'.repeat(1001) }))).toMatchObject({
      notes: 'Use 1000 characters or fewer',
    });
    expect(await bad(session({ startsOn: '2027-03-01', endsOn: '2027-02-28' }))).toMatchObject({
      endsOn: 'The last day must be the same as the first day or after it',
    });
    // Today is 2026-11-28.
    expect(await bad(session({ startsOn: '2026-11-01', endsOn: '2026-11-27' }))).toMatchObject({
      endsOn: expect.stringContaining('already ended'),
    });
    expect(await bad(session({ startsOn: '2028-11-29', endsOn: '2028-12-01' }))).toMatchObject({
      startsOn: expect.stringContaining('up to two years ahead'),
    });
    expect(await bad(session({ startsOn: '2027-01-01', endsOn: '2028-06-01' }))).toMatchObject({
      endsOn: expect.stringContaining('at most a year'),
    });
    // A session running today is fine.
    const running = await api(t, 'POST', offerings(), {
      session: admin,
      body: session({ startsOn: '2026-11-01', endsOn: '2026-11-28' }),
    });
    expect(running.statusCode, running.body).toBe(201);
    await api(t, 'DELETE', `${offerings()}/${running.json().id}`, { session: admin });
  });

  it('works without JavaScript: list page, course page, add with errors kept, change and delete', async () => {
    const list = await get(t, '/provider/approved-courses', admin);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/provider/approved-courses/${courseId}`);
    expect(list.body).toContain(number);

    const page = await get(t, `/provider/approved-courses/${courseId}`, admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Foundations of Library Service</h1>');
    expect(page.body).toContain('Add a session');

    const wrong = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings`,
      { startsOn: '2027-05-03', endsOn: '2027-05-01', online: 'no', city: 'Urbana', state: '' },
      admin,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<title>Error: ');
    expect(hasErrorSummary(wrong.body)).toBe(true);
    expect(fieldError(wrong.body, 'endsOn')).toContain('after it');
    expect(fieldError(wrong.body, 'state')).toBe('Choose the state');
    expect(wrong.body).toContain('value="Urbana"');
    const noChoice = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings`,
      { startsOn: '2027-05-03', endsOn: '2027-05-04' },
      admin,
    );
    expect(fieldError(noChoice.body, 'online')).toBe('Say whether the session is online or in person');

    const ok = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings`,
      { startsOn: '2027-05-03', endsOn: '2027-05-04', online: 'no', city: 'Urbana', state: 'IL', notes: '' },
      admin,
    );
    const after = await follow(t, ok, admin);
    expect(after.body).toContain('The session of 3 May 2027 to 4 May 2027 is added.');
    expect(after.body).toContain('Urbana, Illinois');

    const id = (await api(t, 'GET', offerings(), { session: admin }))
      .json()
      .items.find((o: { city: string | null }) => o.city === 'Urbana').id;
    const edit = await get(t, `/provider/approved-courses/${courseId}/offerings/${id}/edit`, admin);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="2027-05-03"');
    const saved = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings/${id}/edit`,
      { startsOn: '2027-05-03', endsOn: '2027-05-05', online: 'yes', city: '', state: '', notes: 'Zoom' },
      admin,
    );
    expect((await follow(t, saved, admin)).body).toContain('The session is saved.');
    const badEdit = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings/${id}/edit`,
      { startsOn: 'tomorrow', endsOn: '2027-05-05', online: 'yes' },
      admin,
    );
    expect(badEdit.statusCode).toBe(400);
    expect(fieldError(badEdit.body, 'startsOn')).toContain('real date');

    const noCsrf = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings/${id}/delete`,
      {},
      admin,
      {
        csrf: false,
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    const deleted = await postForm(
      t,
      `/provider/approved-courses/${courseId}/offerings/${id}/delete`,
      {},
      admin,
    );
    expect((await follow(t, deleted, admin)).body).toContain(
      'The session of 3 May 2027 to 5 May 2027 is deleted.',
    );
  });

  it('lets every member of the provider manage sessions, and nobody else', async () => {
    const colleague = await joinedMember(
      t,
      admin,
      (await findCourseByNumber(t.services.db, number))!.providerId,
    );
    expect((await api(t, 'POST', offerings(), { session: colleague, body: session() })).statusCode).toBe(201);

    const stranger = (await providerAdmin(t, { name: 'Stranger Library' })).session;
    for (const res of [
      await api(t, 'GET', offerings(), { session: stranger }),
      await api(t, 'POST', offerings(), { session: stranger, body: session() }),
      await get(t, `/provider/approved-courses/${courseId}`, stranger),
      await api(t, 'GET', '/api/v1/courses/not-a-uuid/offerings', { session: admin }),
    ])
      expect(res.statusCode).toBe(404);
    const strangerList = await get(t, '/provider/approved-courses', stranger);
    expect(strangerList.body).toContain('no approved courses yet');

    const candidate = await signedInAs(t, ['candidate']);
    expect((await api(t, 'GET', offerings(), { session: candidate })).statusCode).toBe(403);
    expect((await get(t, '/provider/approved-courses', candidate)).statusCode).toBe(403);
    expect((await api(t, 'GET', offerings(), { session: staff })).statusCode).toBe(403);

    expect((await api(t, 'GET', offerings())).statusCode).toBe(401);
    const anonymous = await get(t, '/provider/approved-courses');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in?next=');
    expect(
      (await api(t, 'POST', offerings(), { session: { ...admin, csrf: 'wrong' }, body: session() }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses sessions for a course whose approval has lapsed, and marks it on the list', async () => {
    const existing = await api(t, 'POST', offerings(), {
      session: admin,
      body: session({ startsOn: '2027-06-01', endsOn: '2027-06-02' }),
    });
    expect(existing.statusCode).toBe(201);
    t.clock.set(`${approvalEndsOn}T12:00:00Z`);
    t.clock.advance(24 * 60 * 60 * 1000);
    // Sessions expire: sign in again on the later day.
    const later = await sessionFor(t, admin.userId, admin.email);
    try {
      const refused = await api(t, 'POST', offerings(), {
        session: later,
        body: session({ startsOn: '2031-01-10', endsOn: '2031-01-11' }),
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('cannot take new sessions');
      const page = await postForm(
        t,
        `/provider/approved-courses/${courseId}/offerings`,
        { startsOn: '2031-01-10', endsOn: '2031-01-11', online: 'yes' },
        later,
      );
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('cannot take new sessions');
      const list = await get(t, '/provider/approved-courses', later);
      expect(list.body).toContain('Lapsed');
      // Old sessions can still be cleaned up.
      const removed = await api(t, 'DELETE', `${offerings()}/${existing.json().id}`, { session: later });
      expect(removed.statusCode).toBe(204);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('refuses a session starting after the approval ends', async () => {
    t.clock.set(`${approvalEndsOn}T12:00:00Z`);
    t.clock.advance(-300 * 24 * 60 * 60 * 1000);
    const later = await sessionFor(t, admin.userId, admin.email);
    try {
      const res = await api(t, 'POST', offerings(), {
        session: later,
        body: session({ startsOn: '2031-01-10', endsOn: '2031-01-11' }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'startsOn' });
      expect(res.json().errors[0].message).toContain('approved until');
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });
});
