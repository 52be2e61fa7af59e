import { z } from 'zod';
import { hashPassword } from '../../../platform/auth/passwords.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { requireFullSignIn } from '../access.js';
import { currentPasswordField, newPasswordField, parseInput } from '../fields.js';
import { confirmCurrentPassword } from '../guards.js';
import { accountMails } from '../mails.js';
import { passwordProblem } from '../rules/password-policy.js';
import { deleteOtherSessions } from '../sessions-repository.js';
import { findUserById, updateUser } from '../users-repository.js';

export const changePasswordInput = z.object({
  currentPassword: currentPasswordField,
  password: newPasswordField,
});

/** Change the password; every other session of the person ends, this one stays. */
export async function changePassword(ctx: Ctx, raw: z.input<typeof changePasswordInput>): Promise<void> {
  const actor = requireFullSignIn(ctx.actor);
  const input = parseInput(changePasswordInput, raw);
  const problem = passwordProblem(input.password, actor.email);
  if (problem) throw validationFailed({ password: problem });
  if (input.password === input.currentPassword) {
    throw validationFailed({ password: 'Choose a password different from your current one' });
  }
  const user = await findUserById(ctx.db, actor.userId);
  await confirmCurrentPassword(ctx, user, input.currentPassword);
  const passwordHash = await hashPassword(input.password);
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    await updateUser(w.tx, actor.userId, { passwordHash, updatedAt: now });
    await deleteOtherSessions(w.tx, actor.userId, actor.sessionId);
    await w.audit({
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: actor.userId,
      after: { otherSessionsEnded: true },
    });
    await w.mail(accountMails.passwordChanged(actor.email, actor.displayName));
  });
}
