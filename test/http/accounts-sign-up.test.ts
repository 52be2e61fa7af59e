import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import {
  cookieValue,
  fieldError,
  hasErrorSummary,
  inputValue,
  linkIn,
  mailTo,
  PASSWORD,
  postAnonymous,
  sessionFromCookie,
} from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { anonymousForm, api, get, postForm, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('accounts: sign up and verify email on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const signUp = (fields: Record<string, string>) => postAnonymous(t, '/sign-up', '/sign-up', fields);
  const form = (email: string, extra: Record<string, string> = {}) => ({
    name: 'Rosa Parks',
    email,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...extra,
  });
  const usersWith = (email: string) => t.services.db.select().from(users).where(eq(users.email, email));

  it('creates a candidate, signs them in, and mails a link that works once', async () => {
    const email = uniqueEmail('new');
    const res = await signUp(form(email.toUpperCase()));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-up/check-email');
    const [row] = await usersWith(email);
    expect(row?.roles).toEqual(['candidate']);
    expect(row?.emailVerifiedAt).toBeNull();

    const session = sessionFromCookie(row!.id, email, cookieValue(res, 'lssc_session')!);
    const me = await api(t, 'GET', '/api/v1/me', { session });
    expect(me.json()).toMatchObject({
      email,
      name: 'Rosa Parks',
      roles: ['candidate'],
      emailVerified: false,
      mfaVerified: true,
    });

    const [mail] = await mailTo(t, email);
    expect(mail?.template).toBe('verify-email');
    const link = linkIn(mail, '/verify-email?token=');
    const first = await get(t, link, session);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Your email address is confirmed');
    expect((await api(t, 'GET', '/api/v1/me', { session })).json().emailVerified).toBe(true);

    const second = await get(t, link);
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('expired or has already been used');
  });

  it('answers the same for an address that already has an account, creates nothing, and tells the owner', async () => {
    const email = uniqueEmail('taken');
    const first = await signUp(form(email));
    const again = await signUp(
      form(email, {
        name: 'Someone Else',
        password: 'another long passphrase',
        confirmPassword: 'another long passphrase',
      }),
    );
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.headers.location).toBe(first.headers.location);
    expect(cookieValue(again, 'lssc_session')).toBeUndefined();
    expect(await usersWith(email)).toHaveLength(1);
    const mails = await mailTo(t, email);
    expect(mails.map((m) => m.template).sort()).toEqual(['sign-up-existing', 'verify-email']);
    expect(mails.find((m) => m.template === 'sign-up-existing')?.text).toContain('reset');

    const page = await get(t, '/sign-up/check-email');
    expect(page.body).toContain('Check your email');
  });

  it('re-shows the form with messages at each field, an error summary, and what was typed (not passwords)', async () => {
    const empty = await signUp({ name: '', email: '', password: '', confirmPassword: '' });
    expect(empty.statusCode).toBe(400);
    expect(hasErrorSummary(empty.body)).toBe(true);
    expect(fieldError(empty.body, 'name')).toBe('Enter your name');
    expect(fieldError(empty.body, 'email')).toBe('Enter your email address');
    expect(fieldError(empty.body, 'password')).toBe('Enter a password');

    const bad = await signUp({
      name: 'Ann Lee',
      email: 'not-an-email',
      password: 'short',
      confirmPassword: 'different',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'email')).toContain('right format');
    expect(fieldError(bad.body, 'password')).toBe('Use at least 12 characters');
    expect(fieldError(bad.body, 'confirmPassword')).toBe('The passwords do not match');
    expect(inputValue(bad.body, 'name')).toBe('Ann Lee');
    expect(inputValue(bad.body, 'email')).toBe('not-an-email');
    expect(bad.body).not.toContain('value="short"');
    expect(bad.body).not.toContain('value="different"');

    const short = await signUp(
      form(uniqueEmail('short'), { password: 'elevenchars', confirmPassword: 'elevenchars' }),
    );
    expect(fieldError(short.body, 'password')).toBe('Use at least 12 characters');

    const common = await signUp(
      form(uniqueEmail('common'), { password: 'password1234', confirmPassword: 'password1234' }),
    );
    expect(common.statusCode).toBe(400);
    expect(fieldError(common.body, 'password')).toContain('too common');

    const email = uniqueEmail('marylibrarian');
    const local = email.split('@')[0]!;
    const mine = await signUp(
      form(email, { password: `my ${local} pass`, confirmPassword: `my ${local} pass` }),
    );
    expect(mine.statusCode).toBe(400);
    expect(fieldError(mine.body, 'password')).toContain('must not contain your email');
    expect(await usersWith(email)).toHaveLength(0);

    const long = await signUp(
      form(uniqueEmail('long'), {
        name: 'x'.repeat(121),
        password: 'y'.repeat(201),
        confirmPassword: 'y'.repeat(201),
      }),
    );
    expect(fieldError(long.body, 'name')).toContain('at most 120');
    expect(fieldError(long.body, 'password')).toContain('at most 200');
  });

  it('refuses a sign-up posted without the CSRF token', async () => {
    const { cookie } = await anonymousForm(t, '/sign-up');
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-up',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams(form(uniqueEmail('csrf'))).toString(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('resends the verification link to a signed-in person; the older link stops working', async () => {
    const email = uniqueEmail('resend');
    const res = await signUp(form(email));
    const [row] = await usersWith(email);
    const session = sessionFromCookie(row!.id, email, cookieValue(res, 'lssc_session')!);
    const oldLink = linkIn((await mailTo(t, email))[0], '/verify-email?token=');
    t.clock.advance(1000); // mail is listed newest first
    const resent = await postForm(t, '/verify-email/resend', {}, session);
    expect(resent.statusCode).toBe(303);
    const mails = await mailTo(t, email);
    expect(mails.filter((m) => m.template === 'verify-email')).toHaveLength(2);
    expect((await get(t, oldLink)).statusCode).toBe(400);
    expect((await get(t, linkIn(mails[0], '/verify-email?token='))).statusCode).toBe(200);
    expect((await postForm(t, '/verify-email/resend', {}, session)).headers.location).toBe('/account');
    expect((await postForm(t, '/verify-email/resend', {})).statusCode).toBe(403);
  });

  it('API: signs up with 202 whether or not the address is new, and names bad fields', async () => {
    const csrfRes = await t.app.inject({ method: 'GET', url: '/api/v1/session/csrf' });
    const cookie = `lssc_anon=${cookieValue(csrfRes, 'lssc_anon')}`;
    const headers = { cookie, 'x-csrf-token': csrfRes.json().csrfToken as string };
    const email = uniqueEmail('api');
    const body = { name: 'Api Person', email, password: PASSWORD };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/sign-up', headers, payload: body });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/sign-up', headers, payload: body });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    expect(cookieValue(first, 'lssc_session')).toBeUndefined();
    expect(await usersWith(email)).toHaveLength(1);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sign-up',
      headers,
      payload: { name: '', email: 'x', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.json().errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'password']);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sign-up',
      headers,
      payload: { ...body, email: uniqueEmail('w'), password: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { field: 'password', message: expect.stringContaining('too common') },
    ]);

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/sign-up', payload: body });
    expect(noCsrf.statusCode).toBe(403);
  });
});
