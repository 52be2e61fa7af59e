import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { findUserById } from '../../accounts/users-repository.js';
import { findApplicationById } from '../../applications/repository.js';
import { parseInput } from '../../applications/validate.js';
import { certifyIfComplete } from '../../certification/certify-if-complete.js';
import { checkId, requireStaff } from '../access.js';
import { type GraduationClaimRow, lockClaimForApplication, updateClaim } from '../claims-repository.js';
import { rejectProofSchema } from '../forms.js';
import { recordAgreementSets } from '../graduate-credit.js';
import { proofRejectedMail, proofVerifiedMail } from '../mails.js';
import { findAgreementListing } from '../repository.js';

async function pendingClaim(w: Work, applicationId: string): Promise<GraduationClaimRow> {
  const claim = await lockClaimForApplication(w.tx, applicationId);
  if (!claim) throw notFound('That proof of graduation');
  if (claim.status !== 'pending')
    throw invalidState(
      claim.status === 'verified'
        ? 'This graduation is already verified.'
        : 'This proof was already rejected; the candidate can send a new one.',
    );
  return claim;
}

export interface VerifyResult {
  claim: GraduationClaimRow;
  /** Sets recorded now (only once the application is admitted). */
  setsRecorded: string[];
  certified: boolean;
}

/**
 * Staff verify the proof of graduation. If the application is already admitted the agreement's
 * sets are recorded at once and certification follows when they complete the program; otherwise
 * that happens on admission.
 */
export async function verifyGraduation(ctx: Ctx, applicationId: string): Promise<VerifyResult> {
  const staff = requireStaff(ctx);
  checkId(applicationId, 'That application');
  return transact(ctx, async (w) => {
    const before = await pendingClaim(w, applicationId);
    const now = ctx.clock.now();
    const claim = await updateClaim(w.tx, before.id, {
      status: 'verified',
      decidedBy: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'graduation_claim.verified',
      subjectType: 'graduation_claim',
      subjectId: claim.id,
      before: { status: 'pending' },
      after: { status: 'verified', applicationId },
    });
    const application = (await findApplicationById(w.tx, applicationId))!;
    const person = await findUserById(w.tx, claim.candidateId);
    const listing = await findAgreementListing(w.tx, claim.agreementId);
    if (person && listing)
      await w.mail(
        proofVerifiedMail(ctx, person, {
          applicationNumber: application.number,
          program: `${listing.program.name}, ${listing.college.name}`,
        }),
      );
    const setsRecorded = await recordAgreementSets(ctx, w, applicationId);
    const made = setsRecorded.length > 0 ? await certifyIfComplete(ctx, w, [claim.candidateId]) : [];
    return { claim, setsRecorded, certified: made.length > 0 };
  });
}

/** Staff reject the proof with a reason; the candidate is mailed and may send a new one. */
export async function rejectGraduationProof(
  ctx: Ctx,
  applicationId: string,
  raw: unknown,
): Promise<GraduationClaimRow> {
  const staff = requireStaff(ctx);
  checkId(applicationId, 'That application');
  const { reason } = parseInput(rejectProofSchema, raw);
  return transact(ctx, async (w) => {
    const before = await pendingClaim(w, applicationId);
    const now = ctx.clock.now();
    const claim = await updateClaim(w.tx, before.id, {
      status: 'rejected',
      rejectionReason: reason,
      decidedBy: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'graduation_claim.rejected',
      subjectType: 'graduation_claim',
      subjectId: claim.id,
      before: { status: 'pending' },
      after: { status: 'rejected', reason },
    });
    const application = (await findApplicationById(w.tx, applicationId))!;
    const person = await findUserById(w.tx, claim.candidateId);
    if (person)
      await w.mail(proofRejectedMail(ctx, person, { applicationNumber: application.number, reason }));
    return claim;
  });
}
