import type { Queryable } from '../../platform/db/client.js';
import { DomainError } from '../../platform/errors.js';
import { type CompetencySet, findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';

/** The competency set an application covers, from the framework version pinned when it was started. */
export async function setOf(
  db: Queryable,
  application: { frameworkVersionId: string; setId: string },
): Promise<CompetencySet> {
  const framework = await findFrameworkById(db, application.frameworkVersionId);
  const set = framework && findSet(framework.framework, application.setId);
  if (!set)
    throw new DomainError('INVALID_STATE', 'The competency set of this course application is missing.');
  return set;
}
