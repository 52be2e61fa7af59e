import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, validationFailed } from '../../../platform/errors.js';
import { requireSession } from '../access.js';
import { parseInput, totpCodeField } from '../fields.js';
import { releaseAttempt, reserveAttempt } from '../guards.js';
import { hitBucket } from '../rate-limit-repository.js';
import { limits, rateKeys } from '../rules/rate-limit.js';
import { markSessionMfaVerified } from '../sessions-repository.js';
import { checkTotp } from '../totp.js';
import { findUserById } from '../users-repository.js';

export const signInCodeInput = z.object({ code: totpCodeField });

export const WRONG_CODE =
  'That code is not right. Codes change every 30 seconds: enter the one your app shows now';
export const tooManyCodes = () =>
  new DomainError('RATE_LIMITED', 'Too many attempts. Wait 15 minutes or reset your password.');

/**
 * Check an authenticator code for this person (wrong codes limited; each code works once).
 * Returns the time step, for the caller's transaction to record.
 */
export async function checkCodeFor(ctx: Ctx, userId: string, secret: string, code: string): Promise<number> {
  const key = rateKeys.mfa(userId);
  if (!(await reserveAttempt(ctx, key, limits.mfaPerUser))) throw tooManyCodes();
  // The code comes from a phone, which knows only the real time (LSSC_TODAY shifts ctx.clock.now()).
  const step = await checkTotp(secret, code, ctx.clock.wallNow?.() ?? ctx.clock.now());
  if (step === null) throw validationFailed({ code: WRONG_CODE }, WRONG_CODE);
  return step;
}

/** Within the caller's transaction: give the attempt back and use the code up (a replayed code fails). */
export async function spendCode(ctx: Ctx, tx: Parameters<typeof hitBucket>[0], userId: string, step: number) {
  await releaseAttempt(ctx, tx, rateKeys.mfa(userId), limits.mfaPerUser);
  const uses = await hitBucket(
    tx,
    rateKeys.totpUsed(userId, step),
    { max: 1, windowMs: 30_000 },
    new Date(step * 30_000),
  );
  if (uses > 1) throw validationFailed({ code: WRONG_CODE }, WRONG_CODE);
}

/** The second step of signing in: the code from the authenticator app marks this session as verified. */
export async function verifySignInCode(ctx: Ctx, raw: z.input<typeof signInCodeInput>): Promise<void> {
  const actor = requireSession(ctx.actor);
  const input = parseInput(signInCodeInput, raw);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt)
    throw invalidState('Your account has no authenticator app yet.');
  if (!actor.sessionId)
    throw invalidState('Authenticator codes are only needed when signing in with a password.');
  const sessionId = actor.sessionId;
  const step = await checkCodeFor(ctx, user.id, user.totpSecret, input.code);
  await transact(ctx, async (w) => {
    await spendCode(ctx, w.tx, user.id, step);
    await markSessionMfaVerified(w.tx, sessionId, ctx.clock.now());
    await w.audit({ action: 'user.mfa_passed', subjectType: 'user', subjectId: user.id });
  });
}
