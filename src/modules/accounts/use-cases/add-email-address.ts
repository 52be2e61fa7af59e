import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { requireFullSignIn } from '../access.js';
import { emailAddressMails } from '../email-addresses-mails.js';
import {
  countEmailAddresses,
  findEmailAddress,
  insertEmailAddress,
  issueAddEmailToken,
} from '../email-addresses-repository.js';
import { emailField, parseInput } from '../fields.js';
import { linkTo, mayMail, reserveAttempt } from '../guards.js';
import type { Limit } from '../rules/rate-limit.js';
import { findUserByEmail, findUserById } from '../users-repository.js';
import { VERIFY_EMAIL_TTL_MS } from './sign-up.js';

export const addEmailAddressInput = z.object({ email: emailField });

/** Addresses on one account, the primary included. */
export const MAX_EMAIL_ADDRESSES = 5;
/** Requests to add an address, per person: enough for real use, too few to probe many addresses. */
export const addEmailLimit: Limit = { max: 10, windowMs: 60 * 60 * 1000 };
export const addEmailRateKey = (userId: string) => `add-email:user:${userId}`;

/**
 * Ask to add an address: a row waits on the account until the link mailed to the address is opened
 * by its owner, signed in. Asking again for a waiting address sends a new link.
 *
 * When the address already belongs to another account, the answer, the waiting row and the audit
 * event look exactly as for a free address, so nobody can use this form to learn who has an account
 * (OWASP ASVS: no account enumeration). The address gets a notice instead of a link: only the owner of
 * that mailbox reads it, it tells them nothing changed, and it explains the silence to someone who
 * tried to move their own address between two accounts. Sign-up answers an existing address the same way.
 */
export async function addEmailAddress(
  ctx: Ctx,
  raw: z.input<typeof addEmailAddressInput>,
): Promise<{ email: string }> {
  const actor = requireFullSignIn(ctx.actor);
  const input = parseInput(addEmailAddressInput, raw);
  if (!(await reserveAttempt(ctx, addEmailRateKey(actor.userId), addEmailLimit))) {
    throw new DomainError(
      'RATE_LIMITED',
      'You have asked to add several email addresses in a short time. Please wait an hour and try again.',
    );
  }
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const user = await findUserById(w.tx, actor.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
    if (input.email === user.email) {
      throw validationFailed({ email: 'That is already your primary email address' });
    }
    const waiting = await findEmailAddress(w.tx, user.id, { email: input.email });
    if (waiting?.confirmedAt)
      throw validationFailed({ email: 'That email address is already on your account' });
    if (!waiting && 1 + (await countEmailAddresses(w.tx, user.id)) >= MAX_EMAIL_ADDRESSES) {
      throw validationFailed({
        email: `An account can have at most ${MAX_EMAIL_ADDRESSES} email addresses. Remove one before adding another`,
      });
    }
    const row = waiting ?? (await insertEmailAddress(w.tx, { userId: user.id, email: input.email, now }));
    const owner = await findUserByEmail(w.tx, input.email);
    if (owner && owner.id !== user.id) {
      if (!owner.disabledAt && (await mayMail(w.tx, 'email-address-in-use', input.email, now))) {
        await w.mail(emailAddressMails.alreadyInUse(input.email, owner.displayName));
      }
    } else if (await mayMail(w.tx, 'email-address-confirm', input.email, now)) {
      const token = await issueAddEmailToken(w.tx, {
        userId: user.id,
        email: input.email,
        now,
        ttlMs: VERIFY_EMAIL_TTL_MS,
      });
      await w.mail(
        emailAddressMails.confirmAddition(
          input.email,
          user.displayName,
          linkTo(ctx, `/account/emails/confirm?token=${token}`),
        ),
      );
    }
    // The same event either way: staff reading the log may see who owns what, but the requester cannot.
    await w.audit({
      action: 'user.email_address_added',
      subjectType: 'user',
      subjectId: user.id,
      after: { id: row.id, email: input.email, confirmed: false },
    });
    return { email: input.email };
  });
}
