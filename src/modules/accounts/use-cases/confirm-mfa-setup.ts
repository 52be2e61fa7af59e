import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { requireUser } from '../access.js';
import { parseInput, totpCodeField } from '../fields.js';
import { accountMails } from '../mails.js';
import { markSessionMfaVerified } from '../sessions-repository.js';
import { findUserById, updateUser } from '../users-repository.js';
import { checkCodeFor, spendCode } from './verify-sign-in-code.js';

export const confirmMfaSetupInput = z.object({ code: totpCodeField });

/** A right code from the new app turns MFA on; this session counts as verified. */
export async function confirmMfaSetup(ctx: Ctx, raw: z.input<typeof confirmMfaSetupInput>): Promise<void> {
  const actor = requireUser(ctx.actor);
  const input = parseInput(confirmMfaSetupInput, raw);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw invalidState('Your account was not found.');
  if (user.totpEnabledAt) throw invalidState('Your account already has an authenticator app.');
  if (!user.totpSecret) throw invalidState('Open the set-up page again to get a new code for your app.');
  const step = await checkCodeFor(ctx, user.id, user.totpSecret, input.code);
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    await spendCode(ctx, w.tx, user.id, step);
    await updateUser(w.tx, user.id, { totpEnabledAt: now, updatedAt: now });
    if (actor.sessionId) await markSessionMfaVerified(w.tx, actor.sessionId, now);
    await w.audit({
      action: 'user.mfa_enabled',
      subjectType: 'user',
      subjectId: user.id,
      before: { mfaEnabled: false },
      after: { mfaEnabled: true },
    });
    await w.mail(accountMails.mfaEnabled(user.email, user.displayName));
  });
}
