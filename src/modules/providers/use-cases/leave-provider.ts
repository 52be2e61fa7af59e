import { type Ctx, transact } from '../../../platform/context.js';
import { providerForChange } from '../access.js';
import { endMembership } from './remove-provider-member.js';

/** A member leaves; the last administrator cannot (someone must be able to manage the organisation). */
export async function leaveProvider(ctx: Ctx, providerId: string): Promise<{ roleDropped: boolean }> {
  return transact(ctx, async (w) => {
    const { user, provider, role } = await providerForChange(w.tx, ctx.actor, providerId, 'member');
    return endMembership(ctx, w, provider, user.userId, role, 'provider.member_left');
  });
}
