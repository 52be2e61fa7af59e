import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { forbidden, invalidState, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { findMembership } from '../providers/repository.js';
import {
  findRosterImport,
  lockRosterImport,
  type RosterImportRow,
  type RosterImportWithProvider,
} from './roster-repository.js';

export const rosterNotFound = () => notFound('That roster');
export const heldRowNotFound = () => notFound('That roster row');

/**
 * Whether this person may see a provider's rosters: its members, and program staff (after MFA).
 * Anyone else is told "not found", so nobody learns which rosters exist. `member` is false for staff.
 */
export async function rosterViewerOf(
  db: Queryable,
  actor: Actor,
  providerId: string,
  notFoundError: () => Error,
): Promise<{ user: UserActor; member: boolean }> {
  const user = requireUser(actor);
  if (await findMembership(db, providerId, user.userId)) return { user, member: true };
  if (!hasRole(actor, 'staff', 'admin')) throw notFoundError();
  requireRole(actor, 'staff', 'admin');
  return { user, member: false };
}

export async function rosterForViewer(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<{ user: UserActor; roster: RosterImportWithProvider; member: boolean }> {
  requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw rosterNotFound();
  const roster = await findRosterImport(db, id);
  if (!roster) throw rosterNotFound();
  return { ...(await rosterViewerOf(db, actor, roster.providerId, rosterNotFound)), roster };
}

/**
 * For confirming or discarding: the roster locked for the transaction. Only the provider's members
 * decide what they reported; staff (who can see it) are told so, anyone else gets "not found".
 */
export async function rosterForDecision(
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<{ user: UserActor; roster: RosterImportRow }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw rosterNotFound();
  const roster = await lockRosterImport(tx, id);
  if (!roster) throw rosterNotFound();
  if (!(await findMembership(tx, roster.providerId, user.userId))) {
    if (!hasRole(actor, 'staff', 'admin')) throw rosterNotFound();
    requireRole(actor, 'staff', 'admin');
    throw forbidden('Only members of the provider that sent a roster can confirm or discard it.');
  }
  return { user, roster };
}

/** A roster is confirmed or discarded once. */
export const alreadyDecided = (roster: Pick<RosterImportRow, 'status'>) =>
  invalidState(
    roster.status === 'applied'
      ? 'This roster was already confirmed; its completions are recorded.'
      : 'This roster was discarded, so it cannot be confirmed or discarded again. Upload it again if it is needed.',
  );
