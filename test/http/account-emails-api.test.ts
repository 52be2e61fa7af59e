import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, mailTo, makeUser, PASSWORD, postAnonymous } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, postForm, sessionFor, type TestSession, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CONFIRM = '/account/emails/confirm?token=';

describe.each(testBackends())('accounts: email addresses API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  async function person() {
    const user = await makeUser(t, ['candidate']);
    return { ...user, session: await sessionFor(t, user.id, user.email) };
  }
  const items = async (s: TestSession) =>
    (await api(t, 'GET', '/api/v1/me/emails', { session: s })).json().items as Array<{
      id: string;
      email: string;
      primary: boolean;
      confirmed: boolean;
      addedAt: string;
    }>;
  async function addConfirmed(s: TestSession, email: string) {
    const res = await api(t, 'POST', '/api/v1/me/emails', { session: s, body: { email } });
    expect(res.statusCode).toBe(202);
    const link = linkIn((await mailTo(t, email))[0], CONFIRM);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect((await postForm(t, '/account/emails/confirm', { token }, s)).statusCode).toBe(303);
    return (await items(s)).find((a) => a.email === email)!;
  }

  it('lists, adds, makes primary and removes through the API', async () => {
    const p = await person();
    expect(await items(p.session)).toEqual([
      { id: p.id, email: p.email, primary: true, confirmed: true, addedAt: '2026-11-28T15:00:00.000Z' },
    ]);
    const work = uniqueEmail('api-work');
    const added = await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: { email: work } });
    expect(added.statusCode).toBe(202);
    expect(added.json().message).toContain(work);
    const waiting = (await items(p.session))[1]!;
    expect(waiting).toMatchObject({ email: work, primary: false, confirmed: false });

    const early = await api(t, 'POST', `/api/v1/me/emails/${waiting.id}/primary`, {
      session: p.session,
      body: { currentPassword: PASSWORD },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Confirm this address');

    const row = await addConfirmed(p.session, work);
    const noPassword = await api(t, 'POST', `/api/v1/me/emails/${row.id}/primary`, {
      session: p.session,
      body: {},
    });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors).toEqual([{ field: 'currentPassword', message: 'Enter your password' }]);
    const swapped = await api(t, 'POST', `/api/v1/me/emails/${row.id}/primary`, {
      session: p.session,
      body: { currentPassword: PASSWORD },
    });
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json().items.map((a: { email: string }) => a.email)).toEqual([work, p.email]);
    const old = swapped.json().items[1];
    expect((await api(t, 'GET', '/api/v1/me', { session: p.session })).json().email).toBe(work);

    const self = await api(t, 'POST', `/api/v1/me/emails/${p.id}/primary`, {
      session: p.session,
      body: { currentPassword: PASSWORD },
    });
    expect(self.statusCode).toBe(409);
    const removePrimary = await api(t, 'DELETE', `/api/v1/me/emails/${p.id}`, { session: p.session });
    expect(removePrimary.statusCode).toBe(409);
    expect(removePrimary.json().detail).toContain('You cannot remove your primary email address');

    const removed = await api(t, 'DELETE', `/api/v1/me/emails/${old.id}`, { session: p.session });
    expect(removed.statusCode).toBe(204);
    expect((await items(p.session)).map((a) => a.email)).toEqual([work]);
    expect((await api(t, 'DELETE', `/api/v1/me/emails/${old.id}`, { session: p.session })).statusCode).toBe(
      404,
    );
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/me/emails'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/me/emails/{id}'].delete.tags).toEqual(['accounts']);
    expect(doc.paths['/api/v1/me/emails/{id}/primary'].post.summary).toBe(
      'Make a confirmed address your primary one',
    );
  });

  it('validates the body and the id', async () => {
    const p = await person();
    const bad = await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: { email: 'nope' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('email');
    const missing = await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: {} });
    expect(missing.statusCode).toBe(400);
    expect((await api(t, 'DELETE', '/api/v1/me/emails/not-an-id', { session: p.session })).statusCode).toBe(
      400,
    );
    const own = await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: { email: p.email } });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors).toEqual([
      { field: 'email', message: 'That is already your primary email address' },
    ]);
  });

  it('denies anonymous callers, cookie writes without CSRF, and other people’s addresses', async () => {
    expect((await api(t, 'GET', '/api/v1/me/emails')).statusCode).toBe(401);
    // Without a session the CSRF check answers first; with an anonymous CSRF token, sign-in is asked for.
    expect(
      (await api(t, 'POST', '/api/v1/me/emails', { body: { email: uniqueEmail('a') } })).statusCode,
    ).toBe(403);
    const csrf = await t.app.inject({ method: 'GET', url: '/api/v1/session/csrf' });
    const anon = ([] as string[]).concat(csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers: { cookie: anon.join('; '), 'x-csrf-token': csrf.json().csrfToken },
      payload: { email: uniqueEmail('anon') },
    });
    expect(anonymous.statusCode).toBe(401);
    const owner = await person();
    const row = await addConfirmed(owner.session, uniqueEmail('owned'));
    const p = await person();
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers: { cookie: p.session.cookie },
      payload: { email: uniqueEmail('no-csrf') },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await api(t, 'DELETE', `/api/v1/me/emails/${row.id}`, { session: p.session })).statusCode).toBe(
      404,
    );
    const steal = await api(t, 'POST', `/api/v1/me/emails/${row.id}/primary`, {
      session: p.session,
      body: { currentPassword: PASSWORD },
    });
    expect(steal.statusCode).toBe(404);
    expect(await items(owner.session)).toHaveLength(2);
  });

  it('limits how often a person can ask to add addresses', async () => {
    const p = await person();
    for (let i = 0; i < 10; i++) {
      const email = uniqueEmail('churn');
      expect(
        (await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: { email } })).statusCode,
      ).toBe(202);
      const row = (await items(p.session)).find((a) => a.email === email)!;
      await api(t, 'DELETE', `/api/v1/me/emails/${row.id}`, { session: p.session });
    }
    const limited = await api(t, 'POST', '/api/v1/me/emails', {
      session: p.session,
      body: { email: uniqueEmail('eleventh') },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().detail).toContain('Please wait an hour');
    t.clock.advance(60 * 60 * 1000);
    const later = await api(t, 'POST', '/api/v1/me/emails', {
      session: p.session,
      body: { email: uniqueEmail('later') },
    });
    expect(later.statusCode).toBe(202);
  });

  it('a confirmed additional address counts as taken for sign-up', async () => {
    const owner = await person();
    const extra = uniqueEmail('extra');
    await addConfirmed(owner.session, extra);
    const res = await postAnonymous(t, '/sign-up', '/sign-up', {
      name: 'Copycat',
      email: extra,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(res.statusCode).toBe(303);
    expect((await mailTo(t, owner.email)).map((m) => m.template)).toContain('sign-up-existing');
    expect((await mailTo(t, extra)).map((m) => m.template)).not.toContain('verify-email');
  });
});
