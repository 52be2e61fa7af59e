import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { createUser } from '../../src/modules/accounts/use-cases/create-user.js';
import { hmac, sha256Hex } from '../../src/platform/auth/tokens.js';
import { type Role, systemCtx } from '../../src/platform/context.js';
import { anonymousForm, type TestSession, uniqueEmail } from './sessions.js';
import { TEST_SECRET, type TestApp } from './test-app.js';

export const PASSWORD = 'correct horse battery staple';

export interface MailItem {
  subject: string;
  text: string;
  template: string;
}

/** Mail sent to an address, newest first. */
export async function mailTo(t: TestApp, email: string): Promise<MailItem[]> {
  const res = await t.app.inject({ method: 'GET', url: `/dev/mail.json?to=${encodeURIComponent(email)}` });
  return (res.json() as { items: MailItem[] }).items;
}

/** The path and query of the first link to `path` in a mail's text. */
export function linkIn(mail: MailItem | undefined, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path.replace(/[?]/g, '\\?')}[^\\s]*)`).exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no link to ${path} in mail: ${mail?.subject}`);
  return match[1];
}

export function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  const all = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const found = all.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
  return found?.slice(name.length + 1);
}

/** A session as the browser holds it after the server set the cookie. */
export function sessionFromCookie(userId: string, email: string, value: string): TestSession {
  return {
    userId,
    email,
    cookie: `lssc_session=${value}`,
    csrf: hmac(TEST_SECRET, `csrf:s:${sha256Hex(value)}`),
  };
}

/** Post an anonymous form the way a browser does: load the page (anonymous cookie + token), then submit. */
export async function postAnonymous(
  t: TestApp,
  pageUrl: string,
  postUrl: string,
  fields: Record<string, string>,
  opts: { remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const { cookie, csrf } = await anonymousForm(t, pageUrl);
  return t.app.inject({
    method: 'POST',
    url: postUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
}

export function signInWith(
  t: TestApp,
  email: string,
  password: string,
  opts: { remoteAddress?: string; next?: string } = {},
) {
  return postAnonymous(
    t,
    '/sign-in',
    '/sign-in',
    { email, password, ...(opts.next ? { next: opts.next } : {}) },
    opts,
  );
}

/** Sign in through the form and return the session the server started. */
export async function signInSession(
  t: TestApp,
  user: { id: string; email: string },
  password = PASSWORD,
): Promise<TestSession> {
  const res = await signInWith(t, user.email, password);
  const value = cookieValue(res, 'lssc_session');
  if (res.statusCode !== 303 || !value)
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return sessionFromCookie(user.id, user.email, value);
}

export async function makeUser(
  t: TestApp,
  roles: Role[],
  opts: { totpSecret?: string; emailVerified?: boolean } = {},
) {
  const email = uniqueEmail(roles[0]);
  const user = await createUser(systemCtx(t.services, 'test'), {
    email,
    displayName: `Test ${roles.join(' ')}`,
    password: PASSWORD,
    roles,
    ...opts,
  });
  return { id: user.id, email };
}

/** The code an authenticator app would show at the test clock's "now". */
export function codeFor(t: TestApp, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });
}

/** Field messages and the error summary of a re-shown form. */
export function fieldError(body: string, field: string): string | undefined {
  const m = new RegExp(`id="f-${field}-error"><span class="visually-hidden">Error: </span>([^<]*)<`).exec(
    body,
  );
  return m?.[1];
}

export const hasErrorSummary = (body: string) => body.includes('class="error-summary"');

export function inputValue(body: string, field: string): string | undefined {
  return new RegExp(`id="f-${field}" name="${field}"[^>]*value="([^"]*)"`).exec(body)?.[1];
}
