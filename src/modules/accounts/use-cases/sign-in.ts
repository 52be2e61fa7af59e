import { z } from 'zod';
import { burnPasswordCheck, verifyPassword } from '../../../platform/auth/passwords.js';
import { type Ctx, roles as knownRoles, type Role, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { needsMfa } from '../access.js';
import { currentPasswordField, emailField, parseInput } from '../fields.js';
import { linkTo, mayMail, openSession, releaseAttempt, tooManyAttempts } from '../guards.js';
import { accountMails } from '../mails.js';
import { hitBucket } from '../rate-limit-repository.js';
import { limits, rateKeys } from '../rules/rate-limit.js';
import { deleteSession } from '../sessions-repository.js';
import { findUserByEmail } from '../users-repository.js';

export const signInInput = z.object({ email: emailField, password: currentPasswordField });

export const SIGN_IN_MISMATCH = 'That email and password do not match an account.';

export type SignInStep = 'done' | 'mfa' | 'mfa-setup';

export interface SignInResult {
  cookieValue: string;
  roles: Role[];
  /** What the person must do before the session is complete. */
  step: SignInStep;
}

/**
 * Check the password and open a new session (a fresh cookie every time, the old session ends).
 * Unknown address and wrong password give the same answer in the same time; failures are limited
 * per address and per network address.
 */
export async function signIn(
  ctx: Ctx,
  raw: z.input<typeof signInInput> & {
    ip: string;
    userAgent: string | null;
    previousSessionId?: string | undefined;
  },
): Promise<SignInResult> {
  const input = parseInput(signInInput, raw);
  const emailKey = rateKeys.signInEmail(input.email);
  const ipKey = rateKeys.signInIp(raw.ip);

  // Count this attempt first (committed on its own), and give it back only if it succeeds.
  const allowed = await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const emailHits = await hitBucket(w.tx, emailKey, limits.signInPerEmail, now);
    const ipHits = await hitBucket(w.tx, ipKey, limits.signInPerIp, now);
    if (emailHits === limits.signInPerEmail.max + 1) {
      // The first refused attempt tells the owner, once per window.
      const owner = await findUserByEmail(w.tx, input.email);
      if (owner && !owner.disabledAt && (await mayMail(w.tx, 'sign-in-blocked', owner.email, now))) {
        await w.mail(
          accountMails.signInBlocked(owner.email, owner.displayName, linkTo(ctx, '/password/forgot')),
        );
        await w.audit({ action: 'user.sign_in_blocked', subjectType: 'user', subjectId: owner.id });
      }
    }
    return emailHits <= limits.signInPerEmail.max && ipHits <= limits.signInPerIp.max;
  });
  if (!allowed) throw tooManyAttempts();

  const user = await findUserByEmail(ctx.db, input.email);
  const ok = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user || user.disabledAt) await burnPasswordCheck(input.password);
  if (!user || !ok) throw validationFailed({ email: SIGN_IN_MISMATCH }, SIGN_IN_MISMATCH);

  const roles = user.roles.filter((r): r is Role => (knownRoles as readonly string[]).includes(r));
  const enrolled = user.totpEnabledAt !== null;
  const step: SignInStep = enrolled ? 'mfa' : needsMfa(roles) ? 'mfa-setup' : 'done';
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    await releaseAttempt(ctx, w.tx, emailKey, limits.signInPerEmail);
    await releaseAttempt(ctx, w.tx, ipKey, limits.signInPerIp);
    if (raw.previousSessionId) await deleteSession(w.tx, raw.previousSessionId);
    const session = await openSession(w.tx, {
      userId: user.id,
      now,
      mfaVerified: false,
      userAgent: raw.userAgent,
    });
    await w.audit({
      action: 'user.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      after: { via: 'password', next: step },
    });
    return { cookieValue: session.cookieValue, roles, step };
  });
}
