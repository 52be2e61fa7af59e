import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireUser } from '../access.js';
import { listEmailAddresses as listRows } from '../email-addresses-repository.js';
import { findUserById } from '../users-repository.js';

export interface EmailAddressSummary {
  /** The primary address has no row of its own; it is named by the user's id. */
  id: string;
  email: string;
  primary: boolean;
  confirmed: boolean;
  addedAt: Date;
}

/** The person's addresses: the primary first, then the others in the order they were added. */
export async function listEmailAddresses(ctx: Ctx): Promise<EmailAddressSummary[]> {
  const actor = requireUser(ctx.actor);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
  const rows = await listRows(ctx.db, user.id);
  return [
    {
      id: user.id,
      email: user.email,
      primary: true,
      confirmed: user.emailVerifiedAt !== null,
      addedAt: user.createdAt,
    },
    ...rows.map((r) => ({
      id: r.id,
      email: r.email,
      primary: false,
      confirmed: r.confirmedAt !== null,
      addedAt: r.createdAt,
    })),
  ];
}
