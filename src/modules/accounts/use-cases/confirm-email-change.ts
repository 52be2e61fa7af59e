import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { consumeAccountToken, findUsableAccountToken } from '../account-tokens-repository.js';
import { linkTokenField } from '../fields.js';
import { invalidLink } from '../guards.js';
import { accountMails } from '../mails.js';
import { deleteOtherSessions } from '../sessions-repository.js';
import { findUserByEmail, findUserById, updateUser } from '../users-repository.js';

export const confirmEmailChangeInput = z.object({ token: linkTokenField });

/** The new address a live link would switch to (for the confirmation page), or undefined. */
export async function pendingEmailChange(ctx: Ctx, token: string): Promise<string | undefined> {
  const parsed = linkTokenField.safeParse(token);
  if (!parsed.success) return undefined;
  const row = await findUsableAccountToken(ctx.db, parsed.data, 'change_email', ctx.clock.now());
  return row?.newEmail ?? undefined;
}

/**
 * Opening the link sent to the new address switches the account to it. The link is the proof, so no
 * sign-in is needed; every other session of the person ends.
 */
export async function confirmEmailChange(
  ctx: Ctx,
  raw: z.input<typeof confirmEmailChangeInput>,
): Promise<{ userId: string; email: string }> {
  const parsed = confirmEmailChangeInput.safeParse(raw);
  if (!parsed.success) throw invalidLink();
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const token = await consumeAccountToken(w.tx, parsed.data.token, 'change_email', now);
    if (!token?.newEmail) throw invalidLink();
    const user = await findUserById(w.tx, token.userId);
    if (!user || user.disabledAt) throw invalidLink();
    if (await findUserByEmail(w.tx, token.newEmail)) {
      throw new DomainError(
        'EMAIL_TAKEN',
        'That email address cannot be used any more. Choose a different one.',
      );
    }
    await updateUser(w.tx, user.id, { email: token.newEmail, emailVerifiedAt: now, updatedAt: now });
    const keep = ctx.actor.kind === 'user' && ctx.actor.userId === user.id ? ctx.actor.sessionId : undefined;
    await deleteOtherSessions(w.tx, user.id, keep);
    await w.audit({
      action: 'user.email_changed',
      subjectType: 'user',
      subjectId: user.id,
      before: { email: user.email },
      after: { email: token.newEmail },
    });
    await w.mail(accountMails.emailChanged(user.email, user.displayName, token.newEmail));
    return { userId: user.id, email: token.newEmail };
  });
}
