import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireUser } from '../access.js';
import { issueAccountToken } from '../account-tokens-repository.js';
import { linkTo, mayMail } from '../guards.js';
import { accountMails } from '../mails.js';
import { findUserById } from '../users-repository.js';
import { VERIFY_EMAIL_TTL_MS } from './sign-up.js';

/** Send a fresh confirmation link to the signed-in person's address (older links stop working). */
export async function resendVerification(ctx: Ctx): Promise<{ alreadyVerified: boolean }> {
  const actor = requireUser(ctx.actor);
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const user = await findUserById(w.tx, actor.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
    if (user.emailVerifiedAt) return { alreadyVerified: true };
    if (!(await mayMail(w.tx, 'verify-email', user.email, now))) {
      throw new DomainError(
        'RATE_LIMITED',
        'We have sent several links in the last few minutes. Check your inbox and spam folder, or try again in 15 minutes.',
      );
    }
    const token = await issueAccountToken(w.tx, {
      userId: user.id,
      purpose: 'verify_email',
      email: user.email,
      now,
      ttlMs: VERIFY_EMAIL_TTL_MS,
    });
    await w.mail(
      accountMails.verifyEmail(user.email, user.displayName, linkTo(ctx, `/verify-email?token=${token}`)),
    );
    await w.audit({ action: 'user.verification_resent', subjectType: 'user', subjectId: user.id });
    return { alreadyVerified: false };
  });
}
