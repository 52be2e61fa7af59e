import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireUser } from '../access.js';
import { newTotpSecret, totpUri } from '../totp.js';
import { findUserById, updateUser } from '../users-repository.js';

export type MfaSetup = { enrolled: true } | { enrolled: false; secret: string; uri: string };

/**
 * The secret to put into an authenticator app. It waits on the user row, not yet enabled, until the
 * person proves with a code that the app has it; opening the page again shows the same secret.
 */
export async function startMfaSetup(ctx: Ctx): Promise<MfaSetup> {
  const actor = requireUser(ctx.actor);
  return transact(ctx, async (w) => {
    const user = await findUserById(w.tx, actor.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
    if (user.totpEnabledAt) return { enrolled: true };
    let secret = user.totpSecret;
    if (!secret) {
      secret = newTotpSecret();
      const now = ctx.clock.now();
      await updateUser(w.tx, user.id, { totpSecret: secret, updatedAt: now });
      await w.audit({ action: 'user.mfa_setup_started', subjectType: 'user', subjectId: user.id });
    }
    return { enrolled: false, secret, uri: totpUri(user.email, secret) };
  });
}
