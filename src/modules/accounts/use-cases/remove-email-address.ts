import type { Ctx } from '../../../platform/context.js';
import { transact } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireFullSignIn } from '../access.js';
import { deleteEmailAddress, invalidateAddEmailTokens } from '../email-addresses-repository.js';

/** Remove an additional address, confirmed or still waiting; the primary one cannot be removed. */
export async function removeEmailAddress(ctx: Ctx, raw: { id: string }): Promise<{ email: string }> {
  const actor = requireFullSignIn(ctx.actor);
  if (raw.id === actor.userId) {
    throw invalidState(
      'You cannot remove your primary email address. Make another address primary first, then remove this one.',
    );
  }
  if (!UUID_PATTERN.test(raw.id)) throw notFound('That email address');
  return transact(ctx, async (w) => {
    const row = await deleteEmailAddress(w.tx, actor.userId, raw.id);
    if (!row) throw notFound('That email address');
    // A link still in that inbox must not bring the address back.
    await invalidateAddEmailTokens(w.tx, actor.userId, row.email, ctx.clock.now());
    await w.audit({
      action: 'user.email_address_removed',
      subjectType: 'user',
      subjectId: actor.userId,
      before: { id: row.id, email: row.email, confirmed: row.confirmedAt !== null },
    });
    return { email: row.email };
  });
}
