import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { findMembership, findProvider, lockProvider, type ProviderRow } from './repository.js';
import type { ProviderMemberRole } from './schema.js';

export const providerNotFound = () => notFound('That organisation');

export interface ProviderAccess {
  user: UserActor;
  provider: ProviderRow;
  /** Null for program staff looking in from outside. */
  role: ProviderMemberRole | null;
}

/**
 * The provider as this person may see it. Someone who is not a member gets "not found", never
 * "forbidden", so nobody learns which organisations exist. Staff may look at every provider.
 */
export async function providerForViewer(
  db: Queryable,
  actor: Actor,
  providerId: string,
): Promise<ProviderAccess> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(providerId)) throw providerNotFound();
  const membership = await findMembership(db, providerId, user.userId);
  if (!membership) {
    if (!hasRole(actor, 'staff', 'admin')) throw providerNotFound();
    requireRole(actor, 'staff', 'admin'); // staff must have passed MFA
  }
  const provider = await findProvider(db, providerId);
  if (!provider) throw providerNotFound();
  return { user, provider, role: membership?.role ?? null };
}

/**
 * For changes: the provider row locked for the transaction and the acting member's role.
 * Not a member → not found; a member without the required role → forbidden (they know it exists).
 */
export async function providerForChange(
  tx: Queryable,
  actor: Actor,
  providerId: string,
  need: 'member' | 'admin',
): Promise<ProviderAccess & { role: ProviderMemberRole }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(providerId)) throw providerNotFound();
  const provider = await lockProvider(tx, providerId);
  const membership = provider && (await findMembership(tx, providerId, user.userId));
  if (!provider || !membership) throw providerNotFound();
  if (need === 'admin' && membership.role !== 'admin') {
    throw forbidden("Only the organisation's administrators can do that.");
  }
  return { user, provider, role: membership.role };
}
