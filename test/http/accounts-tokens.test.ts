import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, hasErrorSummary, mailTo, makeUser, signInSession } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testBackends())('accounts: personal access tokens on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('creates a token on the page (shown once), which works as a bearer token until revoked', async () => {
    const user = await makeUser(t, ['provider_member']);
    const session = await signInSession(t, user);
    expect((await get(t, '/account/tokens', session)).body).toContain('You have no tokens.');
    const created = await postForm(
      t,
      '/account/tokens',
      { name: 'Completions upload', expiresInDays: '' },
      session,
    );
    expect(created.statusCode).toBe(200);
    const token = /value="(lssc_pat_[^"]+)"/.exec(created.body)?.[1];
    expect(token).toBeDefined();
    expect((await mailTo(t, user.email)).map((m) => m.template)).toContain('access-token-created');

    const me = await api(t, 'GET', '/api/v1/me', { token: token! });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, via: 'token', mfaVerified: true });

    const list = await get(t, '/account/tokens', session);
    expect(list.body).toContain('Completions upload');
    expect(list.body).toContain(token!.slice(0, 15));
    expect(list.body).not.toContain(token!);

    const id = /action="\/account\/tokens\/([0-9a-f-]{36})\/revoke"/.exec(list.body)?.[1];
    const revoked = await postForm(t, `/account/tokens/${id}/revoke`, {}, session);
    expect(revoked.statusCode).toBe(303);
    const after = await api(t, 'GET', '/api/v1/me', { token: token! });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect((await postForm(t, `/account/tokens/${id}/revoke`, {}, session)).statusCode).toBe(404);
  });

  it('checks the name and the number of days', async () => {
    const session = await signInSession(t, await makeUser(t, ['candidate']));
    const bad = await postForm(t, '/account/tokens', { name: '', expiresInDays: '400' }, session);
    expect(bad.statusCode).toBe(400);
    expect(hasErrorSummary(bad.body)).toBe(true);
    expect(fieldError(bad.body, 'name')).toBe('Enter a name for the token');
    expect(fieldError(bad.body, 'expiresInDays')).toBe('Enter a whole number of days from 1 to 365');
    const words = await postForm(
      t,
      '/account/tokens',
      { name: 'x'.repeat(81), expiresInDays: 'ten' },
      session,
    );
    expect(fieldError(words.body, 'name')).toContain('at most 80');
    expect(fieldError(words.body, 'expiresInDays')).toBe('Enter a whole number of days from 1 to 365');
    expect(words.body).toContain('value="ten"');
    expect(
      (await postForm(t, '/account/tokens', { name: 'n', expiresInDays: '0' }, session)).statusCode,
    ).toBe(400);
    expect((await postForm(t, '/account/tokens', { name: 'n' }, session, { csrf: false })).statusCode).toBe(
      403,
    );
  });

  it('API: creates, lists and revokes tokens; an expired token stops working', async () => {
    const session = await signedInAs(t, ['candidate']);
    const res = await api(t, 'POST', '/api/v1/me/tokens', {
      session,
      body: { name: 'Script', expiresInDays: 1 },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { id: string; token: string; prefix: string; expiresAt: string };
    expect(body.token.startsWith('lssc_pat_')).toBe(true);
    expect(body.token.startsWith(body.prefix)).toBe(true);
    expect(Date.parse(body.expiresAt)).toBe(t.clock.now().getTime() + DAY);

    const list = await api(t, 'GET', '/api/v1/me/tokens', { token: body.token });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: body.id, name: 'Script', prefix: body.prefix }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain(body.token);

    // A token cannot mint more tokens.
    expect(
      (await api(t, 'POST', '/api/v1/me/tokens', { token: body.token, body: { name: 'More' } })).statusCode,
    ).toBe(403);

    const second = (
      await api(t, 'POST', '/api/v1/me/tokens', { session, body: { name: 'Second' } })
    ).json() as { id: string; token: string };
    t.clock.advance(DAY + 1000);
    expect((await api(t, 'GET', '/api/v1/me', { token: body.token })).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/me', { token: second.token })).statusCode).toBe(200);

    expect(
      (await api(t, 'DELETE', `/api/v1/me/tokens/${second.id}`, { token: second.token })).statusCode,
    ).toBe(204);
    expect((await api(t, 'GET', '/api/v1/me', { token: second.token })).statusCode).toBe(401);
    const fresh = await signedInAs(t, ['candidate']);
    expect((await api(t, 'DELETE', `/api/v1/me/tokens/${second.id}`, { session: fresh })).statusCode).toBe(
      404,
    );
  });

  it('API: names bad fields, refuses writes without CSRF, and keeps people to their own tokens', async () => {
    const session = await signedInAs(t, ['candidate']);
    const bad = await api(t, 'POST', '/api/v1/me/tokens', {
      session,
      body: { name: '', expiresInDays: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'expiresInDays',
      'name',
    ]);
    expect((await api(t, 'DELETE', '/api/v1/me/tokens/not-a-uuid', { session })).statusCode).toBe(400);

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { cookie: session.cookie },
      payload: { name: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);

    const mine = (await api(t, 'POST', '/api/v1/me/tokens', { session, body: { name: 'Mine' } })).json() as {
      id: string;
    };
    const stranger = await signedInAs(t, ['candidate']);
    expect((await api(t, 'DELETE', `/api/v1/me/tokens/${mine.id}`, { session: stranger })).statusCode).toBe(
      404,
    );
    expect((await api(t, 'GET', '/api/v1/me/tokens', { session: stranger })).json().items).toEqual([]);
    expect((await api(t, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/me', { token: 'lssc_pat_made-up' })).statusCode).toBe(401);
  });

  it('lists the accounts API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/v1/me',
      '/api/v1/me/tokens',
      '/api/v1/me/tokens/{id}',
      '/api/v1/session/csrf',
      '/api/v1/sign-up',
      '/api/v1/password/forgot',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
