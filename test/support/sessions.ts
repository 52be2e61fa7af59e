import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { insertSession } from '../../src/modules/accounts/sessions-repository.js';
import { createUser } from '../../src/modules/accounts/use-cases/create-user.js';
import { hmac, newSecretToken, sha256Hex } from '../../src/platform/auth/tokens.js';
import { type Role, systemCtx } from '../../src/platform/context.js';
import { TEST_SECRET, type TestApp } from './test-app.js';

export interface TestSession {
  userId: string;
  email: string;
  cookie: string;
  csrf: string;
}

let counter = 0;
export const uniqueEmail = (prefix = 'person') =>
  `${prefix}-${Date.now().toString(36)}-${++counter}@example.org`;

/** A user (made through the real use case) with a live session; MFA counts as passed for privileged roles. */
export async function signedInAs(
  t: TestApp,
  roles: Role[],
  opts: { email?: string; name?: string } = {},
): Promise<TestSession> {
  const email = opts.email ?? uniqueEmail(roles[0]);
  const user = await createUser(systemCtx(t.services, 'test'), {
    email,
    displayName: opts.name ?? `Test ${roles.join(' ')}`,
    password: 'correct horse battery staple',
    roles,
  });
  return sessionFor(t, user.id, email);
}

export async function sessionFor(t: TestApp, userId: string, email: string): Promise<TestSession> {
  const cookieValue = newSecretToken();
  const sessionId = sha256Hex(cookieValue);
  await insertSession(t.services.db, {
    id: sessionId,
    userId,
    now: t.clock.now(),
    mfaVerified: true,
    userAgent: 'test',
  });
  return {
    userId,
    email,
    cookie: `lssc_session=${cookieValue}`,
    csrf: hmac(TEST_SECRET, `csrf:s:${sessionId}`),
  };
}

/** POST a form as a browser would (urlencoded, with the CSRF token unless told otherwise). */
export function postForm(
  t: TestApp,
  url: string,
  fields: Record<string, string | string[]>,
  session?: TestSession,
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  if (session && opts.csrf !== false) params.set('_csrf', session.csrf);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(session ? { cookie: session.cookie } : {}),
    },
    payload: params.toString(),
  });
}

export function get(t: TestApp, url: string, session?: TestSession): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
}

/** Call the JSON API with the session cookie (and CSRF header on writes) or a bearer token. */
export function api(
  t: TestApp,
  method: InjectOptions['method'],
  url: string,
  opts: { session?: TestSession; token?: string; body?: unknown } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = opts.session.csrf;
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return t.app.inject({
    method,
    url,
    headers,
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
}

/** Anonymous form posts need the anonymous cookie and its token: fetch the form page first, like a browser. */
export async function anonymousForm(t: TestApp, pageUrl: string): Promise<{ cookie: string; csrf: string }> {
  const page = await t.app.inject({ method: 'GET', url: pageUrl });
  const setCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
  const anon = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lssc_anon='));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!anon || !csrf) throw new Error(`no anonymous CSRF token on ${pageUrl} (status ${page.statusCode})`);
  return { cookie: anon, csrf };
}
