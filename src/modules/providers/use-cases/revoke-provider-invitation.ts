import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { providerForChange } from '../access.js';
import { findInvitation, revokeInvitation } from '../repository.js';

/** An administrator withdraws an invitation that has not been accepted; its link stops working. */
export async function revokeProviderInvitation(
  ctx: Ctx,
  providerId: string,
  invitationId: string,
): Promise<void> {
  await transact(ctx, async (w) => {
    const { provider } = await providerForChange(w.tx, ctx.actor, providerId, 'admin');
    const invitation = UUID_PATTERN.test(invitationId)
      ? await findInvitation(w.tx, provider.id, invitationId)
      : undefined;
    if (!invitation) throw notFound('That invitation');
    if (!(await revokeInvitation(w.tx, invitation.id, ctx.clock.now()))) {
      throw invalidState('That invitation was already accepted or withdrawn.');
    }
    await w.audit({
      action: 'provider.invitation_revoked',
      subjectType: 'provider',
      subjectId: provider.id,
      after: { invitationId: invitation.id, email: invitation.email },
    });
  });
}
