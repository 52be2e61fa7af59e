import type { LightMyRequestResponse } from 'fastify';
import { balanceOf } from '../../src/modules/payments/repository.js';
import { api, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

/** Ask for a refund, waiver or award through the API, as a staff member. */
export function askAdjustment(
  t: TestApp,
  session: TestSession,
  feeId: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return api(t, 'POST', `/api/v1/staff/fees/${feeId}/adjustments`, { session, body });
}

export function decideAdjustment(
  t: TestApp,
  session: TestSession,
  id: string,
  verb: 'approve' | 'decline' | 'withdraw',
  body?: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return api(t, 'POST', `/api/v1/staff/payments/adjustments/${id}/${verb}`, {
    session,
    ...(body ? { body } : {}),
  });
}

/** The fee's entries (kind, amount, method) and its derived balance, read straight from the ledger. */
export async function ledgerOf(t: TestApp, feeId: string) {
  const { entries, balance } = await balanceOf(t.services.db, feeId);
  return {
    entries: entries.map((e) => ({ kind: e.kind, amountCents: e.amountCents, method: e.method })),
    balance,
  };
}

export async function applicationStatus(t: TestApp, id: string): Promise<string> {
  const row = await t.services.db.query.applications.findFirst({ where: (a, { eq }) => eq(a.id, id) });
  return row!.status;
}
