import { z } from 'zod';
import { sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact, type UserActor } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { DomainError } from '../../../platform/errors.js';
import { requireUser } from '../../accounts/access.js';
import {
  findInvitationByTokenHash,
  findMembership,
  findProvider,
  grantProviderRole,
  type InvitationRow,
  insertMembership,
  lockProvider,
  markInvitationAccepted,
  type ProviderRow,
} from '../repository.js';

const tokenSchema = z.string().trim().min(1).max(200);
const tokenInvalid = (message: string) => new DomainError('TOKEN_INVALID', message);
const ASK_AGAIN = "Ask the organisation's administrator to invite you again.";
const USED = 'This invitation has already been used.';

export interface InvitationView {
  invitation: InvitationRow;
  provider: ProviderRow;
  alreadyMember: boolean;
}

/**
 * An invitation the signed-in person may accept: it exists, is still open and unexpired, and was
 * sent to the address of their account (the link alone is not enough: links get forwarded).
 */
async function openInvitationFor(db: Queryable, ctx: Ctx, user: UserActor, rawToken: unknown) {
  const token = tokenSchema.safeParse(rawToken);
  const invitation = token.success ? await findInvitationByTokenHash(db, sha256Hex(token.data)) : undefined;
  if (!invitation)
    throw tokenInvalid(
      `This invitation link is not valid. Check that you copied all of it, or ${ASK_AGAIN.toLowerCase()}`,
    );
  if (invitation.acceptedAt) throw tokenInvalid(USED);
  if (invitation.revokedAt)
    throw tokenInvalid(`This invitation was withdrawn or replaced by a newer one. ${ASK_AGAIN}`);
  if (invitation.expiresAt <= ctx.clock.now())
    throw tokenInvalid(`This invitation has expired. ${ASK_AGAIN}`);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new DomainError(
      'FORBIDDEN',
      `This invitation was sent to another address. You are signed in as ${user.email}: sign out and sign in with the account for the address the invitation was sent to, or ask for an invitation to ${user.email}.`,
    );
  }
  return invitation;
}

/** What the invitation page shows before the person accepts. */
export async function viewInvitation(ctx: Ctx, token: unknown): Promise<InvitationView> {
  const user = requireUser(ctx.actor);
  const invitation = await openInvitationFor(ctx.db, ctx, user, token);
  const provider = await findProvider(ctx.db, invitation.providerId);
  if (!provider) throw tokenInvalid(`This invitation link is not valid. ${ASK_AGAIN}`);
  const alreadyMember = (await findMembership(ctx.db, provider.id, user.userId)) !== undefined;
  return { invitation, provider, alreadyMember };
}

/** Accept: once only; the person joins with the invited role and gains the provider_member role. */
export async function acceptInvitation(
  ctx: Ctx,
  token: unknown,
): Promise<{ provider: ProviderRow; role: InvitationRow['role']; alreadyMember: boolean }> {
  const user = requireUser(ctx.actor);
  return transact(ctx, async (w) => {
    const invitation = await openInvitationFor(w.tx, ctx, user, token);
    const provider = await lockProvider(w.tx, invitation.providerId);
    if (!provider) throw tokenInvalid(`This invitation link is not valid. ${ASK_AGAIN}`);
    const now = ctx.clock.now();
    // The conditional update is what makes the link single-use when two requests race.
    if (!(await markInvitationAccepted(w.tx, invitation.id, user.userId, now))) throw tokenInvalid(USED);
    const existing = await findMembership(w.tx, provider.id, user.userId);
    if (!existing) {
      await insertMembership(w.tx, {
        providerId: provider.id,
        userId: user.userId,
        role: invitation.role,
        addedAt: now,
        addedBy: invitation.invitedBy,
      });
      await grantProviderRole(w.tx, user.userId, now);
    }
    await w.audit({
      action: 'provider.invitation_accepted',
      subjectType: 'provider',
      subjectId: provider.id,
      after: {
        invitationId: invitation.id,
        userId: user.userId,
        role: existing?.role ?? invitation.role,
        alreadyMember: !!existing,
      },
    });
    return { provider, role: existing?.role ?? invitation.role, alreadyMember: !!existing };
  });
}
