import type { Queryable } from '../../platform/db/client.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { type Competency, type CompetencySet, findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';

/** The competency set a portfolio evidences, from the framework pinned when it was started. */
export async function setOfPortfolio(
  db: Queryable,
  portfolio: { frameworkVersionId: string; setId: string },
): Promise<CompetencySet> {
  const framework = await findFrameworkById(db, portfolio.frameworkVersionId);
  const set = framework && findSet(framework.framework, portfolio.setId);
  if (!set) throw new DomainError('INVALID_STATE', 'The competency set of this portfolio is missing.');
  return set;
}

/** One competency of the set; an id from another set (or made up) is "not found". */
export function competencyOf(set: CompetencySet, competencyId: string): Competency {
  const competency = set.competencies.find((c) => c.id === competencyId);
  if (!competency) throw notFound('That competency');
  return competency;
}
