import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { cookieValue } from './accounts.js';
import { api, signedInAs, type TestSession } from './sessions.js';
import { mailOf } from './staff-factories.js';
import type { TestApp } from './test-app.js';

/** A complete, valid provider profile (field names as the form and the API use them). */
export const providerProfile = (overrides: Record<string, string> = {}) => ({
  name: 'Prairie Library Cooperative',
  type: 'regional_cooperative',
  country: 'US',
  region: 'IL',
  city: 'Springfield',
  website: 'https://prairie.example.org',
  contactEmail: 'Courses@Prairie.example.org',
  phone: '+1 555 010 0100',
  description: 'Workshops for library staff across central Illinois.',
  ...overrides,
});

/** A signed-in person (candidate role, verified email) who registered a provider through the API. */
export async function providerAdmin(
  t: TestApp,
  overrides: Record<string, string> = {},
): Promise<{ session: TestSession; providerId: string }> {
  const session = await signedInAs(t, ['candidate']);
  const providerId = await registerVia(t, session, overrides);
  return { session, providerId };
}

export async function registerVia(
  t: TestApp,
  session: TestSession,
  overrides: Record<string, string> = {},
): Promise<string> {
  const res = await api(t, 'POST', '/api/v1/providers', { session, body: providerProfile(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Invite by the API and return the token from the mailed link. */
export async function invite(
  t: TestApp,
  admin: TestSession,
  providerId: string,
  email: string,
  role: 'admin' | 'member' = 'member',
): Promise<string> {
  const res = await api(t, 'POST', `/api/v1/providers/${providerId}/invitations`, {
    session: admin,
    body: { email, role },
  });
  expect(res.statusCode, res.body).toBe(201);
  return tokenFromMail(t, email);
}

export async function tokenFromMail(t: TestApp, email: string): Promise<string> {
  const mail = await mailOf(t, email, 'provider-invitation');
  const token = /\/invitations\/accept\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in mail to ${email}`);
  return token;
}

/** A new person who joined the provider by invitation. */
export async function joinedMember(
  t: TestApp,
  admin: TestSession,
  providerId: string,
  role: 'admin' | 'member' = 'member',
): Promise<TestSession> {
  const person = await signedInAs(t, ['candidate']);
  const token = await invite(t, admin, providerId, person.email, role);
  const res = await api(t, 'POST', '/api/v1/invitations/accept', { session: person, body: { token } });
  expect(res.statusCode, res.body).toBe(200);
  return person;
}

export async function rolesOf(t: TestApp, session: TestSession): Promise<string[]> {
  const res = await api(t, 'GET', '/api/v1/me', { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().roles as string[];
}

/** Follow a 303 like a browser: the next page, with the flash cookie the redirect set. */
export async function follow(t: TestApp, res: LightMyRequestResponse, session: TestSession) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const flash = cookieValue(res, 'lssc_flash');
  return t.app.inject({
    method: 'GET',
    url: res.headers.location as string,
    headers: { cookie: flash ? `${session.cookie}; lssc_flash=${flash}` : session.cookie },
  });
}
