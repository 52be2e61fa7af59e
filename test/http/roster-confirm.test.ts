import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { admitApplication } from '../../src/modules/applications/use-cases/admit-application.js';
import { rosterRows } from '../../src/modules/completions/schema.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { follow } from '../support/provider-factories.js';
import {
  completionsOf,
  courseForRosters,
  rosterRow,
  textOf,
  uploadedRoster,
} from '../support/roster-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import {
  type MadeApplication,
  mailOf,
  makeApplication,
  sessionOf,
  staffMember,
} from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('roster confirm and discard on %s', (backend) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof staffMember>>;
  let member: TestSession;
  let providerId: string;
  let course: string;
  let admitted: MadeApplication;
  let oldTimer: MadeApplication;
  let applicant: MadeApplication;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    const mine = await courseForRosters(t, staff.session);
    member = mine.provider.session;
    providerId = mine.provider.providerId;
    course = mine.number;
    admitted = await makeApplication(t, staff.ctx, { status: 'admitted' });
    oldTimer = await makeApplication(t, staff.ctx, { status: 'admitted' });
    applicant = await makeApplication(t, staff.ctx, { status: 'in_review' });
  });
  afterAll(() => t.close());

  const achievementsOf = (candidateId: string) =>
    t.services.db.select().from(setAchievements).where(eq(setAchievements.candidateId, candidateId));

  it('records the matched completions, credits the admitted candidate and holds the rest', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2026-10-30', 'yes'],
      [oldTimer.candidate.email, 'Old Timer', course, '2023-06-01', 'yes'],
      [applicant.number, 'Applicant', course, '2026-11-02', 'yes'],
      ['LSSC-2026-999999', 'Not Yet', course, '2026-11-03', 'yes'],
      ['', 'Broken', course, '2026-11-03', 'yes'],
    ]);
    expect(await completionsOf(t, admitted.candidate.id)).toEqual([]);
    t.clock.advance(60_000);
    const res = await postForm(t, `/provider/rosters/${id}/confirm`, {}, member);
    const page = await follow(t, res, member);
    const text = textOf(page.body);
    expect(text).toContain(
      'Roster confirmed: 3 completions recorded, 1 row held until the candidate is found.',
    );
    expect(text).toContain('Status Confirmed');
    expect(page.body).not.toContain('Confirm and record');
    expect(text).toContain('Counts toward certification.');
    expect(text).toContain(
      'Does not count: Completed on 1 June 2023, more than 2 years before the course was approved',
    );

    const [done] = await completionsOf(t, admitted.candidate.id);
    expect(done).toMatchObject({
      source: 'roster',
      status: 'confirmed',
      counts: true,
      notCountedReason: null,
      completedOn: '2026-10-30',
      rosterImportId: id,
    });
    const [old] = await completionsOf(t, oldTimer.candidate.id);
    expect(old).toMatchObject({ counts: false });
    expect(old!.notCountedReason).toContain('more than 2 years before the course was approved');
    expect(await achievementsOf(oldTimer.candidate.id)).toEqual([]);

    const [achieved] = await achievementsOf(admitted.candidate.id);
    expect(achieved).toMatchObject({ how: 'course', achievedOn: '2026-10-30', sourceRef: course });
    const mail = await mailOf(t, admitted.candidate.email, 'set-achieved-by-course');
    expect(mail?.text).toContain(`by course ${course}, on 30 October 2026`);
    const dashboard = await get(t, '/dashboard', await sessionOf(t, admitted.candidate));
    expect(textOf(dashboard.body)).toContain('Achieved on 30 October 2026 by an approved course');
    expect(await auditActions(t, 'candidate', admitted.candidate.id)).toContain('set_achievement.recorded');

    // Not admitted yet: the completion waits, and admission credits it.
    expect((await completionsOf(t, applicant.candidate.id))[0]).toMatchObject({ counts: true });
    expect(await achievementsOf(applicant.candidate.id)).toEqual([]);
    await admitApplication(staff.ctx, { applicationId: applicant.id });
    expect(await achievementsOf(applicant.candidate.id)).toHaveLength(1);

    const rows = await t.services.db.select().from(rosterRows).where(eq(rosterRows.importId, id));
    expect(rows.filter((r) => r.completionId !== null)).toHaveLength(3);
    expect(await rosterRow(t, id)).toMatchObject({
      status: 'applied',
      matchedRows: 3,
      unmatchedRows: 1,
      invalidRows: 1,
    });
    expect(await auditActions(t, 'roster_import', id)).toEqual(['roster.uploaded', 'roster.confirmed']);
    const summary = await mailOf(t, member.email, 'roster-confirmed');
    expect(summary?.subject).toBe('Roster confirmed: 3 completions recorded');
    expect(summary?.text).toContain('2 count toward certification, 1 do not');
    expect(summary?.text).toContain('1 row held');
  });

  it('answers 409 to a second confirm, and to a discard after confirming', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2026-11-20', 'yes'],
    ]);
    expect((await postForm(t, `/provider/rosters/${id}/confirm`, {}, member)).statusCode).toBe(303);
    const again = await postForm(t, `/provider/rosters/${id}/confirm`, {}, member);
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('This roster was already confirmed');
    const viaApi = await api(t, 'POST', `/api/v1/rosters/${id}/confirm`, { session: member });
    expect(viaApi.statusCode).toBe(409);
    expect((await postForm(t, `/provider/rosters/${id}/discard`, {}, member)).statusCode).toBe(409);
    expect(await completionsOf(t, admitted.candidate.id)).toHaveLength(2);
  });

  it('marks rows already recorded as duplicates when a roster is sent again', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2026-10-30', 'yes'],
      [admitted.number, 'Robin', course, '2026-11-21', 'yes'],
    ]);
    const text = textOf((await get(t, `/provider/rosters/${id}`, member)).body);
    expect(text).toContain('Line 2: this completion is already recorded for the candidate.');
    expect(text).toContain('Duplicate: 1');
    expect(text).toContain('Matched: 1');
  });

  it('discards a roster: nothing recorded, rows deleted, and it cannot be confirmed later', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2026-11-25', 'yes'],
    ]);
    const res = await postForm(t, `/provider/rosters/${id}/discard`, {}, member);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/provider/rosters');
    expect(textOf((await follow(t, res, member)).body)).toContain(
      'Roster discarded. Nothing of it was recorded.',
    );
    expect((await completionsOf(t, admitted.candidate.id)).map((c) => c.completedOn)).not.toContain(
      '2026-11-25',
    );
    expect(await t.services.db.select().from(rosterRows).where(eq(rosterRows.importId, id))).toEqual([]);
    expect(await rosterRow(t, id)).toMatchObject({ status: 'discarded', totalRows: 1 });
    expect(textOf((await get(t, `/provider/rosters/${id}`, member)).body)).toContain(
      'This roster was discarded',
    );
    expect((await postForm(t, `/provider/rosters/${id}/confirm`, {}, member)).statusCode).toBe(409);
    expect((await postForm(t, `/provider/rosters/${id}/discard`, {}, member)).statusCode).toBe(409);
    expect(await auditActions(t, 'roster_import', id)).toEqual(['roster.uploaded', 'roster.discarded']);
  });

  it('lists the provider’s rosters, newest first', async () => {
    const list = await get(t, '/provider/rosters', member);
    expect(list.statusCode).toBe(200);
    const text = textOf(list.body);
    expect(text).toContain('Your completion rosters');
    expect(text).toContain('Confirmed');
    expect(text).toContain('Discarded');
    expect(text).toContain('Waiting for confirmation');
  });

  it('refuses a confirm without the CSRF token', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2026-11-26', 'yes'],
    ]);
    expect(
      (await postForm(t, `/provider/rosters/${id}/confirm`, {}, member, { csrf: false })).statusCode,
    ).toBe(403);
    expect((await rosterRow(t, id)).status).toBe('preview');
  });
});
