import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { type FrameworkVersion, findActiveVersions, type PolicyVersion } from '../repository.js';

/** The active policy and framework; public data (fees, sets) that every visitor may read. */
export async function getActiveProgramData(
  ctx: Pick<Ctx, 'db'>,
): Promise<{ policy: PolicyVersion; framework: FrameworkVersion }> {
  const { policy, framework } = await findActiveVersions(ctx.db);
  if (!policy || !framework)
    throw new DomainError('INVALID_STATE', 'The program has no active policy or framework yet.');
  return { policy, framework };
}
