import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { findUserById } from '../../accounts/users-repository.js';
import { providerForChange } from '../access.js';
import { providerMails } from '../mails.js';
import {
  countAdmins,
  deleteMembership,
  dropProviderRoleIfUnused,
  findMembership,
  type ProviderRow,
} from '../repository.js';
import type { ProviderMemberRole } from '../schema.js';

const LAST_ADMIN =
  'An organisation needs at least one administrator. Invite another administrator first, then try again.';

/**
 * Take someone out of a provider (the provider row is locked, so two removals cannot both pass the
 * last-administrator check). They lose the provider_member role when they belong to no other provider.
 */
export async function endMembership(
  ctx: Ctx,
  w: Work,
  provider: ProviderRow,
  userId: string,
  role: ProviderMemberRole,
  action: 'provider.member_removed' | 'provider.member_left',
): Promise<{ roleDropped: boolean }> {
  if (role === 'admin' && (await countAdmins(w.tx, provider.id)) <= 1) throw invalidState(LAST_ADMIN);
  await deleteMembership(w.tx, provider.id, userId);
  const roleDropped = await dropProviderRoleIfUnused(w.tx, userId, ctx.clock.now());
  await w.audit({
    action,
    subjectType: 'provider',
    subjectId: provider.id,
    before: { userId, role },
    after: { roleDropped },
  });
  return { roleDropped };
}

/** An administrator removes a member (or another administrator); the person is told by mail. */
export async function removeProviderMember(
  ctx: Ctx,
  providerId: string,
  userId: string,
): Promise<{ roleDropped: boolean }> {
  return transact(ctx, async (w) => {
    const { user, provider } = await providerForChange(w.tx, ctx.actor, providerId, 'admin');
    const membership = UUID_PATTERN.test(userId)
      ? await findMembership(w.tx, provider.id, userId)
      : undefined;
    if (!membership) throw notFound('That member');
    const result = await endMembership(ctx, w, provider, userId, membership.role, 'provider.member_removed');
    const removed = await findUserById(w.tx, userId);
    if (removed && userId !== user.userId) {
      await w.mail(providerMails.removed(removed.email, removed.displayName, provider.name));
    }
    return result;
  });
}
