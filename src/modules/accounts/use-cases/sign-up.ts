import { z } from 'zod';
import { hashPassword } from '../../../platform/auth/passwords.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { issueAccountToken } from '../account-tokens-repository.js';
import { emailField, nameField, newPasswordField, parseInput } from '../fields.js';
import { linkTo, mayMail, openSession } from '../guards.js';
import { accountMails } from '../mails.js';
import { passwordProblem } from '../rules/password-policy.js';
import { deleteSession } from '../sessions-repository.js';
import { findUserByEmail, insertUserIfNew } from '../users-repository.js';

export const signUpInput = z.object({ name: nameField, email: emailField, password: newPasswordField });
export type SignUpInput = z.input<typeof signUpInput> & {
  /** Pages sign the new person in; the API does not, so its answer is the same whether or not the address was new. */
  startSession?: { userAgent: string | null; previousSessionId?: string | undefined };
};

export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Create a candidate account. When the address already has an account nothing is created and its owner
 * gets a mail instead: the caller answers the same either way, so nobody learns who has an account.
 */
export async function signUp(ctx: Ctx, raw: SignUpInput): Promise<{ session?: { cookieValue: string } }> {
  const input = parseInput(signUpInput, raw);
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw validationFailed({ password: problem });
  // Hash before looking the address up, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    // An address confirmed as another account's additional address is taken too, though not in users.email.
    const taken = await findUserByEmail(w.tx, input.email);
    const created =
      !taken &&
      (await insertUserIfNew(w.tx, {
        id,
        email: input.email,
        displayName: input.name,
        passwordHash,
        roles: ['candidate'],
        createdAt: now,
        updatedAt: now,
      }));
    if (!created) {
      const owner = taken ?? (await findUserByEmail(w.tx, input.email));
      if (owner && !owner.disabledAt && (await mayMail(w.tx, 'sign-up-existing', owner.email, now))) {
        await w.mail(
          accountMails.signUpExisting(
            owner.email,
            owner.displayName,
            linkTo(ctx, '/sign-in'),
            linkTo(ctx, '/password/forgot'),
          ),
        );
        await w.audit({ action: 'user.sign_up_repeated', subjectType: 'user', subjectId: owner.id });
      }
      return {};
    }
    const token = await issueAccountToken(w.tx, {
      userId: id,
      purpose: 'verify_email',
      email: input.email,
      now,
      ttlMs: VERIFY_EMAIL_TTL_MS,
    });
    await w.mail(
      accountMails.verifyEmail(input.email, input.name, linkTo(ctx, `/verify-email?token=${token}`)),
    );
    await w.audit({
      action: 'user.signed_up',
      subjectType: 'user',
      subjectId: id,
      after: { email: input.email, displayName: input.name, roles: ['candidate'] },
    });
    if (!raw.startSession) return {};
    if (raw.startSession.previousSessionId) await deleteSession(w.tx, raw.startSession.previousSessionId);
    const session = await openSession(w.tx, {
      userId: id,
      now,
      mfaVerified: false,
      userAgent: raw.startSession.userAgent,
    });
    return { session: { cookieValue: session.cookieValue } };
  });
}
