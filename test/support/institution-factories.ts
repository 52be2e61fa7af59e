import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { applications } from '../../src/modules/applications/schema.js';
import { fees, ledgerEntries } from '../../src/modules/payments/schema.js';
import { applicationIdOf, candidate, draftApplication, mailTo } from './factories.js';
import { api, postForm, signedInAs, type TestSession, uniqueEmail } from './sessions.js';
import type { TestApp } from './test-app.js';

export const NON_MEMBER = 35000;
export const MEMBER = 32500;

export async function ok(res: Promise<{ statusCode: number; body: string }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body || 'null');
}

/** A signed-in person who registered an institution through the API, and its id. */
export async function institutionWithContact(
  t: TestApp,
  name = 'Springfield Public Library',
): Promise<{ contact: TestSession; institutionId: string }> {
  const contact = await signedInAs(t, ['candidate'], { name: 'Carla Contact' });
  const body = {
    name,
    kind: 'library',
    region: 'Illinois',
    billingAddress: '1 Main Street\nSpringfield, IL 62701',
  };
  const row = await ok(api(t, 'POST', '/api/v1/institutions', { session: contact, body }), 201);
  return { contact, institutionId: row.id };
}

/** A candidate who submitted their application choosing "my institution pays" this institution. */
export async function appliedWithInstitution(
  t: TestApp,
  institutionId: string,
  opts: { member?: boolean } = {},
): Promise<{ session: TestSession; applicationId: string; number: string }> {
  const session = await candidate(t);
  await draftApplication(t, session, opts);
  const res = await ok(
    api(t, 'POST', '/api/v1/application/submit', {
      session,
      body: { paymentMethod: 'institution', institutionId },
    }),
  );
  return { session, applicationId: await applicationIdOf(t, session), number: res.number };
}

export const applicantList = (n: number, prefix = 'applicant') =>
  Array.from({ length: n }, (_, i) => ({
    name: `Applicant ${i + 1}`,
    email: uniqueEmail(`${prefix}${i + 1}`),
  }));

export function sendPo(
  t: TestApp,
  contact: TestSession,
  institutionId: string,
  body: { poNumber: string; amountCents: unknown; applicants: unknown },
) {
  return api(t, 'POST', `/api/v1/institutions/${institutionId}/purchase-orders`, { session: contact, body });
}

export async function statusOf(t: TestApp, applicationId: string): Promise<string> {
  const [row] = await t.services.db
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row!.status;
}

/** The ledger payments on an application's fee. */
export async function feePayments(t: TestApp, applicationId: string) {
  return t.services.db
    .select({
      amountCents: ledgerEntries.amountCents,
      method: ledgerEntries.method,
      reference: ledgerEntries.reference,
    })
    .from(ledgerEntries)
    .innerJoin(fees, eq(fees.id, ledgerEntries.feeId))
    .where(sql`${fees.subjectId} = ${applicationId} and ${ledgerEntries.kind} = 'payment'`);
}

/** Row counts of the tables a purchase order writes: a refused order must leave them all unchanged. */
export async function poRowCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'purchase_orders',
    'invoices',
    'invoice_lines',
    'mail_outbox',
    'audit_events',
    'reference_counters',
  ]) {
    const { rows } = await t.handle.raw.query(`select count(*)::int as n from ${table}`);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

/** The token in the applicant invitation mailed to this address. */
export async function invitationToken(t: TestApp, email: string): Promise<string> {
  const mails = await mailTo(t, email);
  const mail = mails.find((m) => m.template === 'institution-applicant-invitation');
  const token = /apply\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no applicant invitation mailed to ${email}`);
  return token;
}

/** The invited person creates an account with the invited address and accepts through the page. */
export async function acceptedInvitation(t: TestApp, email: string): Promise<TestSession> {
  const token = await invitationToken(t, email);
  const session = await signedInAs(t, ['candidate'], { email });
  const res = await postForm(t, '/institution-invitations/apply', { token }, session);
  expect(res.statusCode, res.body).toBe(303);
  return session;
}

/** Draft complete, then submit with the institution already chosen by the invitation. */
export async function submitAsInvited(t: TestApp, session: TestSession, opts: { member?: boolean } = {}) {
  await draftApplication(t, session, opts);
  const res = await ok(
    api(t, 'POST', '/api/v1/application/submit', { session, body: { paymentMethod: 'institution' } }),
  );
  return {
    number: res.number as string,
    status: res.status as string,
    applicationId: await applicationIdOf(t, session),
  };
}

export function recordPayment(
  t: TestApp,
  staff: TestSession,
  invoiceId: string,
  body: { method: string; amountCents: unknown; reference: string; receivedOn: string },
) {
  return api(t, 'POST', `/api/v1/institutions/invoices/${invoiceId}/payments`, { session: staff, body });
}
