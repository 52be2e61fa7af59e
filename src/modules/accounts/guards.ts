import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.js';
import { newSecretToken, sha256Hex } from '../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { hitBucket, releaseHit } from './rate-limit-repository.js';
import { type Limit, limits, rateKeys } from './rules/rate-limit.js';
import { insertSession } from './sessions-repository.js';
import type { UserRow } from './users-repository.js';

export const tooManyAttempts = () =>
  new DomainError('RATE_LIMITED', 'Too many attempts. Wait 15 minutes or reset your password.');

/**
 * Count an attempt before doing the expensive check, in its own committed transaction, so parallel
 * guesses cannot slip past the limit and a failing request cannot roll the count back.
 * Returns false when the limit is already used up.
 */
export async function reserveAttempt(ctx: Ctx, key: string, limit: Limit): Promise<boolean> {
  const hits = await transact(ctx, (w) => hitBucket(w.tx, key, limit, ctx.clock.now()));
  return hits <= limit.max;
}

/** A successful attempt gives its reservation back: only failures count against the limit. */
export function releaseAttempt(ctx: Ctx, tx: Queryable, key: string, limit: Limit): Promise<void> {
  return releaseHit(tx, key, limit, ctx.clock.now());
}

/** A signed-in person re-types their password before a sensitive change; wrong guesses are limited. */
export async function confirmCurrentPassword(
  ctx: Ctx,
  user: UserRow | undefined,
  password: string,
  field = 'currentPassword',
): Promise<void> {
  if (!user) {
    await burnPasswordCheck(password);
    throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
  }
  const key = rateKeys.reauth(user.id);
  if (!(await reserveAttempt(ctx, key, limits.reauthPerUser))) throw tooManyAttempts();
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw validationFailed({ [field]: 'Your current password is not right' });
  }
  await releaseHit(ctx.db, key, limits.reauthPerUser, ctx.clock.now());
}

/** Mail of one kind to one address at most a few times per window; returns false when over. */
export async function mayMail(tx: Queryable, kind: string, email: string, now: Date): Promise<boolean> {
  return (
    (await hitBucket(tx, rateKeys.mail(kind, email), limits.mailPerAddress, now)) <= limits.mailPerAddress.max
  );
}

/** A new session: random cookie value for the browser, its SHA-256 as the row id. */
export async function openSession(
  tx: Queryable,
  s: { userId: string; now: Date; mfaVerified: boolean; userAgent: string | null },
): Promise<{ cookieValue: string; sessionId: string }> {
  const cookieValue = newSecretToken();
  const sessionId = sha256Hex(cookieValue);
  await insertSession(tx, { id: sessionId, ...s });
  return { cookieValue, sessionId };
}

export const linkTo = (ctx: Ctx, path: string) => `${ctx.config.baseUrl}${path}`;

export const invalidLink = () =>
  new DomainError(
    'TOKEN_INVALID',
    'This link has expired or has already been used. You can ask for a new one.',
  );
