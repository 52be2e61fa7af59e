import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { providerProfileSchema } from '../forms.js';
import { providerMails } from '../mails.js';
import {
  findRecentRegistrationBy,
  grantProviderRole,
  insertMembership,
  insertProvider,
  type ProviderRow,
} from '../repository.js';
import { profileColumns } from './update-provider-profile.js';

/** The same person registering the same name this soon is the same form sent twice. */
const REPEAT_MS = 10 * 60 * 1000;

/**
 * Anyone signed in with a confirmed email address registers an organisation; they become its first
 * administrator and their account gains the provider_member role.
 */
export async function registerProvider(ctx: Ctx, raw: unknown): Promise<ProviderRow> {
  const user = requireUser(ctx.actor);
  if (!user.emailVerified) {
    throw new DomainError(
      'FORBIDDEN',
      'Confirm your email address before you register an organisation: use the link in the email we sent when you created your account.',
    );
  }
  const profile = parseInput(providerProfileSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    const row = { id, ...profileColumns(profile), createdBy: user.userId, createdAt: now, updatedAt: now };
    // The same form sent twice (a double click, a reload) gives back the organisation the first one made.
    const since = new Date(now.getTime() - REPEAT_MS);
    const repeat = await findRecentRegistrationBy(w.tx, user.userId, row.name, since);
    if (repeat) return repeat;
    await insertProvider(w.tx, row);
    await insertMembership(w.tx, {
      providerId: id,
      userId: user.userId,
      role: 'admin',
      addedAt: now,
      addedBy: user.userId,
    });
    await grantProviderRole(w.tx, user.userId, now);
    await w.audit({
      action: 'provider.registered',
      subjectType: 'provider',
      subjectId: id,
      after: { name: profile.name, type: profile.type, region: profile.region, admin: user.userId },
    });
    await w.mail(
      providerMails.registered(
        user.email,
        user.displayName,
        profile.name,
        `${ctx.config.baseUrl}/provider/${id}`,
      ),
    );
    return row as ProviderRow;
  });
}
