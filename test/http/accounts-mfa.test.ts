import { eq } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { codeFor, fieldError, mailTo, makeUser, PASSWORD, signInSession } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('accounts: authenticator app (MFA) on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const me = async (session: Awaited<ReturnType<typeof signInSession>>) =>
    (await api(t, 'GET', '/api/v1/me', { session })).json();

  it('sends staff with an app to the code page; a wrong code is refused, the right one completes sign-in', async () => {
    const secret = generateSecret();
    const staff = await makeUser(t, ['staff'], { totpSecret: secret });
    const session = await signInSession(t, staff);
    expect((await me(session)).mfaVerified).toBe(false);
    expect((await get(t, '/staff', session)).headers.location).toMatch(/^\/sign-in\/mfa/);
    expect((await get(t, '/account', session)).headers.location).toBe('/sign-in/mfa?next=%2Faccount');
    expect((await get(t, '/sign-in/mfa', session)).statusCode).toBe(200);

    const wrong = await postForm(t, '/sign-in/mfa', { code: '000000' }, session);
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'code')).toContain('That code is not right');
    const malformed = await postForm(t, '/sign-in/mfa', { code: '12ab' }, session);
    expect(fieldError(malformed.body, 'code')).toBe('The code is 6 digits, like 123456');
    expect(fieldError((await postForm(t, '/sign-in/mfa', { code: '' }, session)).body, 'code')).toContain(
      'Enter the 6-digit code',
    );

    const ok = await postForm(t, '/sign-in/mfa', { code: await codeFor(t, secret) }, session);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/staff');
    expect((await me(session)).mfaVerified).toBe(true);
    expect((await get(t, '/sign-in/mfa', session)).headers.location).toBe('/staff');
  });

  it('accepts each code once', async () => {
    const secret = generateSecret();
    const staff = await makeUser(t, ['admin'], { totpSecret: secret });
    t.clock.advance(60_000);
    const code = await codeFor(t, secret);
    const a = await signInSession(t, staff);
    expect((await postForm(t, '/sign-in/mfa', { code }, a)).statusCode).toBe(303);
    const b = await signInSession(t, staff);
    expect((await postForm(t, '/sign-in/mfa', { code }, b)).statusCode).toBe(400);
    expect((await me(b)).mfaVerified).toBe(false);
  });

  it('limits wrong codes: after 5, even the right code gets 429', async () => {
    const secret = generateSecret();
    const staff = await makeUser(t, ['staff'], { totpSecret: secret });
    const session = await signInSession(t, staff);
    for (let i = 0; i < 5; i++)
      expect((await postForm(t, '/sign-in/mfa', { code: '111111' }, session)).statusCode).toBe(400);
    const blocked = await postForm(t, '/sign-in/mfa', { code: await codeFor(t, secret) }, session);
    expect(blocked.statusCode).toBe(429);
    expect((await me(session)).mfaVerified).toBe(false);
  });

  it('forces staff without an app to set one up before anything privileged', async () => {
    const staff = await makeUser(t, ['staff']);
    const session = await signInSession(t, staff);
    expect((await get(t, '/sign-in/mfa', session)).headers.location).toBe('/account/mfa/setup');
    expect((await get(t, '/staff', session)).headers.location).toBe('/sign-in/mfa?next=%2Fstaff');
    expect((await me(session)).mfaVerified).toBe(false);
    expect((await get(t, '/account/tokens', session)).headers.location).toMatch(/^\/sign-in\/mfa/);
    const tokenTry = await api(t, 'POST', '/api/v1/me/tokens', {
      session: session,
      body: { name: 'sneaky' },
    });
    expect(tokenTry.statusCode).toBe(401);
    expect(tokenTry.json().code).toBe('MFA_REQUIRED');

    const page = await get(t, '/account/mfa/setup', session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('src="data:image/svg+xml;base64,');
    expect(page.body).toContain('alt="QR code for your authenticator app"');
    expect(page.body).toContain('Your role needs an authenticator app');
    const [row] = await t.services.db.select().from(users).where(eq(users.id, staff.id));
    expect(row?.totpEnabledAt).toBeNull();
    const secret = row!.totpSecret!;
    expect(page.body).toContain(secret.slice(0, 4));
    // Reloading shows the same secret.
    expect((await get(t, '/account/mfa/setup', session)).body).toContain(secret.slice(0, 4));

    const wrong = await postForm(t, '/account/mfa/setup', { code: '000000' }, session);
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'code')).toContain('not right');
    expect(wrong.body).toContain('data:image/svg+xml');

    const ok = await postForm(t, '/account/mfa/setup', { code: await codeFor(t, secret) }, session);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/staff');
    expect(await me(session)).toMatchObject({ mfaEnabled: true, mfaVerified: true });
    expect((await mailTo(t, staff.email)).map((m) => m.template)).toContain('mfa-enabled');
    expect((await get(t, '/account/mfa/setup', session)).headers.location).toBe('/account');

    // Next time, the code is asked for.
    t.clock.advance(60_000);
    const later = await signInSession(t, staff);
    expect((await me(later)).mfaVerified).toBe(false);
  });

  it('lets a candidate turn the app on and off (with the password), but not staff', async () => {
    const candidate = await makeUser(t, ['candidate']);
    const session = await signInSession(t, candidate);
    expect((await get(t, '/account', session)).body).toContain('Off');
    await get(t, '/account/mfa/setup', session);
    const [row] = await t.services.db.select().from(users).where(eq(users.id, candidate.id));
    t.clock.advance(60_000);
    expect(
      (await postForm(t, '/account/mfa/setup', { code: await codeFor(t, row!.totpSecret!) }, session)).headers
        .location,
    ).toBe('/dashboard');

    expect((await get(t, '/account/mfa/disable', session)).statusCode).toBe(200);
    const wrong = await postForm(t, '/account/mfa/disable', { currentPassword: 'not my password' }, session);
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'currentPassword')).toBe('Your current password is not right');
    const empty = await postForm(t, '/account/mfa/disable', { currentPassword: '' }, session);
    expect(fieldError(empty.body, 'currentPassword')).toBe('Enter your password');
    const off = await postForm(t, '/account/mfa/disable', { currentPassword: PASSWORD }, session);
    expect(off.statusCode).toBe(303);
    expect((await me(session)).mfaEnabled).toBe(false);
    expect((await mailTo(t, candidate.email)).map((m) => m.template)).toContain('mfa-disabled');

    const staff = await signedInAs(t, ['staff']);
    expect((await get(t, '/account/mfa/disable', staff)).statusCode).toBe(403);
    expect((await postForm(t, '/account/mfa/disable', { currentPassword: PASSWORD }, staff)).statusCode).toBe(
      403,
    );
  });

  it('needs a session for the code page', async () => {
    expect((await get(t, '/sign-in/mfa')).headers.location).toBe('/sign-in?next=%2Fsign-in%2Fmfa');
    expect((await postForm(t, '/sign-in/mfa', { code: '123456' })).statusCode).toBe(403);
  });
});
