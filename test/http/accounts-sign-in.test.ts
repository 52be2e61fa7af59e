import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieValue,
  fieldError,
  hasErrorSummary,
  inputValue,
  mailTo,
  makeUser,
  PASSWORD,
  sessionFromCookie,
  signInWith,
} from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { anonymousForm, api, get, postForm, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MISMATCH = 'That email and password do not match an account.';
const FIFTEEN_MINUTES = 15 * 60 * 1000;

describe.each(testBackends())('accounts: sign in and out on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  /** Each test signs in from its own network address, so the per-address limit stays out of the way. */
  let ip = 10;
  const from = () => ({ remoteAddress: `10.0.0.${++ip}` });

  it('signs a candidate in, with a new session, and lands on the dashboard', async () => {
    const user = await makeUser(t, ['candidate']);
    const res = await signInWith(t, user.email.toUpperCase(), PASSWORD, from());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/dashboard');
    const value = cookieValue(res, 'lssc_session')!;
    expect(value.length).toBeGreaterThan(30);
    const me = await api(t, 'GET', '/api/v1/me', { session: sessionFromCookie(user.id, user.email, value) });
    expect(me.json()).toMatchObject({ id: user.id, email: user.email, via: 'session', mfaVerified: true });
  });

  it('honours a same-site next and ignores other sites', async () => {
    const user = await makeUser(t, ['candidate']);
    expect(
      (await signInWith(t, user.email, PASSWORD, { ...from(), next: '/account/tokens?x=1' })).headers
        .location,
    ).toBe('/account/tokens?x=1');
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'account']) {
      expect((await signInWith(t, user.email, PASSWORD, { ...from(), next })).headers.location).toBe(
        '/dashboard',
      );
    }
    const page = await get(t, '/sign-in?next=%2Fapplication');
    expect(page.body).toContain('name="next" value="/application"');
    const evil = await get(t, '/sign-in?next=%2F%2Fevil.example');
    expect(evil.body).not.toContain('name="next"');
  });

  it('sends people without a candidate role to their account page', async () => {
    const user = await makeUser(t, ['provider_member']);
    expect((await signInWith(t, user.email, PASSWORD, from())).headers.location).toBe('/account');
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await makeUser(t, ['candidate']);
    const wrong = await signInWith(t, user.email, 'not the right password', from());
    const unknown = await signInWith(t, uniqueEmail('nobody'), 'not the right password', from());
    expect(wrong.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(fieldError(wrong.body, 'email')).toBe(MISMATCH);
    expect(fieldError(unknown.body, 'email')).toBe(MISMATCH);
    const strip = (body: string) => body.replace(/value="[^"]*"/g, '');
    expect(strip(unknown.body)).toBe(strip(wrong.body));
    expect(hasErrorSummary(wrong.body)).toBe(true);
    expect(inputValue(wrong.body, 'email')).toBe(user.email);
    expect(wrong.body).not.toContain('not the right password');
    expect(cookieValue(wrong, 'lssc_session')).toBeUndefined();
  });

  it('asks for both fields', async () => {
    const res = await signInWith(t, '', '', from());
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, 'email')).toBe('Enter your email address');
    expect(fieldError(res.body, 'password')).toBe('Enter your password');
    const bad = await signInWith(t, 'no-at-sign', 'x', from());
    expect(fieldError(bad.body, 'email')).toContain('right format');
  });

  it('refuses the 6th attempt after 5 failures, even with the right password, and tells the owner', async () => {
    const user = await makeUser(t, ['candidate']);
    for (let i = 0; i < 5; i++)
      expect((await signInWith(t, user.email, `wrong guess ${i}`, from())).statusCode).toBe(400);
    const sixth = await signInWith(t, user.email, PASSWORD, from());
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('Too many attempts. Wait 15 minutes or reset your password.');
    expect(cookieValue(sixth, 'lssc_session')).toBeUndefined();
    expect((await mailTo(t, user.email)).map((m) => m.template)).toEqual(['sign-in-blocked']);

    const unknown = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++) await signInWith(t, unknown, `wrong guess ${i}`, from());
    expect((await signInWith(t, unknown, PASSWORD, from())).statusCode).toBe(429);

    t.clock.advance(FIFTEEN_MINUTES);
    expect((await signInWith(t, user.email, PASSWORD, from())).statusCode).toBe(303);
  });

  it('limits failures from one network address to 20 per 15 minutes', async () => {
    const addr = { remoteAddress: '192.0.2.77' };
    for (let i = 0; i < 20; i++)
      expect((await signInWith(t, uniqueEmail('spray'), 'guessing passwords', addr)).statusCode).toBe(400);
    const user = await makeUser(t, ['candidate']);
    expect((await signInWith(t, user.email, PASSWORD, addr)).statusCode).toBe(429);
    expect((await signInWith(t, user.email, PASSWORD, from())).statusCode).toBe(303);
  });

  it('successful sign-ins do not count against the limits', async () => {
    const user = await makeUser(t, ['candidate']);
    const addr = from();
    for (let i = 0; i < 7; i++)
      expect((await signInWith(t, user.email, PASSWORD, addr)).statusCode).toBe(303);
  });

  it('replaces the session when signing in again, and signs out', async () => {
    const user = await makeUser(t, ['candidate']);
    const first = sessionFromCookie(
      user.id,
      user.email,
      cookieValue(await signInWith(t, user.email, PASSWORD, from()), 'lssc_session')!,
    );
    const again = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: first.cookie },
      payload: new URLSearchParams({ email: user.email, password: PASSWORD, _csrf: first.csrf }).toString(),
    });
    expect(again.statusCode).toBe(303);
    const second = sessionFromCookie(user.id, user.email, cookieValue(again, 'lssc_session')!);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await api(t, 'GET', '/api/v1/me', { session: first })).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/me', { session: second })).statusCode).toBe(200);

    const out = await postForm(t, '/sign-out', {}, second);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(String(out.headers['set-cookie'])).toContain('lssc_session=;');
    expect((await api(t, 'GET', '/api/v1/me', { session: second })).statusCode).toBe(401);
    expect((await get(t, '/account', second)).headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('refuses a sign-in posted without the CSRF token', async () => {
    const user = await makeUser(t, ['candidate']);
    const { cookie } = await anonymousForm(t, '/sign-in');
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(cookieValue(res, 'lssc_session')).toBeUndefined();
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: user.email, password: PASSWORD, _csrf: 'made-up' }).toString(),
    });
    expect(noCookie.statusCode).toBe(403);
  });

  it('refuses a body larger than 256 KB with 413', async () => {
    const { cookie, csrf } = await anonymousForm(t, '/sign-in');
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({
        email: 'a@b.org',
        password: 'x'.repeat(300 * 1024),
        _csrf: csrf,
      }).toString(),
    });
    expect(res.statusCode).toBe(413);
    const apiRes = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/forgot',
      payload: { email: 'x'.repeat(300 * 1024) },
    });
    expect(apiRes.statusCode).toBe(413);
    expect(apiRes.headers['content-type']).toContain('application/problem+json');
  });
});
