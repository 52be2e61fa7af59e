import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { issueAccountToken } from '../account-tokens-repository.js';
import { emailField, parseInput } from '../fields.js';
import { linkTo, mayMail } from '../guards.js';
import { accountMails } from '../mails.js';
import { findUserByEmail } from '../users-repository.js';

export const requestPasswordResetInput = z.object({ email: emailField });
export const RESET_TTL_MS = 60 * 60 * 1000;

/** Mail a reset link if the address has an account. The caller always gives the same answer. */
export async function requestPasswordReset(
  ctx: Ctx,
  raw: z.input<typeof requestPasswordResetInput>,
): Promise<void> {
  const input = parseInput(requestPasswordResetInput, raw);
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const user = await findUserByEmail(w.tx, input.email);
    if (!user || user.disabledAt) return;
    if (!(await mayMail(w.tx, 'password-reset', user.email, now))) return;
    const token = await issueAccountToken(w.tx, {
      userId: user.id,
      purpose: 'reset_password',
      email: user.email,
      now,
      ttlMs: RESET_TTL_MS,
    });
    await w.mail(
      accountMails.passwordReset(user.email, user.displayName, linkTo(ctx, `/password/reset?token=${token}`)),
    );
    await w.audit({ action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id });
  });
}
