import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireFullSignIn } from '../access.js';
import { emailAddressMails } from '../email-addresses-mails.js';
import { findEmailAddress, swapPrimaryEmail } from '../email-addresses-repository.js';
import { currentPasswordField, parseInput } from '../fields.js';
import { confirmCurrentPassword } from '../guards.js';
import { findUserByEmail, findUserById } from '../users-repository.js';

export const makeEmailPrimaryInput = z.object({ currentPassword: currentPasswordField });

const notAnAddress = () => notFound('That email address');

/**
 * Make a confirmed additional address the primary one: mail and password resets go there from now on,
 * and the old primary stays on the account as an additional address. Whoever controls the primary
 * controls the account, so the password is asked for and the old address is told.
 */
export async function makeEmailPrimary(
  ctx: Ctx,
  raw: z.input<typeof makeEmailPrimaryInput> & { id: string },
): Promise<{ email: string; previous: string }> {
  const actor = requireFullSignIn(ctx.actor);
  if (!UUID_PATTERN.test(raw.id)) throw notAnAddress();
  if (raw.id === actor.userId) throw invalidState('That address is already your primary email address.');
  const input = parseInput(makeEmailPrimaryInput, raw);
  const user = await findUserById(ctx.db, actor.userId);
  const candidate = user && (await findEmailAddress(ctx.db, user.id, { id: raw.id }));
  if (!candidate) throw notAnAddress();
  if (!candidate.confirmedAt) {
    throw invalidState(
      'Confirm this address with the link we sent to it before making it your primary address.',
    );
  }
  await confirmCurrentPassword(ctx, user, input.currentPassword);
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    // Read again inside the transaction: a second tab may have swapped or removed it meanwhile.
    const current = await findUserById(w.tx, actor.userId);
    const row = current && (await findEmailAddress(w.tx, current.id, { id: raw.id }));
    if (!current || !row?.confirmedAt) throw notAnAddress();
    const owner = await findUserByEmail(w.tx, row.email);
    if (owner && owner.id !== current.id) {
      throw new DomainError('EMAIL_TAKEN', 'That email address cannot be used any more. Remove it.');
    }
    await swapPrimaryEmail(w.tx, {
      userId: current.id,
      row,
      oldPrimary: current.email,
      oldPrimaryVerifiedAt: current.emailVerifiedAt,
      now,
    });
    await w.audit({
      action: 'user.primary_email_changed',
      subjectType: 'user',
      subjectId: current.id,
      before: { email: current.email },
      after: { email: row.email },
    });
    await w.mail(emailAddressMails.primaryChanged(current.email, current.displayName, row.email));
    return { email: row.email, previous: current.email };
  });
}
