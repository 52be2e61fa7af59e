import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { hasErrorSummary } from '../support/accounts.js';
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
import { get, postForm, type TestSession } from '../support/sessions.js';
import { type MadeApplication, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('held roster rows on %s', (backend) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof staffMember>>;
  let member: TestSession;
  let providerId: string;
  let course: string;
  let admitted: MadeApplication;
  let rosterId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    const mine = await courseForRosters(t, staff.session);
    member = mine.provider.session;
    providerId = mine.provider.providerId;
    course = mine.number;
    admitted = await makeApplication(t, staff.ctx, { status: 'admitted' });
    rosterId = await uploadedRoster(t, member, providerId, [
      ['LSSC-2026-999998', 'Typo Person', course, '2026-10-01', 'yes'],
      ['later@example.org', 'Later Applicant', course, '2026-10-02', 'yes'],
      ['never@example.org', 'Never Applies', course, '2026-10-03', 'no'],
    ]);
    expect((await postForm(t, `/provider/rosters/${rosterId}/confirm`, {}, member)).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  const heldIds = async (session = member, base = '/provider/rosters') => {
    const page = await get(t, `${base}/held?providerId=${providerId}`, session);
    expect(page.statusCode).toBe(200);
    return [...page.body.matchAll(new RegExp(`href="${base}/held/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]!);
  };

  it('keeps unmatched rows of a confirmed roster, listed as held', async () => {
    const page = await get(t, '/provider/rosters/held', member);
    const text = textOf(page.body);
    expect(text).toContain('3 rows are held.');
    expect(text).toContain('Typo Person');
    expect(text).toContain('later@example.org');
    expect(await heldIds()).toHaveLength(3);
    // A roster still in preview has no held rows yet.
    await uploadedRoster(t, member, providerId, [['waiting@example.org', 'W', course, '2026-10-04', 'yes']]);
    expect(await heldIds()).toHaveLength(3);
  });

  it('matches a row by hand to a candidate, recording and crediting the completion', async () => {
    const [typo] = await heldIds();
    const form = await get(t, `/provider/rosters/held/${typo}`, member);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('LSSC-2026-999998');

    const empty = await postForm(t, `/provider/rosters/held/${typo}`, { candidate: '' }, member);
    expect(empty.statusCode).toBe(400);
    expect(hasErrorSummary(empty.body)).toBe(true);
    expect(empty.body).toContain('<title>Error: Match a held row');
    const bad = await postForm(t, `/provider/rosters/held/${typo}`, { candidate: 'Robin' }, member);
    expect(textOf(bad.body)).toContain('Enter a candidate number like LSSC-2026-000123');
    const unknown = await postForm(
      t,
      `/provider/rosters/held/${typo}`,
      { candidate: 'LSSC-2026-999997' },
      member,
    );
    expect(unknown.statusCode).toBe(400);
    expect(textOf(unknown.body)).toContain('No candidate has the number LSSC-2026-999997');
    expect(unknown.body).toContain('value="LSSC-2026-999997"');

    const res = await postForm(
      t,
      `/provider/rosters/held/${typo}`,
      { candidate: admitted.number.toLowerCase() },
      member,
    );
    const after = textOf((await follow(t, res, member)).body);
    expect(after).toContain('Line 2 matched and the completion recorded.');
    expect(after).toContain('2 rows are held.');
    const [completion] = await completionsOf(t, admitted.candidate.id);
    expect(completion).toMatchObject({ completedOn: '2026-10-01', counts: true, status: 'confirmed' });
    const achieved = await t.services.db
      .select()
      .from(setAchievements)
      .where(eq(setAchievements.candidateId, admitted.candidate.id));
    expect(achieved).toHaveLength(1);
    expect(await rosterRow(t, rosterId)).toMatchObject({ matchedRows: 1, unmatchedRows: 2 });
    expect(await auditActions(t, 'roster_row', typo!)).toEqual(['roster_row.matched']);
    // Matched already: nothing more to do with it.
    expect(
      (await postForm(t, `/provider/rosters/held/${typo}`, { candidate: admitted.number }, member))
        .statusCode,
    ).toBe(409);
    expect(textOf((await get(t, `/provider/rosters/held/${typo}`, member)).body)).toContain(
      'its completion is recorded',
    );
  });

  it('tries matching again once people have applied, leaving the rest held', async () => {
    const nothing = await postForm(t, '/provider/rosters/held/rematch', { providerId }, member);
    expect(textOf((await follow(t, nothing, member)).body)).toContain(
      'None of the 2 held rows could be matched yet.',
    );

    const later = await makeApplication(t, staff.ctx, { status: 'admitted' });
    await t.services.db
      .update(users)
      .set({ email: 'later@example.org' })
      .where(eq(users.id, later.candidate.id));
    const res = await postForm(t, '/provider/rosters/held/rematch', { providerId }, member);
    const text = textOf((await follow(t, res, member)).body);
    expect(text).toContain('1 row of 2 matched: 1 completion recorded.');
    expect(text).toContain('1 row is held.');
    expect(text).toContain('never@example.org');
    expect(await completionsOf(t, later.candidate.id)).toHaveLength(1);
    expect(await auditActions(t, 'provider', providerId)).toContain('roster.held_rows_rematched');
  });

  it('lets staff see every roster and held row, and match one', async () => {
    const list = await get(t, '/staff/rosters', staff.session);
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain('Prairie Library Cooperative');
    const roster = await get(t, `/staff/rosters/${rosterId}`, staff.session);
    expect(roster.statusCode).toBe(200);
    expect(roster.body).not.toContain('/confirm"');
    const all = await get(t, '/staff/rosters/held', staff.session);
    expect(textOf(all.body)).toContain('never@example.org');
    const [never] = await heldIds(staff.session, '/staff/rosters');
    const other = await makeApplication(t, staff.ctx, { status: 'in_review' });
    const res = await postForm(
      t,
      `/staff/rosters/held/${never}`,
      { candidate: other.candidate.email },
      staff.session,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/staff/rosters/held?providerId=${providerId}`);
    expect(await completionsOf(t, other.candidate.id)).toMatchObject([{ counts: false, passed: false }]);
    expect(textOf((await get(t, '/provider/rosters/held', member)).body)).toContain('No rows are held.');
  });
});
