import type { Ctx, Work } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { findApplicationById } from '../applications/repository.js';
import { insertAgreementAchievements, lockClaimForApplication, updateClaim } from './claims-repository.js';
import { findAgreement } from './repository.js';

/**
 * Inside the caller's transaction (an admission or a verification, in either order): once the
 * application is admitted and its graduation verified, the agreement's sets are achieved "by
 * agreement". They are dated on the admission day: the program counts a set from the day the
 * graduate is in it, so with full coverage the certification is dated on admission and its
 * 4 years run from there, not from a graduation that may be years older. Runs once per claim.
 * The caller runs certifyIfComplete afterwards. Returns the set ids newly recorded.
 */
export async function recordAgreementSets(ctx: Ctx, w: Work, applicationId: string): Promise<string[]> {
  const claim = await lockClaimForApplication(w.tx, applicationId);
  if (claim?.status !== 'verified' || claim.setsRecordedAt) return [];
  const application = await findApplicationById(w.tx, applicationId);
  if (application?.status !== 'admitted' || !application.admittedOn) return [];
  const agreement = (await findAgreement(w.tx, claim.agreementId))!;
  const now = ctx.clock.now();
  const recorded = await insertAgreementAchievements(
    w.tx,
    agreement.coveredSetIds.map((setId) => ({
      id: uuidv7(now.getTime()),
      candidateId: claim.candidateId,
      setId,
      how: 'agreement' as const,
      achievedOn: application.admittedOn!,
      sourceRef: agreement.reference,
      createdAt: now,
    })),
  );
  await updateClaim(w.tx, claim.id, { setsRecordedAt: now, updatedAt: now });
  await w.audit({
    action: 'graduation_claim.sets_recorded',
    subjectType: 'graduation_claim',
    subjectId: claim.id,
    after: {
      agreement: agreement.reference,
      achievedOn: application.admittedOn,
      recorded,
      alreadyAchieved: agreement.coveredSetIds.filter((s) => !recorded.includes(s)),
    },
  });
  return recorded;
}
