import { eq } from 'drizzle-orm';
import { applications, setAchievements } from '../../src/modules/applications/schema.js';
import { type CertificationStatus, certifications } from '../../src/modules/certification/schema.js';
import { frameworkVersions, policyVersions } from '../../src/modules/policy/schema.js';
import { nextInSequence } from '../../src/platform/db/counters.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { signedInAs, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

export interface CertifiedHolder {
  session: TestSession;
  certificationId: string;
  number: string;
}

export const defaultSetsAchieved = [
  ['foundations', 'course', '2026-03-02'],
  ['technology', 'portfolio', '2026-06-15'],
  ['access-services', 'agreement', '2026-09-30'],
] as const;

/**
 * A candidate with an admitted application, sets achieved and a certification row, inserted
 * directly (the automatic certification is its own use case, tested on its own).
 */
export async function certifiedHolder(
  t: TestApp,
  opts: {
    givenName?: string;
    familyName?: string;
    region?: string | null;
    status?: CertificationStatus;
    certifiedOn?: string;
    expiresOn?: string;
    inRegistry?: boolean;
  } = {},
): Promise<CertifiedHolder> {
  const session = await signedInAs(t, ['candidate']);
  const db = t.services.db;
  const [policy] = await db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(eq(policyVersions.active, true));
  const [framework] = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.active, true));
  const now = t.clock.now();
  const applicationId = uuidv7();
  await db.insert(applications).values({
    id: applicationId,
    candidateId: session.userId,
    status: 'admitted',
    givenName: opts.givenName ?? 'Ada',
    familyName: opts.familyName ?? 'Okafor',
    country: 'US',
    region: opts.region === undefined ? 'IL' : opts.region,
    admittedOn: '2025-11-28',
    deadlineOn: '2029-11-28',
    policyVersionId: policy!.id,
    frameworkVersionId: framework!.id,
    createdAt: now,
    updatedAt: now,
  });
  for (const [setId, how, on] of defaultSetsAchieved)
    await db.insert(setAchievements).values({
      id: uuidv7(),
      candidateId: session.userId,
      setId,
      how,
      achievedOn: on,
      createdAt: now,
    });
  const number = `CLSS-2026-${String(await nextInSequence(db, 'CLSS-2026')).padStart(6, '0')}`;
  const certificationId = uuidv7();
  await db.insert(certifications).values({
    id: certificationId,
    candidateId: session.userId,
    applicationId,
    number,
    status: opts.status ?? 'active',
    certifiedOn: opts.certifiedOn ?? '2026-09-30',
    expiresOn: opts.expiresOn ?? '2030-09-30',
    basis: 'automatic',
    inRegistry: opts.inRegistry ?? false,
    createdAt: now,
    updatedAt: now,
  });
  return { session, certificationId, number };
}
