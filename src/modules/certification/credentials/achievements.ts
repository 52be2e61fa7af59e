import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { findActiveVersions } from '../../policy/repository.js';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
import { certificationAchievement, setAchievement } from './issue-credentials.js';

/**
 * What an achievement id in a credential points at: the certification, or a competency set of the
 * framework in force, as an OB 3.0 Achievement. Public; credentials carry their own copy.
 */
export async function publishedAchievement(
  ctx: Ctx,
  which: { frameworkId: string; setId: string } | 'certification',
): Promise<Record<string, unknown>> {
  const { policy, framework } = await findActiveVersions(ctx.db);
  if (!policy || !framework) throw notFound('That achievement');
  const facts =
    which === 'certification'
      ? certificationAchievement(ctx.config.baseUrl, policy.policy, framework.framework)
      : which.frameworkId === framework.framework.framework.id
        ? setAchievement(ctx.config.baseUrl, framework.framework, which.setId)
        : null;
  if (!facts) throw notFound('That achievement');
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: facts.id,
    type: ['Achievement'],
    achievementType: facts.achievementType,
    name: facts.name,
    description: facts.description,
    criteria: { narrative: facts.narrative },
  };
}
