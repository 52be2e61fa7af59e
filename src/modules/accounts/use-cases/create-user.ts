import { z } from 'zod';
import { hashPassword } from '../../../platform/auth/passwords.js';
import { type Ctx, type Role, roles, transact } from '../../../platform/context.js';
import { DomainError, forbidden } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { hasRole } from '../access.js';
import { findUserByEmail, insertUser } from '../users-repository.js';

export const createUserInput = z.object({
  email: z.email('Enter an email address like name@library.org').max(254),
  displayName: z.string().trim().min(1, 'Enter a name').max(120),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
  roles: z.array(z.enum(roles)).min(1, 'Choose at least one role'),
  emailVerified: z.boolean().default(true),
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]{32,64}$/, 'An authenticator secret is 32 to 64 base32 characters')
    .optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Create an account directly (administrators, the CLI and demo data); people sign up by themselves. */
export async function createUser(
  ctx: Ctx,
  raw: CreateUserInput,
): Promise<{ id: string; email: string; roles: Role[] }> {
  if (ctx.actor.kind !== 'system' && !hasRole(ctx.actor, 'admin')) throw forbidden();
  const input = createUserInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return transact(ctx, async (w) => {
    if (await findUserByEmail(w.tx, input.email)) {
      throw new DomainError('EMAIL_TAKEN', 'An account with that email address already exists.', {
        email: 'An account with that email address already exists',
      });
    }
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    await insertUser(w.tx, {
      id,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      emailVerifiedAt: input.emailVerified ? now : null,
      totpSecret: input.totpSecret ?? null,
      totpEnabledAt: input.totpSecret ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'user.created',
      subjectType: 'user',
      subjectId: id,
      after: { email: input.email.toLowerCase(), roles: input.roles },
    });
    return { id, email: input.email.toLowerCase(), roles: input.roles };
  });
}
