import type { Ctx } from '../../../platform/context.js';
import { requireUser } from '../../accounts/access.js';
import { listProvidersOf, type ProviderRow } from '../repository.js';
import type { ProviderMemberRole } from '../schema.js';

/** The organisations the signed-in person belongs to, by name. */
export async function listMyProviders(
  ctx: Ctx,
): Promise<Array<{ provider: ProviderRow; role: ProviderMemberRole }>> {
  const user = requireUser(ctx.actor);
  return listProvidersOf(ctx.db, user.userId);
}
