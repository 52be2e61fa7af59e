import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { requireCandidate } from '../../applications/own-application.js';
import { claimForViewer, claimNotFound } from '../claim-access.js';
import { proofBlobStore } from '../claim-files.js';
import { type CompletionRow, deletePendingClaim } from '../claim-repository.js';

/**
 * The candidate takes back a claim nobody has decided yet: the claim and its proof are removed (the
 * audit trail keeps what it was). A decided claim stays as it is.
 */
export async function withdrawCompletionClaim(
  ctx: Ctx,
  id: string,
): Promise<CompletionRow & { courseNumber: string }> {
  const user = requireCandidate(ctx);
  const removed = await transact(ctx, async (w) => {
    const { claim, as } = await claimForViewer(w.tx, ctx.actor, id);
    if (as !== 'candidate') throw claimNotFound();
    const row = await deletePendingClaim(w.tx, claim.completion.id, user.userId);
    if (!row) throw invalidState('This claim has already been decided, so it can no longer be withdrawn.');
    await w.audit({
      action: 'completion_claim.withdrawn',
      subjectType: 'course_completion',
      subjectId: row.id,
      before: {
        status: 'pending',
        courseNumber: claim.course.number,
        completedOn: row.completedOn,
        proof: { fileName: row.proofFileName, sha256: row.proofSha256 },
      },
      after: null,
    });
    return { ...row, courseNumber: claim.course.number };
  });
  // Only after the commit: a rolled-back withdrawal must keep its proof.
  if (removed.proofBlobKey)
    await proofBlobStore(ctx.config)
      .delete(removed.proofBlobKey)
      .catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not remove a withdrawn proof'));
  return removed;
}
