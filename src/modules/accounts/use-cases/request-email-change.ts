import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { requireFullSignIn } from '../access.js';
import { issueAccountToken } from '../account-tokens-repository.js';
import { currentPasswordField, emailField, parseInput } from '../fields.js';
import { confirmCurrentPassword, linkTo } from '../guards.js';
import { accountMails } from '../mails.js';
import { findUserByEmail, findUserById } from '../users-repository.js';

export const requestEmailChangeInput = z.object({
  newEmail: emailField,
  currentPassword: currentPasswordField,
});
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const EMAIL_UNUSABLE = 'That email address cannot be used. Choose a different one';

/**
 * Ask to move the account to a new address: a link goes to the new address (the change happens when
 * it is opened) and a notice to the current one.
 */
export async function requestEmailChange(
  ctx: Ctx,
  raw: z.input<typeof requestEmailChangeInput>,
): Promise<void> {
  const actor = requireFullSignIn(ctx.actor);
  const input = parseInput(requestEmailChangeInput, raw);
  if (input.newEmail === actor.email)
    throw validationFailed({ newEmail: 'That is already your email address' });
  const user = await findUserById(ctx.db, actor.userId);
  await confirmCurrentPassword(ctx, user, input.currentPassword);
  await transact(ctx, async (w) => {
    if (await findUserByEmail(w.tx, input.newEmail)) throw validationFailed({ newEmail: EMAIL_UNUSABLE });
    const now = ctx.clock.now();
    const token = await issueAccountToken(w.tx, {
      userId: actor.userId,
      purpose: 'change_email',
      email: input.newEmail,
      now,
      ttlMs: EMAIL_CHANGE_TTL_MS,
    });
    await w.mail(
      accountMails.emailChangeConfirm(
        input.newEmail,
        actor.displayName,
        linkTo(ctx, `/account/email/confirm?token=${token}`),
      ),
    );
    await w.mail(accountMails.emailChangeNotice(actor.email, actor.displayName, input.newEmail));
    await w.audit({
      action: 'user.email_change_requested',
      subjectType: 'user',
      subjectId: actor.userId,
      after: { newEmail: input.newEmail },
    });
  });
}
