import { z } from 'zod';
import { hashPassword } from '../../../platform/auth/passwords.js';
import { type Ctx, roles as knownRoles, type Role, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { needsMfa } from '../access.js';
import { consumeAccountToken, findUsableAccountToken } from '../account-tokens-repository.js';
import { linkTokenField, newPasswordField, parseInput } from '../fields.js';
import { invalidLink, openSession } from '../guards.js';
import { accountMails } from '../mails.js';
import { clearBucket } from '../rate-limit-repository.js';
import { passwordProblem } from '../rules/password-policy.js';
import { rateKeys } from '../rules/rate-limit.js';
import { deleteOtherSessions, deleteSession } from '../sessions-repository.js';
import { findUserById, updateUser } from '../users-repository.js';
import type { SignInResult } from './sign-in.js';

export const resetPasswordInput = z.object({ token: linkTokenField, password: newPasswordField });

/** Is this reset link still good? (For choosing between the form and the "link expired" page.) */
export async function checkResetLink(ctx: Ctx, token: string): Promise<boolean> {
  const parsed = linkTokenField.safeParse(token);
  return (
    parsed.success &&
    (await findUsableAccountToken(ctx.db, parsed.data, 'reset_password', ctx.clock.now())) !== undefined
  );
}

/**
 * Set a new password from a mailed link. Every session of the person ends (someone else may have had
 * the old password), a new one starts here, and sign-in limits for the address are lifted.
 */
export async function resetPassword(
  ctx: Ctx,
  raw: z.input<typeof resetPasswordInput> & {
    userAgent: string | null;
    previousSessionId?: string | undefined;
  },
): Promise<SignInResult> {
  const input = parseInput(resetPasswordInput, raw);
  const now = ctx.clock.now();
  const pending = await findUsableAccountToken(ctx.db, input.token, 'reset_password', now);
  if (!pending) throw invalidLink();
  const owner = await findUserById(ctx.db, pending.userId);
  if (!owner || owner.disabledAt) throw invalidLink();
  const problem = passwordProblem(input.password, owner.email);
  if (problem) throw validationFailed({ password: problem });
  const passwordHash = await hashPassword(input.password);
  return transact(ctx, async (w) => {
    const token = await consumeAccountToken(w.tx, input.token, 'reset_password', now);
    if (!token) throw invalidLink();
    const user = await findUserById(w.tx, token.userId);
    if (!user || user.disabledAt || user.email !== token.newEmail) throw invalidLink();
    await updateUser(w.tx, user.id, {
      passwordHash,
      // The link reached this address, which proves it as well as the sign-up link would.
      emailVerifiedAt: user.emailVerifiedAt ?? now,
      updatedAt: now,
    });
    await deleteOtherSessions(w.tx, user.id, undefined);
    // The browser may have been signed in as someone else: that session ends too.
    if (raw.previousSessionId) await deleteSession(w.tx, raw.previousSessionId);
    await clearBucket(w.tx, rateKeys.signInEmail(user.email));
    const session = await openSession(w.tx, {
      userId: user.id,
      now,
      mfaVerified: false,
      userAgent: raw.userAgent,
    });
    await w.audit({
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
      after: { sessionsEnded: true },
    });
    await w.mail(accountMails.passwordChanged(user.email, user.displayName));
    const roles = user.roles.filter((r): r is Role => (knownRoles as readonly string[]).includes(r));
    const step = user.totpEnabledAt ? 'mfa' : needsMfa(roles) ? 'mfa-setup' : 'done';
    return { cookieValue: session.cookieValue, roles, step };
  });
}
