import { eq, inArray } from 'drizzle-orm';
import { applications, experienceEntries } from '../../src/modules/applications/schema.js';
import { chargeFee } from '../../src/modules/payments/charge-fee.js';
import { applyPaymentToFee } from '../../src/modules/payments/fee-payment.js';
import { findActiveFramework } from '../../src/modules/policy/repository.js';
import {
  evaluatorConflicts,
  evaluatorProfiles,
  type PortfolioStatus,
  portfolioAssignments,
  portfolios,
} from '../../src/modules/portfolios/schema.js';
import { systemCtx, transact } from '../../src/platform/context.js';
import { nextInSequence } from '../../src/platform/db/counters.js';
import { uuidv7 } from '../../src/platform/ids.js';
import type { TestSession } from '../support/sessions.js';
import { insertTestUser, sessionOf, type UserRef } from '../support/staff-factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Rows for the assignment tests, written directly: the candidate's portfolio pages and submission
 * are built elsewhere, and assignment only reads a portfolio's status, set, fee and the candidate's
 * application and experience. Fees and payments go through the payments module's own functions.
 */

export interface MadeEvaluator {
  user: UserRef;
  session: TestSession;
}

export interface EvaluatorOptions {
  name?: string;
  setIds?: string[];
  capacity?: number;
  trainedOn?: string | null;
  employer?: string | null;
  active?: boolean;
  conflicts?: Array<{ kind: 'library' | 'person'; value: string }>;
  /** False: the role but no profile yet. */
  profile?: boolean;
}

export async function portfolioEvaluator(t: TestApp, o: EvaluatorOptions = {}): Promise<MadeEvaluator> {
  const user = await insertTestUser(t, ['portfolio_evaluator'], o.name ?? `Eval ${uuidv7().slice(-6)}`);
  const db = t.services.db;
  if (o.profile !== false) {
    await db.insert(evaluatorProfiles).values({
      userId: user.id,
      setIds: o.setIds ?? ['technology'],
      yearlyCapacity: o.capacity ?? 10,
      trainingCompletedOn: o.trainedOn === undefined ? '2026-01-15' : o.trainedOn,
      employer: o.employer ?? null,
      active: o.active ?? true,
      updatedAt: t.clock.now(),
    });
    for (const c of o.conflicts ?? [])
      await db.insert(evaluatorConflicts).values({
        id: uuidv7(),
        evaluatorId: user.id,
        kind: c.kind,
        value: c.value,
        createdAt: t.clock.now(),
      });
  }
  return { user, session: await sessionOf(t, user) };
}

/** Take every existing evaluator out of the pool, so a test's own evaluators are the only ones. */
export async function emptyPool(t: TestApp): Promise<void> {
  await t.services.db.update(evaluatorProfiles).set({ active: false });
}

export interface PortfolioOptions {
  setId?: string;
  givenName?: string;
  familyName?: string;
  employer?: string;
  libraries?: string[];
  paid?: boolean;
  /** A program without a portfolio fee charges none. */
  noFee?: boolean;
  status?: PortfolioStatus;
}

export interface MadePortfolio {
  id: string;
  number: string;
  candidate: UserRef;
  feeId: string | null;
  employer: string;
}

/** A submitted portfolio of an admitted candidate, its fee charged and (unless told) paid in full. */
export async function submittedPortfolio(t: TestApp, o: PortfolioOptions = {}): Promise<MadePortfolio> {
  const givenName = o.givenName ?? 'Robin';
  const familyName = o.familyName ?? `Reader${uuidv7().slice(-6)}`;
  const employer = o.employer ?? `Employer ${uuidv7().slice(-8)} Library`;
  const candidate = await insertTestUser(t, ['candidate'], `${givenName} ${familyName}`);
  const db = t.services.db;
  const now = t.clock.now();
  const framework = (await findActiveFramework(db))!;
  const applicationId = uuidv7();
  await db.insert(applications).values({
    id: applicationId,
    candidateId: candidate.id,
    status: 'admitted',
    details: { personal: { givenName, familyName, employerName: employer, employerType: 'public' } },
    givenName,
    familyName,
    // As an admission a month ago would leave it (a four-year deadline), so certification can follow.
    admittedOn: '2026-10-28',
    deadlineOn: '2030-10-28',
    frameworkVersionId: framework.id,
    createdAt: now,
    updatedAt: now,
  });
  for (const library of o.libraries ?? [])
    await db.insert(experienceEntries).values({
      id: uuidv7(),
      applicationId,
      library,
      libraryType: 'public',
      position: 'Library assistant',
      paid: true,
      startDate: '2018-01-01',
      createdAt: now,
    });
  const ctx = systemCtx(t.services, 'test-portfolio');
  return transact(ctx, async (w) => {
    const id = uuidv7(now.getTime());
    const number = `PF-2026-${String(await nextInSequence(w.tx, 'PF-2026')).padStart(6, '0')}`;
    await w.tx.insert(portfolios).values({
      id,
      candidateId: candidate.id,
      setId: o.setId ?? 'technology',
      frameworkVersionId: framework.id,
      status: o.status ?? 'submitted',
      number,
      statement: 'My statement.',
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    if (o.noFee) return { id, number, candidate, feeId: null, employer };
    const fee = await chargeFee(w, {
      kind: 'portfolio',
      subjectId: id,
      payerUserId: candidate.id,
      member: false,
      currency: 'USD',
      amountCents: 6000,
      now,
    });
    if (o.paid !== false)
      await applyPaymentToFee(w, fee, {
        amountCents: 6000,
        method: 'card',
        reference: `test-${uuidv7()}`,
        note: null,
        actorId: null,
        at: now,
      });
    return { id, number, candidate, feeId: fee.id, employer };
  });
}

export async function assignmentsOf(t: TestApp, portfolioIds: string[]) {
  if (portfolioIds.length === 0) return [];
  return t.services.db
    .select()
    .from(portfolioAssignments)
    .where(inArray(portfolioAssignments.portfolioId, portfolioIds));
}

export async function statusOf(t: TestApp, id: string) {
  const [row] = await t.services.db.select().from(portfolios).where(eq(portfolios.id, id));
  return row!;
}

export interface MailItem {
  to: string;
  subject: string;
  text: string;
  template: string;
}

export async function mailsTo(t: TestApp, email: string, template?: string): Promise<MailItem[]> {
  const items = (await t.app.inject(`/dev/mail.json?to=${encodeURIComponent(email)}`)).json() as {
    items: MailItem[];
  };
  return items.items.filter((m) => !template || m.template === template);
}
