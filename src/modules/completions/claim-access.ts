import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { invalidState, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { type ApplicationRow, findCurrentApplication } from '../applications/repository.js';
import { findMembership } from '../providers/repository.js';
import { type ClaimDetail, findClaim } from './claim-repository.js';

export const claimNotFound = () => notFound('That completion claim');

/** How the viewer stands to a claim: the candidate who made it, a member of the course's provider, or staff. */
export type ClaimViewer = 'candidate' | 'member' | 'staff';

/**
 * The claim as this person may see it: the candidate who made it, members of the course's provider,
 * and staff (after MFA). Anyone else gets "not found", exactly as for an id that does not exist.
 */
export async function claimForViewer(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<{ user: UserActor; claim: ClaimDetail; as: ClaimViewer }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw claimNotFound();
  const claim = await findClaim(db, id);
  if (!claim) throw claimNotFound();
  if (claim.completion.candidateId === user.userId) return { user, claim, as: 'candidate' };
  if (await findMembership(db, claim.course.providerId, user.userId)) return { user, claim, as: 'member' };
  if (!hasRole(actor, 'staff', 'admin')) throw claimNotFound();
  requireRole(actor, 'staff', 'admin'); // staff must have passed MFA
  return { user, claim, as: 'staff' };
}

/** Courses can be reported once the application has a number (submitted or later) and was not rejected. */
export function canClaimWith(application: ApplicationRow | undefined): application is ApplicationRow {
  return !!application?.number && application.status !== 'rejected';
}

export async function claimantApplication(db: Queryable, candidateId: string): Promise<ApplicationRow> {
  const application = await findCurrentApplication(db, candidateId);
  if (!canClaimWith(application))
    throw invalidState(
      'You can report a completed course once you have submitted your application to the program.',
    );
  return application;
}
