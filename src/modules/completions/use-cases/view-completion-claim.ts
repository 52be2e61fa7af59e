import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import { type ClaimViewer, claimForViewer, claimNotFound } from '../claim-access.js';
import type { ClaimDetail } from '../claim-repository.js';

export interface ClaimView {
  claim: ClaimDetail;
  as: ClaimViewer;
  /** Whether this viewer may confirm or reject it now. */
  canDecide: boolean;
}

/**
 * One claim, for the candidate who made it, members of the course's provider and staff. `need`
 * narrows it to the page being shown: a provider page for members, a staff page for staff.
 */
export async function viewCompletionClaim(
  ctx: Ctx,
  id: string,
  need?: 'member' | 'staff',
): Promise<ClaimView> {
  const { claim, as } = await claimForViewer(ctx.db, ctx.actor, id);
  if (need === 'member' && as !== 'member') throw claimNotFound();
  if (need === 'staff') {
    if (as === 'candidate') throw claimNotFound();
    requireRole(ctx.actor, 'staff', 'admin');
  }
  return {
    claim,
    as: need === 'staff' ? 'staff' : as,
    canDecide: as !== 'candidate' && claim.completion.status === 'pending',
  };
}

/** The proof file of a claim, for the same people who may see the claim. */
export async function findClaimProof(
  ctx: Ctx,
  id: string,
): Promise<{ key: string; mime: string; fileName: string }> {
  const { claim } = await claimForViewer(ctx.db, ctx.actor, id);
  const c = claim.completion;
  if (!c.proofBlobKey || !c.proofMime || !c.proofFileName) throw notFound('That file');
  return { key: c.proofBlobKey, mime: c.proofMime, fileName: c.proofFileName };
}
