import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { courseForRosters, rosterRow, uploadedRoster } from '../support/roster-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('roster access on %s', (backend) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof staffMember>>;
  let member: TestSession;
  let outsider: TestSession;
  let candidate: TestSession;
  let providerId: string;
  let otherProviderId: string;
  let rosterId: string;
  let heldId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    const mine = await courseForRosters(t, staff.session);
    member = mine.provider.session;
    providerId = mine.provider.providerId;
    const other = await courseForRosters(t, staff.session);
    outsider = other.provider.session;
    otherProviderId = other.provider.providerId;
    candidate = await signedInAs(t, ['candidate']);
    const admitted = await makeApplication(t, staff.ctx, { status: 'admitted' });
    const applied = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', mine.number, '2026-10-30', 'yes'],
      ['nobody@example.org', 'Nobody', mine.number, '2026-10-30', 'yes'],
    ]);
    await postForm(t, `/provider/rosters/${applied}/confirm`, {}, member);
    const held = (
      await api(t, 'GET', `/api/v1/providers/${providerId}/held-rows`, { session: member })
    ).json();
    heldId = held.items[0].id;
    rosterId = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', mine.number, '2026-11-01', 'yes'],
    ]);
  });
  afterAll(() => t.close());

  it('shows another provider’s member "not found" for every roster page and call', async () => {
    for (const url of [
      `/provider/rosters/${rosterId}`,
      `/provider/rosters/held?providerId=${providerId}`,
      `/provider/rosters/held/${heldId}`,
    ])
      expect((await get(t, url, outsider)).statusCode, url).toBe(404);
    for (const url of [`/provider/rosters/${rosterId}/confirm`, `/provider/rosters/${rosterId}/discard`])
      expect((await postForm(t, url, {}, outsider)).statusCode, url).toBe(404);
    expect(
      (await postForm(t, `/provider/rosters/held/${heldId}`, { candidate: 'x@example.org' }, outsider))
        .statusCode,
    ).toBe(404);
    expect((await postForm(t, '/provider/rosters/held/rematch', { providerId }, outsider)).statusCode).toBe(
      404,
    );
    for (const url of [
      `/api/v1/rosters/${rosterId}`,
      `/api/v1/rosters/${rosterId}/rows`,
      `/api/v1/providers/${providerId}/held-rows`,
    ])
      expect((await api(t, 'GET', url, { session: outsider })).statusCode, url).toBe(404);
    for (const url of [`/api/v1/rosters/${rosterId}/confirm`, `/api/v1/rosters/${rosterId}/discard`])
      expect((await api(t, 'POST', url, { session: outsider })).statusCode, url).toBe(404);
    const sent = await api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, {
      session: outsider,
      body: { rows: [{ candidate: 'a@example.org' }] },
    });
    expect(sent.statusCode).toBe(404);
    // Their own list does not show it.
    expect((await get(t, '/provider/rosters', outsider)).body).not.toContain(rosterId);
    expect((await rosterRow(t, rosterId)).status).toBe('preview');
    // Nor can a member upload for another provider through the form.
    expect(
      (
        await api(t, 'POST', `/api/v1/providers/${otherProviderId}/rosters`, {
          session: member,
          body: { rows: [{}] },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('turns candidates without a provider away, and sends anonymous visitors to sign in', async () => {
    const mine = await get(t, '/provider/rosters', candidate);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Only members of a course provider can report completions.');
    expect((await get(t, `/provider/rosters/${rosterId}`, candidate)).statusCode).toBe(404);
    expect((await get(t, '/staff/rosters', candidate)).statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/staff/rosters', { session: candidate })).statusCode).toBe(403);
    expect((await get(t, '/staff/rosters/held', candidate)).statusCode).toBe(403);
    expect((await get(t, '/provider/rosters/held', candidate)).body).toContain('No rows are held.');

    const anonymous = await get(t, '/provider/rosters/new');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in?next=');
    expect((await api(t, 'GET', `/api/v1/rosters/${rosterId}`)).statusCode).toBe(401);
    // An anonymous write is refused before it is read (no session, so no CSRF token either).
    expect(
      (await api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, { body: { rows: [{}] } })).statusCode,
    ).toBe(403);
    expect(
      (
        await api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, {
          token: 'lssc_pat_nope',
          body: { rows: [{}] },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('lets staff read a provider’s rosters but not confirm, discard or send them', async () => {
    expect((await get(t, `/provider/rosters/${rosterId}`, staff.session)).statusCode).toBe(200);
    expect(
      (await api(t, 'GET', `/api/v1/rosters/${rosterId}/rows`, { session: staff.session })).statusCode,
    ).toBe(200);
    expect((await postForm(t, `/provider/rosters/${rosterId}/confirm`, {}, staff.session)).statusCode).toBe(
      403,
    );
    expect(
      (await api(t, 'POST', `/api/v1/rosters/${rosterId}/discard`, { session: staff.session })).statusCode,
    ).toBe(403);
    expect(
      (
        await api(t, 'POST', `/api/v1/providers/${providerId}/rosters`, {
          session: staff.session,
          body: { rows: [{}] },
        })
      ).statusCode,
    ).toBe(403);
    expect((await rosterRow(t, rosterId)).status).toBe('preview');
    const noMfa = await staffMember(t, { mfaVerified: false });
    expect((await get(t, '/staff/rosters', noMfa.session)).headers.location).toContain('/sign-in/mfa');
    expect((await api(t, 'GET', `/api/v1/rosters/${rosterId}`, { session: noMfa.session })).statusCode).toBe(
      401,
    );
  });

  it('answers "not found" for ids that are not rosters or rows', async () => {
    expect((await get(t, '/provider/rosters/not-an-id', member)).statusCode).toBe(404);
    expect((await get(t, '/provider/rosters/00000000-0000-7000-8000-000000000000', member)).statusCode).toBe(
      404,
    );
    expect((await get(t, '/provider/rosters/held/nope', member)).statusCode).toBe(404);
    expect(
      (await api(t, 'POST', '/api/v1/held-rows/nope/match', { session: member, body: { candidate: 'a' } }))
        .statusCode,
    ).toBe(404);
  });
});
