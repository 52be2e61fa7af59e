import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, hasErrorSummary, mailTo } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import {
  follow,
  invite,
  joinedMember,
  providerAdmin,
  registerVia,
  rolesOf,
  tokenFromMail,
} from '../support/provider-factories.js';
import { api, get, postForm, sessionFor, signedInAs } from '../support/sessions.js';
import { mailOf } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const members = async (t: TestApp, providerId: string, session: Parameters<typeof rolesOf>[1]) =>
  (await api(t, 'GET', `/api/v1/providers/${providerId}/members`, { session })).json().items as Array<{
    userId: string;
    role: string;
  }>;

describe.each(testBackends())('provider members and invitations on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => {
    t.clock.set('2026-11-28T15:00:00Z');
    return t.close();
  });

  it('invites by the form, mails a link, and the invited account accepts it on the page', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const person = await signedInAs(t, ['candidate']);
    const sent = await postForm(
      t,
      `/provider/${providerId}/invitations`,
      { email: person.email.toUpperCase() },
      admin,
    );
    const page = await follow(t, sent, admin);
    expect(page.body).toContain('The invitation is sent.');
    expect(page.body).toContain(`<th scope="row">${person.email}</th>`);

    const mail = await mailOf(t, person.email, 'provider-invitation');
    expect(mail?.subject).toBe('You are invited to join Prairie Library Cooperative');
    expect(mail?.text).toContain('as a member');
    expect(mail?.text).toContain('expires on 12 December 2026');
    const token = await tokenFromMail(t, person.email);

    const show = await get(t, `/invitations/accept?token=${token}`, person);
    expect(show.statusCode).toBe(200);
    expect(show.body).toContain('<h1>Join Prairie Library Cooperative</h1>');
    expect(show.body).toContain('Accept the invitation');
    const accepted = await postForm(t, '/invitations/accept', { token }, person);
    expect(accepted.headers.location).toBe(`/provider/${providerId}`);
    expect((await follow(t, accepted, person)).body).toContain('Welcome to Prairie Library Cooperative.');
    expect(await rolesOf(t, person)).toEqual(['candidate', 'provider_member']);
    expect((await members(t, providerId, admin)).map((m) => [m.userId, m.role])).toEqual([
      [admin.userId, 'admin'],
      [person.userId, 'member'],
    ]);
    // Used once: the same link is refused afterwards, even to the same person.
    const again = await api(t, 'POST', '/api/v1/invitations/accept', { session: person, body: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toBe('This invitation has already been used.');
  });

  it('sends anonymous visitors to sign in first, keeping the link', async () => {
    const res = await get(t, '/invitations/accept?token=abc');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/invitations/accept?token=abc')}`);
  });

  it('refuses an account with another address, and unknown links', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const invited = await signedInAs(t, ['candidate']);
    const token = await invite(t, admin, providerId, invited.email);
    const other = await signedInAs(t, ['candidate']);
    const page = await get(t, `/invitations/accept?token=${token}`, other);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('This invitation was sent to another address');
    const res = await api(t, 'POST', '/api/v1/invitations/accept', { session: other, body: { token } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('This invitation was sent to another address');
    expect(await rolesOf(t, other)).toEqual(['candidate']);
    const bogus = await api(t, 'POST', '/api/v1/invitations/accept', {
      session: other,
      body: { token: 'nope' },
    });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().detail).toContain('This invitation link is not valid');
    // The right person can still use it.
    expect(
      (await api(t, 'POST', '/api/v1/invitations/accept', { session: invited, body: { token } })).statusCode,
    ).toBe(200);
  });

  it('refuses an expired invitation (after 14 days)', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const person = await signedInAs(t, ['candidate']);
    const token = await invite(t, admin, providerId, person.email);
    t.clock.advance(15 * 24 * 60 * 60 * 1000);
    try {
      // Sessions idle that long have ended: sign in again.
      const later = await sessionFor(t, person.userId, person.email);
      const adminLater = await sessionFor(t, admin.userId, admin.email);
      const res = await api(t, 'POST', '/api/v1/invitations/accept', { session: later, body: { token } });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain('This invitation has expired');
      expect((await members(t, providerId, adminLater)).map((m) => m.userId)).toEqual([admin.userId]);
      const open = await api(t, 'GET', `/api/v1/providers/${providerId}`, { session: adminLater });
      expect(open.json().invitations).toEqual([]);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('replaces an earlier invitation when inviting again, and lets administrators withdraw one', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const person = await signedInAs(t, ['candidate']);
    const first = await invite(t, admin, providerId, person.email);
    const second = await invite(t, admin, providerId, person.email, 'admin');
    expect(second).not.toBe(first);
    const old = await api(t, 'POST', '/api/v1/invitations/accept', {
      session: person,
      body: { token: first },
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().detail).toContain('withdrawn or replaced');
    const open = (await api(t, 'GET', `/api/v1/providers/${providerId}`, { session: admin })).json()
      .invitations;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ email: person.email, role: 'admin' });

    const withdrawn = await postForm(
      t,
      `/provider/${providerId}/invitations/${open[0].id}/revoke`,
      {},
      admin,
    );
    expect((await follow(t, withdrawn, admin)).body).toContain('The invitation is withdrawn');
    const late = await api(t, 'POST', '/api/v1/invitations/accept', {
      session: person,
      body: { token: second },
    });
    expect(late.statusCode).toBe(400);
    const twice = await api(t, 'DELETE', `/api/v1/providers/${providerId}/invitations/${open[0].id}`, {
      session: admin,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('says clearly when the person is already a member, and checks the address', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const member = await joinedMember(t, admin, providerId);
    const res = await postForm(t, `/provider/${providerId}/invitations`, { email: member.email }, admin);
    expect(res.statusCode).toBe(409);
    expect(fieldError(res.body, 'email')).toBe('That person is already a member of this organisation');
    expect(hasErrorSummary(res.body)).toBe(true);
    const bad = await postForm(
      t,
      `/provider/${providerId}/invitations`,
      { email: 'not an address', role: 'owner' },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'email')).toContain('Enter the email address of the person to invite');
    expect(fieldError(bad.body, 'role')).toBe('Choose member or administrator');
    expect(bad.body).toContain('value="not an address"');
    const apiBad = await api(t, 'POST', `/api/v1/providers/${providerId}/invitations`, {
      session: admin,
      body: { email: 'x', role: 'owner' },
    });
    expect(apiBad.statusCode).toBe(400);
    expect((apiBad.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'email',
      'role',
    ]);
  });

  it('lets only administrators invite and remove; members may edit the profile and leave', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const member = await joinedMember(t, admin, providerId);
    const res = await api(t, 'POST', `/api/v1/providers/${providerId}/invitations`, {
      session: member,
      body: { email: 'someone@example.org' },
    });
    expect(res.statusCode).toBe(403);
    const remove = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${admin.userId}`, {
      session: member,
    });
    expect(remove.statusCode).toBe(403);
    const page = await get(t, `/provider/${providerId}`, member);
    expect(page.body).not.toContain('Send the invitation');
    expect(page.body).not.toContain('/remove"');
    expect((await get(t, `/provider/${providerId}/edit`, member)).statusCode).toBe(200);

    const left = await postForm(t, `/provider/${providerId}/leave`, {}, member);
    expect(left.headers.location).toBe('/provider');
    expect(await rolesOf(t, member)).toEqual(['candidate']);
    expect((await get(t, `/provider/${providerId}`, member)).statusCode).toBe(404);
  });

  it('removes a member, who is told and loses the role unless they belong to another provider', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const one = await joinedMember(t, admin, providerId);
    const two = await joinedMember(t, admin, providerId);
    await registerVia(t, two, { name: 'Two Also Runs This' });

    const removed = await postForm(t, `/provider/${providerId}/members/${one.userId}/remove`, {}, admin);
    expect((await follow(t, removed, admin)).body).toContain('The member is removed');
    expect(await rolesOf(t, one)).toEqual(['candidate']);
    expect((await mailTo(t, one.email)).map((m) => m.subject)).toContain(
      'You were removed from Prairie Library Cooperative',
    );

    const res = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${two.userId}`, {
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ removed: true, roleDropped: false });
    expect(await rolesOf(t, two)).toEqual(['candidate', 'provider_member']);
    expect((await members(t, providerId, admin)).map((m) => m.userId)).toEqual([admin.userId]);
    const gone = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${two.userId}`, {
      session: admin,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('keeps the last administrator: they can neither be removed nor leave', async () => {
    const { session: admin, providerId } = await providerAdmin(t);
    const leave = await postForm(t, `/provider/${providerId}/leave`, {}, admin);
    expect(leave.statusCode).toBe(409);
    expect(leave.body).toContain('An organisation needs at least one administrator');
    const self = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${admin.userId}`, {
      session: admin,
    });
    expect(self.statusCode).toBe(409);

    const second = await joinedMember(t, admin, providerId, 'admin');
    const demoted = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${admin.userId}`, {
      session: second,
    });
    expect(demoted.statusCode).toBe(200);
    expect(await rolesOf(t, admin)).toEqual(['candidate']);
    const last = await api(t, 'DELETE', `/api/v1/providers/${providerId}/members/${second.userId}`, {
      session: second,
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toContain('at least one administrator');
  });
});
