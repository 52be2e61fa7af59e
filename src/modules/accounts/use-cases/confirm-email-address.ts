import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireFullSignIn } from '../access.js';
import { consumeAccountToken, findUsableAccountToken } from '../account-tokens-repository.js';
import { findEmailAddress, markEmailAddressConfirmed } from '../email-addresses-repository.js';
import { linkTokenField } from '../fields.js';
import { invalidLink } from '../guards.js';
import { findUserByEmail } from '../users-repository.js';

export const confirmEmailAddressInput = z.object({ token: linkTokenField });

/**
 * The address a live link would add to the signed-in person's account (for the confirmation page), or
 * undefined. A link works only for the account that asked: opening it proves the person reads the
 * mailbox, and being signed in proves it is their account, so nobody can attach an address they do not
 * own, and a stranger who clicks a link meant for someone else's account adds nothing.
 */
export async function pendingEmailAddress(ctx: Ctx, token: string): Promise<string | undefined> {
  const actor = requireFullSignIn(ctx.actor);
  const parsed = linkTokenField.safeParse(token);
  if (!parsed.success) return undefined;
  const row = await findUsableAccountToken(ctx.db, parsed.data, 'add_email', ctx.clock.now());
  if (!row?.newEmail || row.userId !== actor.userId) return undefined;
  const address = await findEmailAddress(ctx.db, actor.userId, { email: row.newEmail });
  return address && !address.confirmedAt ? address.email : undefined;
}

export async function confirmEmailAddress(
  ctx: Ctx,
  raw: z.input<typeof confirmEmailAddressInput>,
): Promise<{ email: string }> {
  const actor = requireFullSignIn(ctx.actor);
  const parsed = confirmEmailAddressInput.safeParse(raw);
  if (!parsed.success) throw invalidLink();
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    // Someone else's link is refused without using it up: its owner may still open it.
    const live = await findUsableAccountToken(w.tx, parsed.data.token, 'add_email', now);
    if (!live || live.userId !== actor.userId) throw invalidLink();
    const token = await consumeAccountToken(w.tx, parsed.data.token, 'add_email', now);
    if (!token?.newEmail) throw invalidLink();
    const address = await findEmailAddress(w.tx, actor.userId, { email: token.newEmail });
    if (!address || address.confirmedAt) throw invalidLink();
    const owner = await findUserByEmail(w.tx, address.email);
    if (owner) {
      throw new DomainError(
        'EMAIL_TAKEN',
        'That email address now belongs to an account, so it cannot be added. Choose a different one.',
      );
    }
    const confirmed = await markEmailAddressConfirmed(w.tx, address.id, now);
    if (!confirmed) throw invalidLink();
    await w.audit({
      action: 'user.email_address_confirmed',
      subjectType: 'user',
      subjectId: actor.userId,
      before: { id: address.id, email: address.email, confirmed: false },
      after: { id: address.id, email: address.email, confirmed: true },
    });
    return { email: address.email };
  });
}
