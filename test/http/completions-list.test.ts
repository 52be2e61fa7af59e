import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { api, get, signedInAs } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  approvedCourseWithNumber,
  type Course,
  candidateWith,
  claimed,
  decide,
  myCompletions,
  type Staff,
} from './claim-support.js';

describe.each(testBackends())('the candidate’s course completions on %s', (backend) => {
  let t: TestApp;
  let staff: Staff;
  let course: Course;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    course = await approvedCourseWithNumber(t, staff);
  });
  afterAll(() => t.close());

  it('has an empty state, and explains that reporting waits for a submitted application', async () => {
    const newcomer = await signedInAs(t, ['candidate']);
    const page = await get(t, '/completions', newcomer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Your course completions</h1>');
    expect(page.body).toContain('You have no course completions yet.');
    expect(page.body).toContain('No competency set is achieved by a course yet.');
    expect(page.body).toContain('once you have submitted your application');
    expect(page.body).not.toContain('href="/completions/claim"');
    expect(page.body).toContain('href="/dashboard"');
    expect((await myCompletions(t, newcomer)).canClaim).toBe(false);
    expect((await get(t, '/dashboard', newcomer)).body).not.toContain('Report a course you completed');
  });

  it('links the form from the dashboard and the header once the application is submitted', async () => {
    const robin = await candidateWith(t, staff, 'awaiting_check');
    const dashboard = await get(t, '/dashboard', robin.session);
    expect(dashboard.body).toContain('<a href="/completions/claim">Report a course you completed</a>');
    expect(dashboard.body).toContain('<a href="/completions">Courses</a>');
    const page = await get(t, '/completions', robin.session);
    expect(page.body).toContain('href="/completions/claim"');
    expect(page.body).toContain('Sets are credited once you are admitted');
    expect((await myCompletions(t, robin.session)).canClaim).toBe(true);
    // A provider member who is also a candidate sees both links under distinct names.
    const provider = await get(t, '/provider/claims', course.provider.session);
    expect(provider.body).toContain('<a href="/completions">Completed courses</a>');
    expect(provider.body).toContain('<a href="/provider/claims">Claims</a>');
  });

  it('lists each completion with its course, provider, date, status and whether it counts', async () => {
    const kim = await candidateWith(t, staff, 'admitted');
    const pending = await claimed(t, kim, course, '2026-11-02');
    const counted = await claimed(t, kim, course, '2026-11-01');
    const rejected = await claimed(t, kim, course, '2026-10-01');
    expect((await decide(t, course.provider.session, counted, 'confirm')).statusCode).toBe(200);
    expect((await decide(t, course.provider.session, rejected, 'reject', 'Wrong course.')).statusCode).toBe(
      200,
    );

    const mine = await myCompletions(t, kim.session);
    expect(mine.items.map((c) => [c.id, c.status])).toEqual([
      [pending, 'pending'],
      [counted, 'confirmed'],
      [rejected, 'rejected'],
    ]);
    const page = await get(t, '/completions', kim.session);
    expect(page.statusCode).toBe(200);
    for (const text of [
      course.number,
      'Foundations of Library Service',
      'Prairie Library Cooperative',
      '2 November 2026',
      'Waiting for confirmation',
      'Decided when it is confirmed',
      'Counts toward certification',
      'Reason: Wrong course.',
      'Withdraw<span class="visually-hidden"> the report of',
    ])
      expect(page.body).toContain(text);
    // Only the pending claim can be withdrawn.
    expect(page.body.match(/\/withdraw"/g)).toHaveLength(1);
    expect(page.body).toContain(`/completions/claims/${pending}/withdraw`);
    expect(mine.setsAchieved[0]).toMatchObject({ achievedOn: '2026-11-01', reference: course.number });
  });

  it('is only for candidates', async () => {
    expect((await get(t, '/completions', staff.session)).statusCode).toBe(403);
    const anonymous = await get(t, '/completions');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', '/api/v1/completions', { session: staff.session })).statusCode).toBe(403);
  });
});
