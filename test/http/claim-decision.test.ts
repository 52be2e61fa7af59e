import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitApplication } from '../../src/modules/applications/use-cases/admit-application.js';
import { fieldError } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { follow, invite, joinedMember } from '../support/provider-factories.js';
import { api, get, postForm } from '../support/sessions.js';
import { mailOf, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  approvedCourseWithNumber,
  type Course,
  candidateWith,
  claimed,
  dashboardSays,
  decide,
  myCompletions,
  type Staff,
} from './claim-support.js';

describe.each(testBackends())('deciding completion claims on %s', (backend) => {
  let t: TestApp;
  let staff: Staff;
  let course: Course;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    course = await approvedCourseWithNumber(t, staff);
  });
  afterAll(() => t.close());

  it('the provider confirms a claim: the admitted candidate achieves the set, sees it, and is told', async () => {
    const robin = await candidateWith(t, staff, 'admitted');
    const id = await claimed(t, robin, course, '2026-11-20');
    // Another member of the provider sees the claim in the list and opens it.
    const member = await joinedMember(t, course.provider.session, course.provider.providerId);
    const list = await get(t, '/provider/claims', member);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(robin.user.displayName);
    expect(list.body).toContain(robin.number);
    expect(list.body).toContain(`/completion-claims/${id}/proof`);
    expect(list.body).toContain('Since today');
    const page = await get(t, `/provider/claims/${id}`, member);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Record the decision');

    const res = await postForm(t, `/provider/claims/${id}/decision`, { decision: 'confirm' }, member);
    const after = await follow(t, res, member);
    expect(after.body).toContain(`Claim confirmed: ${robin.user.displayName}, ${course.number}. It counts`);
    expect(after.body).toContain('No claims are waiting for you.');

    const mine = await myCompletions(t, robin.session);
    expect(mine.items[0]).toMatchObject({ id, status: 'confirmed', counts: true, notCountedReason: null });
    expect(mine.setsAchieved).toHaveLength(1);
    expect(mine.setsAchieved[0]).toMatchObject({ achievedOn: '2026-11-20', reference: course.number });
    expect(await dashboardSays(t, robin.session)).toContain('by an approved course');
    const completions = await get(t, '/completions', robin.session);
    expect(completions.body).toContain('Counts toward certification');
    expect(completions.body).toContain(mine.setsAchieved[0]!.title);

    const mail = await mailOf(t, robin.user.email, 'completion-claim-confirmed');
    expect(mail?.subject).toBe(`Course completion confirmed: ${course.number}`);
    expect(mail?.text).toContain('It counts toward your certification.');
    expect(mail?.text).toContain(`With it you achieved: ${mine.setsAchieved[0]!.title}.`);
    expect(await mailOf(t, robin.user.email, 'set-achieved-by-course')).toBeDefined();
    expect(await auditActions(t, 'course_completion', id)).toEqual([
      'completion_claim.submitted',
      'completion_claim.confirmed',
    ]);
    expect(await auditActions(t, 'candidate', robin.user.id)).toContain('set_achievement.recorded');
  });

  it('a claim confirmed before admission is credited when staff admit the candidate', async () => {
    const sam = await candidateWith(t, staff, 'in_review');
    const id = await claimed(t, sam, course, '2026-11-01');
    const res = await decide(t, course.provider.session, id, 'confirm');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', counts: true, setsAchieved: [] });
    expect((await mailOf(t, sam.user.email, 'completion-claim-confirmed'))?.text).toContain(
      'will be credited to you when you are admitted',
    );
    expect((await myCompletions(t, sam.session)).setsAchieved).toEqual([]);

    await admitApplication(staff.ctx, { applicationId: sam.applicationId });
    const sets = (await myCompletions(t, sam.session)).setsAchieved;
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ achievedOn: '2026-11-01', reference: course.number });
    expect(await dashboardSays(t, sam.session)).toContain('by an approved course');
  });

  it('a completion outside the retroactive window is confirmed but does not count, with the reason', async () => {
    const kim = await candidateWith(t, staff, 'admitted');
    // The course was approved on 28 November 2026; credit reaches back two years, to 28 November 2024.
    const id = await claimed(t, kim, course, '2024-06-01');
    expect((await decide(t, course.provider.session, id, 'confirm')).statusCode).toBe(200);
    const [c] = (await myCompletions(t, kim.session)).items;
    expect(c).toMatchObject({ status: 'confirmed', counts: false });
    expect(c!.notCountedReason).toContain('more than 2 years before the course was approved');
    expect((await myCompletions(t, kim.session)).setsAchieved).toEqual([]);
    const page = await get(t, '/completions', kim.session);
    expect(page.body).toContain('Does not count: Completed on 1 June 2024');
    const mail = await mailOf(t, kim.user.email, 'completion-claim-confirmed');
    expect(mail?.text).toContain('It does not count toward your certification: Completed on 1 June 2024');
  });

  it('rejects with a reason, which the candidate sees; a reason is required', async () => {
    const lee = await candidateWith(t, staff, 'admitted');
    const id = await claimed(t, lee, course, '2026-10-10');
    const noReason = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'reject' },
      course.provider.session,
    );
    expect(noReason.statusCode).toBe(400);
    expect(fieldError(noReason.body, 'reason')).toContain('Give the reason for rejecting the claim');
    const noChoice = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { reason: 'x' },
      course.provider.session,
    );
    expect(noChoice.statusCode).toBe(400);
    expect(fieldError(noChoice.body, 'decision')).toBe('Choose whether to confirm or reject the claim');
    expect((await decide(t, course.provider.session, id, 'reject')).statusCode).toBe(400);

    const res = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'reject', reason: 'Our roster has nobody of that name on that day.' },
      course.provider.session,
    );
    expect((await follow(t, res, course.provider.session)).body).toContain('Claim rejected');
    const [c] = (await myCompletions(t, lee.session)).items;
    expect(c).toMatchObject({
      status: 'rejected',
      decisionNote: 'Our roster has nobody of that name on that day.',
    });
    const page = await get(t, '/completions', lee.session);
    expect(page.body).toContain('Reason: Our roster has nobody of that name on that day.');
    const mail = await mailOf(t, lee.user.email, 'completion-claim-rejected');
    expect(mail?.text).toContain('The reason given: Our roster has nobody of that name on that day.');
    expect(await auditActions(t, 'course_completion', id)).toContain('completion_claim.rejected');
    // A rejected claim no longer blocks a new report of the same day.
    await claimed(t, lee, course, '2026-10-10');
  });

  it('staff see every waiting claim, how long it waited, filter by provider, and verify one', async () => {
    const ana = await candidateWith(t, staff, 'admitted');
    const id = await claimed(t, ana, course, '2026-11-02');
    t.clock.advance(3 * 86_400_000);
    try {
      // Staff sessions end after a day without use: sign in again.
      const session = await sessionOf(t, staff.user);
      const list = await get(t, '/staff/completion-claims', session);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(ana.user.displayName);
      expect(list.body).toContain('3 days');
      const filtered = await get(
        t,
        `/staff/completion-claims?providerId=${course.provider.providerId}`,
        session,
      );
      expect(filtered.body).toContain(ana.user.displayName);
      const none = await get(
        t,
        '/staff/completion-claims?providerId=00000000-0000-7000-8000-000000000000',
        session,
      );
      expect(none.body).toContain('No claims are waiting for this provider.');
      expect((await get(t, '/staff/completion-claims?providerId=nonsense', session)).statusCode).toBe(400);

      const page = await get(t, `/staff/completion-claims/${id}`, session);
      expect(page.body).toContain('Verify or reject');
      const res = await postForm(
        t,
        `/staff/completion-claims/${id}/decision`,
        { decision: 'confirm' },
        session,
      );
      expect((await follow(t, res, session)).body).toContain(`Claim verified: ${ana.user.displayName}`);
      expect(await auditActions(t, 'course_completion', id)).toContain('completion_claim.verified');
      expect((await mailOf(t, ana.user.email, 'completion-claim-confirmed'))?.text).toContain(
        'Program staff verified',
      );
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('decides once: a second decision, or two at the same time, answer 409', async () => {
    const jo = await candidateWith(t, staff, 'admitted');
    const id = await claimed(t, jo, course, '2026-09-09');
    expect((await decide(t, course.provider.session, id, 'confirm')).statusCode).toBe(200);
    expect((await decide(t, staff.session, id, 'reject', 'Late.')).statusCode).toBe(409);
    const page = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'confirm' },
      course.provider.session,
    );
    expect(page.statusCode).toBe(409);

    const other = await claimed(t, jo, course, '2026-09-10');
    const both = await Promise.all([
      decide(t, course.provider.session, other, 'confirm'),
      decide(t, staff.session, other, 'reject', 'Could not verify.'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const decided = (await myCompletions(t, jo.session)).items.find((c) => c.id === other)!;
    const winner = both.find((r) => r.statusCode === 200)!.json();
    expect(decided.status).toBe(winner.status);
    expect(await auditActions(t, 'course_completion', other)).toHaveLength(2);
  });

  it('nobody decides their own claim, even as a member of the provider', async () => {
    const pat = await candidateWith(t, staff, 'admitted');
    const token = await invite(t, course.provider.session, course.provider.providerId, pat.user.email);
    const accepted = await api(t, 'POST', '/api/v1/invitations/accept', {
      session: pat.session,
      body: { token },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const id = await claimed(t, pat, course, '2026-11-05');
    expect((await decide(t, pat.session, id, 'confirm')).statusCode).toBe(403);
    expect((await get(t, `/provider/claims/${id}`, pat.session)).statusCode).toBe(404);
    expect((await get(t, '/provider/claims', pat.session)).body).not.toContain(`/provider/claims/${id}`);
    expect((await get(t, '/provider/claims', course.provider.session)).body).toContain(
      `/provider/claims/${id}`,
    );
    expect((await decide(t, course.provider.session, id, 'confirm')).statusCode).toBe(200);
  });
});
