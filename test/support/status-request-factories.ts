import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { certifications } from '../../src/modules/certification/schema.js';
import { api, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

export type Decision = 'approve' | 'decline' | 'withdraw';

export const REASON = 'Misconduct reported by the employer and confirmed by the program office.';

/** Ask for a change of a certification through the JSON API. */
export function requestChange(
  t: TestApp,
  session: TestSession | undefined,
  certificationId: string,
  body: Record<string, unknown>,
) {
  return api(t, 'POST', `/api/v1/staff/certifications/${certificationId}/status-requests`, {
    ...(session ? { session } : {}),
    body,
  });
}

/** Approve, decline or withdraw a request through the JSON API. */
export function decideRequest(
  t: TestApp,
  session: TestSession | undefined,
  requestId: string,
  decision: Decision,
  body?: Record<string, unknown>,
) {
  return api(t, 'POST', `/api/v1/staff/certification-status-requests/${requestId}/${decision}`, {
    ...(session ? { session } : {}),
    ...(body ? { body } : {}),
  });
}

/** A pending request made by `requester`; its id. */
export async function pendingRequest(
  t: TestApp,
  requester: TestSession,
  certificationId: string,
  action: 'suspend' | 'revoke' | 'reinstate',
  reason = REASON,
): Promise<string> {
  const res = await requestChange(t, requester, certificationId, { action, reason });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Requested by one staff member and approved by another: the change is in effect. */
export async function approvedChange(
  t: TestApp,
  staff: readonly [TestSession, TestSession],
  certificationId: string,
  action: 'suspend' | 'revoke' | 'reinstate',
  reason = REASON,
): Promise<string> {
  const id = await pendingRequest(t, staff[0], certificationId, action, reason);
  const res = await decideRequest(t, staff[1], id, 'approve');
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

export async function statusOf(t: TestApp, certificationId: string) {
  const [row] = await t.services.db
    .select({ status: certifications.status, updatedAt: certifications.updatedAt })
    .from(certifications)
    .where(eq(certifications.id, certificationId));
  return row!;
}

/** What anyone checking the certificate is told: the JSON standing and the public page. */
export async function publicStanding(t: TestApp, number: string) {
  const json = (await t.app.inject(`/api/v1/verifications/${number}`)).json() as { standing: string };
  const page = await t.app.inject(`/verify/${number}`);
  return { standing: json.standing, page: page.body };
}
