import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { applications } from '../../src/modules/applications/schema.js';
import { auditEvents } from '../../src/platform/audit/schema.js';
import { api, signedInAs, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

/** Answers that complete the personal section (a US address). */
export const personalDetails = {
  givenName: 'Ada',
  familyName: 'Okafor',
  phone: '+1 555 010 0199',
  addressLine1: '12 Elm Street',
  addressLine2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
  countryOther: '',
  employerName: 'Springfield Public Library',
  employerType: 'public',
  jobTitle: 'Library assistant',
};

/** One job of `hours` total hours, wholly inside the 5-year window of the test clock (2026-11-28). */
export const job = (hours = 1820, overrides: Record<string, unknown> = {}) => ({
  library: 'Springfield Public Library',
  libraryType: 'public',
  position: 'Circulation assistant',
  paid: true,
  startDate: '2022-01-01',
  endDate: '2022-12-31',
  hoursPerWeek: null,
  totalHours: hours,
  ...overrides,
});

export async function candidate(t: TestApp, opts: { verified?: boolean } = {}): Promise<TestSession> {
  const session = await signedInAs(t, ['candidate']);
  if (opts.verified === false)
    await t.services.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, session.userId));
  return session;
}

async function ok(res: Promise<{ statusCode: number; body: string }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r;
}

/** A complete draft through the API: every required section answered, `hours` of library work. */
export async function draftApplication(
  t: TestApp,
  session: TestSession,
  opts: { hours?: number; member?: boolean } = {},
): Promise<void> {
  await ok(api(t, 'PUT', '/api/v1/application/personal', { session, body: personalDetails }));
  await ok(api(t, 'PUT', '/api/v1/application/education', { session, body: { hasHighSchool: true } }));
  await ok(api(t, 'POST', '/api/v1/application/experience', { session, body: job(opts.hours ?? 1820) }), 201);
  const membership = opts.member
    ? { isAlaMember: true, alaMemberNumber: '1234-5678' }
    : { isAlaMember: false };
  await ok(api(t, 'PUT', '/api/v1/application/membership', { session, body: membership }));
}

/** A draft submitted through the API; returns its number. */
export async function submittedApplication(
  t: TestApp,
  session: TestSession,
  paymentMethod: 'card' | 'check',
  opts: { member?: boolean } = {},
): Promise<{ number: string; applicationId: string }> {
  await draftApplication(t, session, opts);
  const res = await ok(api(t, 'POST', '/api/v1/application/submit', { session, body: { paymentMethod } }));
  const number = JSON.parse(res.body).number as string;
  return { number, applicationId: await applicationIdOf(t, session) };
}

/** Start a card checkout and finish it in the sandbox with the given outcome. */
export async function payByCard(t: TestApp, session: TestSession, choice: 'pay' | 'decline' = 'pay') {
  t.clock.advance(60_000);
  const started = JSON.parse((await ok(api(t, 'POST', '/api/v1/application/checkout', { session }))).body);
  const done = await ok(
    api(t, 'POST', `/api/v1/payments/sandbox/${started.checkoutId}`, { session, body: { choice } }),
  );
  return { checkoutId: started.checkoutId as string, outcome: JSON.parse(done.body).outcome as string };
}

export async function applicationIdOf(t: TestApp, session: TestSession): Promise<string> {
  const [row] = await t.services.db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.candidateId, session.userId));
  return row!.id;
}

/** Staff ask the candidate a question, through the real use case (as a staff member with MFA passed). */
export async function staffRequestsInfo(t: TestApp, session: TestSession, question: string): Promise<void> {
  const staff = await signedInAs(t, ['staff']);
  const id = await applicationIdOf(t, session);
  await ok(
    api(t, 'POST', `/api/v1/staff/applications/${id}/request-information`, {
      session: staff,
      body: { message: question },
    }),
  );
  t.clock.advance(60_000);
}

export async function mailTo(
  t: TestApp,
  email: string,
): Promise<Array<{ subject: string; text: string; template: string }>> {
  const res = await t.app.inject(`/dev/mail.json?to=${encodeURIComponent(email)}`);
  return res.json().items;
}

export async function auditActions(t: TestApp, subjectType: string, subjectId: string): Promise<string[]> {
  const rows = await t.services.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, subjectId)))
    .orderBy(asc(auditEvents.seq));
  return rows.map((r) => r.action);
}
