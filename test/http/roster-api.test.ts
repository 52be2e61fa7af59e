import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar-date.js';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { courseCompletions, rosterRows } from '../../src/modules/completions/schema.js';
import { testBackends } from '../support/backends.js';
import { completionsOf, courseForRosters } from '../support/roster-factories.js';
import { api, type TestSession } from '../support/sessions.js';
import { type MadeApplication, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('roster API on %s', (backend) => {
  let t: TestApp;
  let member: TestSession;
  let token: string;
  let providerId: string;
  let course: string;
  let people: MadeApplication[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    const staff = await staffMember(t);
    const mine = await courseForRosters(t, staff.session);
    member = mine.provider.session;
    providerId = mine.provider.providerId;
    course = mine.number;
    people = [];
    for (let i = 0; i < 6; i++) people.push(await makeApplication(t, staff.ctx, { status: 'admitted' }));
    const created = await api(t, 'POST', '/api/v1/me/tokens', {
      session: member,
      body: { name: 'Student system', expiresInDays: 30 },
    });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
  });
  afterAll(() => t.close());

  const send = (rows: unknown[], auth: { token?: string; session?: TestSession } = { token }) =>
    api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, { ...auth, body: { rows } });

  it('takes a roster with a personal access token and answers with the preview', async () => {
    const res = await send([
      { candidate: people[0]!.number, name: 'A', course, completedOn: '2026-11-01', passed: true },
      { candidate: people[1]!.candidate.email, course, completedOn: '11/2/2026', passed: 'pass' },
      { candidate: 'LSSC-2026-999999', course, completedOn: '2026-11-03', passed: false },
      { candidate: people[0]!.number, course, completedOn: 'yesterday', passed: true },
      { course, completedOn: '2026-11-03' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.roster).toMatchObject({
      providerId,
      source: 'api',
      fileName: null,
      status: 'preview',
      counts: { total: 5, matched: 2, unmatched: 1, invalid: 2, duplicate: 0 },
    });
    expect(body.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'matched',
      'matched',
      'unmatched',
      'invalid',
      'invalid',
    ]);
    expect(body.rows[0]).toEqual({
      id: expect.any(String),
      line: 1,
      outcome: 'matched',
      message: null,
      willCount: true,
      notCountedReason: null,
    });
    expect(body.rows[3].message).toBe(
      'Row 4: "completedOn" "yesterday" is not a date: write it as YYYY-MM-DD (2026-03-31) or M/D/YYYY (3/31/2026).',
    );
    expect(body.rows[4].message).toContain('Row 5: "candidate" is empty');
    expect(body.rows[4].message).toContain('"passed" is empty');
    expect(await completionsOf(t, people[0]!.candidate.id)).toEqual([]);

    const id = body.roster.id as string;
    expect((await api(t, 'GET', `/api/v1/rosters/${id}`, { token })).json().counts.matched).toBe(2);
    const invalid = (await api(t, 'GET', `/api/v1/rosters/${id}/rows?outcome=invalid`, { token })).json();
    expect(invalid).toMatchObject({ page: 1, total: 2 });
    expect(invalid.items.map((r: { line: number }) => r.line)).toEqual([4, 5]);

    const confirmed = await api(t, 'POST', `/api/v1/rosters/${id}/confirm`, { token });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      roster: { status: 'applied', counts: { matched: 2, unmatched: 1 } },
      applied: {
        completions: 2,
        counted: 2,
        notCounted: 0,
        duplicates: 0,
        candidatesCredited: 2,
        setsAchieved: 2,
      },
    });
    expect((await completionsOf(t, people[0]!.candidate.id))[0]).toMatchObject({
      source: 'api',
      counts: true,
    });
    const matchedRows = (await api(t, 'GET', `/api/v1/rosters/${id}/rows?outcome=matched`, { token })).json();
    expect(matchedRows.items[0]).toMatchObject({ willCount: true });
    expect(matchedRows.items[0].completionId).toMatch(/^[0-9a-f-]{36}$/);

    const held = (await api(t, 'GET', `/api/v1/providers/${providerId}/held-rows`, { token })).json();
    expect(held).toMatchObject({
      total: 1,
      items: [{ candidate: 'LSSC-2026-999999', rosterId: id, line: 3 }],
    });
    const match = await api(t, 'POST', `/api/v1/held-rows/${held.items[0].id}/match`, {
      token,
      body: { candidate: people[2]!.number },
    });
    expect(match.statusCode, match.body).toBe(200);
    expect(match.json()).toMatchObject({ outcome: 'matched', applied: { completions: 1, notCounted: 1 } });
    const rematch = await api(t, 'POST', `/api/v1/providers/${providerId}/held-rows/rematch`, { token });
    expect(rematch.json()).toMatchObject({ held: 0, applied: { completions: 0 } });
  });

  it('discards through the API, and lists the provider’s rosters', async () => {
    const sent = await send([
      { candidate: people[3]!.number, course, completedOn: '2026-11-05', passed: 'yes' },
    ]);
    const id = sent.json().roster.id as string;
    const discarded = await api(t, 'POST', `/api/v1/rosters/${id}/discard`, { token });
    expect(discarded.json()).toMatchObject({ status: 'discarded', counts: { total: 1 } });
    expect((await api(t, 'GET', `/api/v1/rosters/${id}/rows`, { token })).json()).toMatchObject({
      items: [],
    });
    expect((await api(t, 'POST', `/api/v1/rosters/${id}/confirm`, { token })).statusCode).toBe(409);
    const list = (await api(t, 'GET', '/api/v1/rosters', { token })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('refuses requests it cannot read, and session writes without the CSRF header', async () => {
    expect(
      (await api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, { token, body: {} })).statusCode,
    ).toBe(400);
    expect((await send([])).statusCode).toBe(400);
    expect((await send([{ candidate: 'x'.repeat(400) }])).statusCode).toBe(400);
    const sent = await send([
      { candidate: people[3]!.number, course, completedOn: '2026-11-06', passed: true },
    ]);
    const id = sent.json().roster.id;
    expect((await api(t, 'GET', `/api/v1/rosters/${id}/rows?outcome=bogus`, { token })).statusCode).toBe(400);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rosters/${id}/confirm`,
      headers: { cookie: member.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await api(t, 'POST', `/api/v1/rosters/${id}/confirm`, { session: member })).statusCode).toBe(200);
  });

  it('handles a roster of thousands of rows set-based, in chunks', async () => {
    // 6 candidates × 500 days = 3,000 matched rows, 1,500 unknown candidates, 500 invalid rows.
    const rows: unknown[] = [];
    for (let d = 0; d < 500; d++)
      for (const p of people)
        rows.push({ candidate: p.number, course, completedOn: addDays('2025-06-01', d), passed: true });
    for (let i = 1; i <= 1500; i++)
      rows.push({
        candidate: `LSSC-2024-${String(i).padStart(6, '0')}`,
        course,
        completedOn: '2026-01-02',
        passed: 'y',
      });
    for (let i = 0; i < 500; i++)
      rows.push({
        candidate: people[0]!.number,
        course: 'CRS-1999-000001',
        completedOn: '2026-01-02',
        passed: 'y',
      });
    const res = await send(rows);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const body = res.json();
    // Earlier tests recorded some of these days for two people: those rows are duplicates.
    const recorded = (await t.services.db.select().from(courseCompletions)).filter(
      (c) => c.completedOn >= '2025-06-01' && c.completedOn <= addDays('2025-06-01', 499),
    );
    expect(body.roster.counts).toEqual({
      total: 5000,
      matched: 3000 - recorded.length,
      unmatched: 1500,
      invalid: 500,
      duplicate: recorded.length,
    });
    const id = body.roster.id as string;
    const page = (
      await api(t, 'GET', `/api/v1/rosters/${id}/rows?outcome=unmatched&page=30`, { token })
    ).json();
    expect(page).toMatchObject({ page: 30, pageSize: 50, total: 1500 });
    expect(page.items).toHaveLength(50);
    expect(page.items[49].candidate).toBe('LSSC-2024-001500');

    const confirmed = await api(t, 'POST', `/api/v1/rosters/${id}/confirm`, { token });
    expect(confirmed.statusCode, confirmed.body.slice(0, 300)).toBe(200);
    expect(confirmed.json().applied).toMatchObject({
      completions: 3000 - recorded.length,
      counted: 3000 - recorded.length,
    });
    const linked = await t.services.db.select().from(rosterRows).where(eq(rosterRows.importId, id));
    expect(linked.filter((r) => r.completionId !== null)).toHaveLength(3000 - recorded.length);
    for (const p of people) {
      const sets = await t.services.db
        .select()
        .from(setAchievements)
        .where(eq(setAchievements.candidateId, p.candidate.id));
      expect(sets).toHaveLength(1);
    }
    const days = (await completionsOf(t, people[5]!.candidate.id)).length;
    expect(days).toBe(500);
  });
});
