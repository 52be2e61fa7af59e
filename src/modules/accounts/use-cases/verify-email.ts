import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { consumeAccountToken } from '../account-tokens-repository.js';
import { linkTokenField } from '../fields.js';
import { invalidLink } from '../guards.js';
import { findUserById, updateUser } from '../users-repository.js';

export const verifyEmailInput = z.object({ token: linkTokenField });

/** Opening the link from the sign-up mail proves the person reads that address. */
export async function verifyEmail(
  ctx: Ctx,
  raw: z.input<typeof verifyEmailInput>,
): Promise<{ userId: string }> {
  const parsed = verifyEmailInput.safeParse(raw);
  if (!parsed.success) throw invalidLink();
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const token = await consumeAccountToken(w.tx, parsed.data.token, 'verify_email', now);
    if (!token) throw invalidLink();
    const user = await findUserById(w.tx, token.userId);
    // A link proves only the address it was sent to; the account may have changed address since.
    if (!user || user.email !== token.newEmail) throw invalidLink();
    if (!user.emailVerifiedAt) {
      await updateUser(w.tx, user.id, { emailVerifiedAt: now, updatedAt: now });
      await w.audit({
        action: 'user.email_verified',
        subjectType: 'user',
        subjectId: user.id,
        before: { emailVerified: false },
        after: { emailVerified: true, email: user.email },
      });
    }
    return { userId: user.id };
  });
}
