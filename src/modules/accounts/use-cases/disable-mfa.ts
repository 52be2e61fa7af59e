import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { forbidden, invalidState } from '../../../platform/errors.js';
import { needsMfa, requireFullSignIn } from '../access.js';
import { currentPasswordField, parseInput } from '../fields.js';
import { confirmCurrentPassword } from '../guards.js';
import { accountMails } from '../mails.js';
import { findUserById, updateUser } from '../users-repository.js';

export const disableMfaInput = z.object({ currentPassword: currentPasswordField });

/** Remove the authenticator app; only for roles that do not require one, and only with the password. */
export async function disableMfa(ctx: Ctx, raw: z.input<typeof disableMfaInput>): Promise<void> {
  const actor = requireFullSignIn(ctx.actor);
  if (needsMfa(actor.roles))
    throw forbidden('Your role needs an authenticator app, so it cannot be removed.');
  const input = parseInput(disableMfaInput, raw);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user?.totpEnabledAt) throw invalidState('Your account has no authenticator app.');
  await confirmCurrentPassword(ctx, user, input.currentPassword);
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    await updateUser(w.tx, user.id, { totpSecret: null, totpEnabledAt: null, updatedAt: now });
    await w.audit({
      action: 'user.mfa_disabled',
      subjectType: 'user',
      subjectId: user.id,
      before: { mfaEnabled: true },
      after: { mfaEnabled: false },
    });
    await w.mail(accountMails.mfaDisabled(user.email, user.displayName));
  });
}
