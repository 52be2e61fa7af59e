import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieValue,
  fieldError,
  hasErrorSummary,
  linkIn,
  mailTo,
  makeUser,
  PASSWORD,
  postAnonymous,
  sessionFromCookie,
  signInSession,
  signInWith,
} from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { anonymousForm, api, get, postForm, type TestSession, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NEW_PASSWORD = 'a brand new long passphrase';

describe.each(testBackends())('accounts: passwords on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const forgot = (email: string) => postAnonymous(t, '/password/forgot', '/password/forgot', { email });
  const status = async (session: TestSession) => (await api(t, 'GET', '/api/v1/me', { session })).statusCode;

  it('answers the same whether or not the address has an account, and mails only real accounts', async () => {
    const user = await makeUser(t, ['candidate']);
    const known = await forgot(user.email);
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await forgot(unknownEmail);
    expect(known.statusCode).toBe(303);
    expect(unknown.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(known.headers.location);
    const sent = await get(t, known.headers.location as string);
    expect(sent.body).toContain('If an account uses that address');
    expect((await mailTo(t, user.email)).map((m) => m.template)).toEqual(['password-reset']);
    expect(await mailTo(t, unknownEmail)).toEqual([]);

    const bad = await forgot('not an address');
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'email')).toContain('right format');
    expect(hasErrorSummary(bad.body)).toBe(true);
  });

  it('resets the password from the link once, ends every old session and signs in afresh', async () => {
    const user = await makeUser(t, ['candidate']);
    const oldSession = await signInSession(t, user);
    await forgot(user.email);
    const link = linkIn((await mailTo(t, user.email))[0], '/password/reset?token=');
    const token = new URL(link, 'http://x').searchParams.get('token')!;

    const page = await get(t, link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Choose a new password');

    const post = (fields: Record<string, string>) =>
      postAnonymous(t, link, '/password/reset', { token, ...fields });
    const mismatch = await post({ password: NEW_PASSWORD, confirmPassword: 'something else entirely' });
    expect(mismatch.statusCode).toBe(400);
    expect(fieldError(mismatch.body, 'confirmPassword')).toBe('The passwords do not match');
    expect(mismatch.body).not.toContain(NEW_PASSWORD);
    const weak = await post({ password: 'short', confirmPassword: 'short' });
    expect(fieldError(weak.body, 'password')).toBe('Use at least 12 characters');

    const ok = await post({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/dashboard');
    const fresh = sessionFromCookie(user.id, user.email, cookieValue(ok, 'lssc_session')!);
    expect(await status(fresh)).toBe(200);
    expect(await status(oldSession)).toBe(401);
    expect((await mailTo(t, user.email)).map((m) => m.template)).toContain('password-changed');

    const again = 'yet another long passphrase';
    const reused = await postAnonymous(t, '/password/forgot', '/password/reset', {
      token,
      password: again,
      confirmPassword: again,
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('expired or has already been used');
    expect((await get(t, link)).statusCode).toBe(400);

    expect((await signInWith(t, user.email, PASSWORD)).statusCode).toBe(400);
    expect((await signInWith(t, user.email, NEW_PASSWORD)).statusCode).toBe(303);
  });

  it('refuses expired and made-up reset links, and only the newest link works', async () => {
    const user = await makeUser(t, ['candidate']);
    await forgot(user.email);
    const first = linkIn((await mailTo(t, user.email))[0], '/password/reset?token=');
    t.clock.advance(1000);
    await forgot(user.email);
    const second = linkIn((await mailTo(t, user.email))[0], '/password/reset?token=');
    expect((await get(t, first)).statusCode).toBe(400);
    expect((await get(t, second)).statusCode).toBe(200);
    t.clock.advance(61 * 60 * 1000);
    expect((await get(t, second)).statusCode).toBe(400);
    expect((await get(t, '/password/reset?token=made-up-token-that-is-long-enough')).statusCode).toBe(400);
    expect((await get(t, '/password/reset')).statusCode).toBe(400);
  });

  it('lifts the sign-in lock after a reset', async () => {
    const user = await makeUser(t, ['candidate']);
    const addr = { remoteAddress: '198.51.100.9' };
    for (let i = 0; i < 6; i++) await signInWith(t, user.email, `wrong ${i}`, addr);
    expect((await signInWith(t, user.email, PASSWORD, { remoteAddress: '198.51.100.10' })).statusCode).toBe(
      429,
    );
    await forgot(user.email);
    const link = linkIn(
      (await mailTo(t, user.email)).find((m) => m.template === 'password-reset'),
      '/password/reset?token=',
    );
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const ok = await postAnonymous(t, link, '/password/reset', {
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(303);
    expect(
      (await signInWith(t, user.email, NEW_PASSWORD, { remoteAddress: '198.51.100.11' })).statusCode,
    ).toBe(303);
  });

  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const user = await makeUser(t, ['candidate']);
    const here = await signInSession(t, user);
    const elsewhere = await signInSession(t, user);
    expect((await get(t, '/account/password', here)).statusCode).toBe(200);

    const empty = await postForm(
      t,
      '/account/password',
      { currentPassword: '', password: '', confirmPassword: '' },
      here,
    );
    expect(empty.statusCode).toBe(400);
    expect(hasErrorSummary(empty.body)).toBe(true);
    expect(fieldError(empty.body, 'currentPassword')).toBe('Enter your password');
    expect(fieldError(empty.body, 'password')).toBe('Enter a password');

    const wrong = await postForm(
      t,
      '/account/password',
      { currentPassword: 'not it at all', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      here,
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'currentPassword')).toBe('Your current password is not right');
    const same = await postForm(
      t,
      '/account/password',
      { currentPassword: PASSWORD, password: PASSWORD, confirmPassword: PASSWORD },
      here,
    );
    expect(fieldError(same.body, 'password')).toContain('different from your current one');
    const common = await postForm(
      t,
      '/account/password',
      { currentPassword: PASSWORD, password: 'qwerty123456', confirmPassword: 'qwerty123456' },
      here,
    );
    expect(fieldError(common.body, 'password')).toContain('too common');

    const ok = await postForm(
      t,
      '/account/password',
      { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      here,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account');
    expect(await status(here)).toBe(200);
    expect(await status(elsewhere)).toBe(401);
    expect((await mailTo(t, user.email)).map((m) => m.template)).toContain('password-changed');
    expect((await signInWith(t, user.email, NEW_PASSWORD)).statusCode).toBe(303);
  });

  it('refuses a password change without the CSRF token, and without a session', async () => {
    const user = await makeUser(t, ['candidate']);
    const here = await signInSession(t, user);
    const fields = { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    expect((await postForm(t, '/account/password', fields, here, { csrf: false })).statusCode).toBe(403);
    const { cookie, csrf } = await anonymousForm(t, '/sign-in');
    const anon = await t.app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    });
    expect(anon.statusCode).toBe(401);
    expect((await get(t, '/account/password')).headers.location).toBe('/sign-in?next=%2Faccount%2Fpassword');
    expect((await signInWith(t, user.email, PASSWORD)).statusCode).toBe(303);
  });

  it('API: asks for a reset link with 202 either way, and names a bad field', async () => {
    const csrfRes = await t.app.inject({ method: 'GET', url: '/api/v1/session/csrf' });
    const headers = {
      cookie: `lssc_anon=${cookieValue(csrfRes, 'lssc_anon')}`,
      'x-csrf-token': csrfRes.json().csrfToken as string,
    };
    const user = await makeUser(t, ['candidate']);
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/forgot',
      headers,
      payload: { email: user.email },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/forgot',
      headers,
      payload: { email: uniqueEmail('x') },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect((await mailTo(t, user.email)).map((m) => m.template)).toEqual(['password-reset']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/forgot',
      headers,
      payload: { email: 42 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'email', message: expect.any(String) }]);
  });
});
