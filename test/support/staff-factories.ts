import { eq } from 'drizzle-orm';
import { insertSession } from '../../src/modules/accounts/sessions-repository.js';
import { insertUser } from '../../src/modules/accounts/users-repository.js';
import type { ApplicationStatus } from '../../src/modules/applications/schema.js';
import { addExperienceEntry } from '../../src/modules/applications/use-cases/add-experience-entry.js';
import { admitApplication } from '../../src/modules/applications/use-cases/admit-application.js';
import { rejectApplication } from '../../src/modules/applications/use-cases/reject-application.js';
import { requestMoreInformation } from '../../src/modules/applications/use-cases/request-more-information.js';
import { saveEducation } from '../../src/modules/applications/use-cases/save-education.js';
import { saveMembership } from '../../src/modules/applications/use-cases/save-membership.js';
import { savePersonalDetails } from '../../src/modules/applications/use-cases/save-personal-details.js';
import { submitApplication } from '../../src/modules/applications/use-cases/submit-application.js';
import { applyPaymentToApplicationFee } from '../../src/modules/payments/application-fee.js';
import { balanceOf, findFeeBySubject } from '../../src/modules/payments/repository.js';
import { type ProgramPolicy, programPolicySchema } from '../../src/modules/policy/policy.js';
import { findActivePolicy, insertPolicyVersion } from '../../src/modules/policy/repository.js';
import { policyVersions } from '../../src/modules/policy/schema.js';
import { hmac, newSecretToken, sha256Hex } from '../../src/platform/auth/tokens.js';
import { type Ctx, type Role, systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { type TestSession, uniqueEmail } from './sessions.js';
import { TEST_SECRET, type TestApp } from './test-app.js';

/**
 * Applications in a given state, made through the real use cases (the candidate's sections and
 * submit, the payments module's applyPaymentToApplicationFee, the staff decisions), so the rows,
 * fees, ledgers and audit trails are exactly what the system itself writes.
 */

export interface UserRef {
  id: string;
  email: string;
  displayName: string;
}

/** A user without a usable password (made for speed: nobody signs in with it; tests use sessions). */
export async function insertTestUser(t: TestApp, roles: Role[], name = 'Test Person'): Promise<UserRef> {
  const now = t.clock.now();
  const user = { id: uuidv7(now.getTime()), email: uniqueEmail(roles[0]), displayName: name };
  await insertUser(t.services.db, {
    ...user,
    passwordHash: 'not-a-password-hash',
    roles,
    emailVerifiedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return user;
}

export function userCtx(t: TestApp, user: UserRef, roles: Role[]): Ctx {
  return {
    ...t.services,
    requestId: null,
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles,
      emailVerified: true,
      mfaVerified: true,
      mfaEnrolled: roles.includes('staff'),
      via: 'session',
    },
  };
}

/** A browser session for a user; staff sessions that have not passed MFA yet with `mfaVerified: false`. */
export async function sessionOf(
  t: TestApp,
  user: UserRef,
  opts: { mfaVerified?: boolean } = {},
): Promise<TestSession> {
  const cookieValue = newSecretToken();
  const sessionId = sha256Hex(cookieValue);
  await insertSession(t.services.db, {
    id: sessionId,
    userId: user.id,
    now: t.clock.now(),
    mfaVerified: opts.mfaVerified ?? true,
    userAgent: 'test',
  });
  return {
    userId: user.id,
    email: user.email,
    cookie: `lssc_session=${cookieValue}`,
    csrf: hmac(TEST_SECRET, `csrf:s:${sessionId}`),
  };
}

export async function staffMember(t: TestApp, opts: { mfaVerified?: boolean } = {}) {
  const user = await insertTestUser(t, ['staff'], 'Pat Staff');
  return { user, ctx: userCtx(t, user, ['staff']), session: await sessionOf(t, user, opts) };
}

export interface ApplicationOptions {
  status?: Exclude<ApplicationStatus, 'draft'>;
  givenName?: string;
  familyName?: string;
  region?: string;
  member?: boolean;
  paymentMethod?: 'check' | 'card';
}

export interface MadeApplication {
  id: string;
  number: string;
  candidate: UserRef;
  feeId: string;
}

/** A submitted application moved on to the requested status; submitted "now" by t.clock. */
export async function makeApplication(
  t: TestApp,
  staff: Ctx,
  o: ApplicationOptions = {},
): Promise<MadeApplication> {
  const givenName = o.givenName ?? 'Robin';
  const familyName = o.familyName ?? `Reader${Math.random().toString(36).slice(2, 8)}`;
  const candidate = await insertTestUser(t, ['candidate'], `${givenName} ${familyName}`);
  const ctx = userCtx(t, candidate, ['candidate']);
  await savePersonalDetails(ctx, {
    givenName,
    familyName,
    phone: '+1 555 010 0199',
    addressLine1: '12 Example Lane',
    city: 'Springfield',
    region: o.region ?? 'IL',
    postalCode: '62701',
    country: 'US',
  });
  await saveEducation(ctx, { hasHighSchool: true });
  await addExperienceEntry(ctx, {
    library: 'Example County Library',
    libraryType: 'public',
    position: 'Library assistant',
    paid: true,
    startDate: '2015-01-05',
    endDate: null,
    hoursPerWeek: 20,
    totalHours: null,
  });
  await saveMembership(
    ctx,
    o.member ? { isAlaMember: true, alaMemberNumber: '1234567' } : { isAlaMember: false },
  );
  const method = o.paymentMethod ?? (o.status === 'awaiting_payment' ? 'card' : 'check');
  const { application } = await submitApplication(ctx, { paymentMethod: method });
  const fee = (await findFeeBySubject(t.services.db, 'application', application.id))!;
  const made = { id: application.id, number: application.number!, candidate, feeId: fee.id };
  const status = o.status ?? 'awaiting_check';
  if (status === 'awaiting_check' || status === 'awaiting_payment') return made;

  await payInFull(t, made);
  if (status === 'info_requested') {
    await requestMoreInformation(staff, { applicationId: made.id, message: 'Please confirm your hours.' });
  } else if (status === 'admitted') {
    await admitApplication(staff, { applicationId: made.id });
  } else if (status === 'rejected') {
    await rejectApplication(staff, { applicationId: made.id, reason: 'The hours could not be confirmed.' });
  }
  return made;
}

/** Pay the whole fee by card, as the checkout would. */
export async function payInFull(t: TestApp, app: MadeApplication, amountCents?: number): Promise<void> {
  const ctx = systemCtx(t.services, 'test-card');
  await transact(ctx, async (w) => {
    const { balance } = await balanceOf(w.tx, app.feeId);
    await applyPaymentToApplicationFee(w, {
      applicationId: app.id,
      amountCents: amountCents ?? balance.dueCents,
      method: 'card',
      reference: `test-${uuidv7()}`,
      note: null,
      actorId: null,
      at: t.clock.now(),
    });
  });
}

/** Publish a changed policy as the active version (what an administrator's publish will do). */
export async function activatePolicy(t: TestApp, change: (p: ProgramPolicy) => void): Promise<ProgramPolicy> {
  const current = (await findActivePolicy(t.services.db))!;
  const next = structuredClone(current.policy) as ProgramPolicy;
  change(next);
  next.version = `test-${uuidv7()}`;
  const policy = programPolicySchema.parse(next);
  await t.services.db.transaction(async (tx) => {
    await tx.update(policyVersions).set({ active: false }).where(eq(policyVersions.active, true));
    await insertPolicyVersion(tx, { id: uuidv7(), policy, active: true, now: t.clock.now() });
  });
  return policy;
}

/** The newest mail of a kind sent to an address (mail sent in the same millisecond has no order). */
export async function mailOf(t: TestApp, email: string, template: string) {
  const items = (await t.app.inject(`/dev/mail.json?to=${encodeURIComponent(email)}`)).json() as {
    items: Array<{ subject: string; text: string; template: string }>;
  };
  return items.items.find((m) => m.template === template);
}
