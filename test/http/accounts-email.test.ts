import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fieldError,
  hasErrorSummary,
  inputValue,
  linkIn,
  mailTo,
  makeUser,
  PASSWORD,
  postAnonymous,
  signInSession,
  signInWith,
} from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('accounts: account page and email change on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('shows the account: name, email and whether it is confirmed, roles, MFA status', async () => {
    const user = await makeUser(t, ['candidate'], { emailVerified: false });
    const session = await signInSession(t, user);
    const page = await get(t, '/account', session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(user.email);
    expect(page.body).toContain('Not confirmed yet');
    expect(page.body).toContain('Candidate');
    expect(page.body).toContain('action="/verify-email/resend"');
    expect(page.body).toContain('href="/account/tokens"');
    expect((await get(t, '/account')).headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('changes the email only when the link sent to the new address is opened', async () => {
    const user = await makeUser(t, ['candidate']);
    const here = await signInSession(t, user);
    const elsewhere = await signInSession(t, user);
    const newEmail = uniqueEmail('moved');
    expect((await get(t, '/account/email', here)).statusCode).toBe(200);
    const res = await postForm(
      t,
      '/account/email',
      { newEmail: newEmail.toUpperCase(), currentPassword: PASSWORD },
      here,
    );
    expect(res.statusCode).toBe(303);
    expect((await api(t, 'GET', '/api/v1/me', { session: here })).json().email).toBe(user.email);
    expect((await mailTo(t, user.email)).map((m) => m.template)).toEqual(['email-change-requested']);
    const [confirm] = await mailTo(t, newEmail);
    expect(confirm?.template).toBe('email-change-confirm');
    const link = linkIn(confirm, '/account/email/confirm?token=');

    const page = await get(t, link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(newEmail);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const done = await postForm(t, '/account/email/confirm', { token }, here);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account');
    expect((await api(t, 'GET', '/api/v1/me', { session: here })).json()).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expect((await api(t, 'GET', '/api/v1/me', { session: elsewhere })).statusCode).toBe(401);
    expect((await mailTo(t, user.email)).map((m) => m.template)).toContain('email-changed');

    expect((await postForm(t, '/account/email/confirm', { token }, here)).statusCode).toBe(400);
    expect((await get(t, link)).statusCode).toBe(400);
    expect((await signInWith(t, user.email, PASSWORD)).statusCode).toBe(400);
    expect((await signInWith(t, newEmail, PASSWORD)).statusCode).toBe(303);
  });

  it('works from a browser that is not signed in', async () => {
    const user = await makeUser(t, ['candidate']);
    const session = await signInSession(t, user);
    const newEmail = uniqueEmail('other-device');
    await postForm(t, '/account/email', { newEmail, currentPassword: PASSWORD }, session);
    const link = linkIn((await mailTo(t, newEmail))[0], '/account/email/confirm?token=');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const res = await postAnonymous(t, link, '/account/email/confirm', { token });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in');
    expect((await api(t, 'GET', '/api/v1/me', { session })).statusCode).toBe(401);
  });

  it('checks every field, refuses a taken address, and keeps what was typed', async () => {
    const user = await makeUser(t, ['candidate']);
    const other = await makeUser(t, ['candidate']);
    const session = await signInSession(t, user);
    const empty = await postForm(t, '/account/email', { newEmail: '', currentPassword: '' }, session);
    expect(empty.statusCode).toBe(400);
    expect(hasErrorSummary(empty.body)).toBe(true);
    expect(fieldError(empty.body, 'newEmail')).toBe('Enter your email address');
    expect(fieldError(empty.body, 'currentPassword')).toBe('Enter your password');

    const wrong = await postForm(
      t,
      '/account/email',
      { newEmail: 'fresh@example.org', currentPassword: 'wrong password' },
      session,
    );
    expect(fieldError(wrong.body, 'currentPassword')).toBe('Your current password is not right');
    expect(inputValue(wrong.body, 'newEmail')).toBe('fresh@example.org');
    expect(wrong.body).not.toContain('wrong password');

    const taken = await postForm(
      t,
      '/account/email',
      { newEmail: other.email, currentPassword: PASSWORD },
      session,
    );
    expect(taken.statusCode).toBe(400);
    expect(fieldError(taken.body, 'newEmail')).toBe(
      'That email address cannot be used. Choose a different one',
    );
    const same = await postForm(
      t,
      '/account/email',
      { newEmail: user.email, currentPassword: PASSWORD },
      session,
    );
    expect(fieldError(same.body, 'newEmail')).toBe('That is already your email address');
    expect(await mailTo(t, other.email)).toEqual([]);
  });

  it('refuses the change when the new address was taken after the link was sent', async () => {
    const user = await makeUser(t, ['candidate']);
    const session = await signInSession(t, user);
    const newEmail = uniqueEmail('race');
    await postForm(t, '/account/email', { newEmail, currentPassword: PASSWORD }, session);
    const link = linkIn((await mailTo(t, newEmail))[0], '/account/email/confirm?token=');
    await postAnonymous(t, '/sign-up', '/sign-up', {
      name: 'Quick',
      email: newEmail,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const res = await postForm(t, '/account/email/confirm', { token }, session);
    expect(res.statusCode).toBe(409);
    expect((await api(t, 'GET', '/api/v1/me', { session })).json().email).toBe(user.email);
  });

  it('refuses an email change without the CSRF token', async () => {
    const user = await makeUser(t, ['candidate']);
    const session = await signInSession(t, user);
    const res = await postForm(
      t,
      '/account/email',
      { newEmail: uniqueEmail('x'), currentPassword: PASSWORD },
      session,
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
  });
});
