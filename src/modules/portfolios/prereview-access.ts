import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { requireRole } from '../accounts/access.js';
import { type CompetencySet, findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';
import {
  findPortfolioForPrereview,
  lockPortfolioForPrereview,
  type PrereviewPortfolioRow,
} from './prereview-repository.js';

export const portfolioNotFound = () => notFound('That portfolio');

/**
 * The candidate's own portfolio (locked when changing it). Someone else's portfolio answers "not
 * found", exactly as an id that does not exist, so ids reveal nothing.
 */
export async function ownPortfolio(
  db: Queryable,
  actor: Actor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<{ user: UserActor; portfolio: PrereviewPortfolioRow }> {
  const user = requireRole(actor, 'candidate');
  if (!UUID_PATTERN.test(id)) throw portfolioNotFound();
  const portfolio = opts.lock
    ? await lockPortfolioForPrereview(db, id)
    : await findPortfolioForPrereview(db, id);
  if (!portfolio || portfolio.candidateId !== user.userId) throw portfolioNotFound();
  return { user, portfolio };
}

/** Program staff (after MFA) see any portfolio; evaluators are refused, as everyone else. */
export async function portfolioForStaff(
  db: Queryable,
  actor: Actor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<{ user: UserActor; portfolio: PrereviewPortfolioRow }> {
  const user = requireRole(actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(id)) throw portfolioNotFound();
  const portfolio = opts.lock
    ? await lockPortfolioForPrereview(db, id)
    : await findPortfolioForPrereview(db, id);
  if (!portfolio) throw portfolioNotFound();
  return { user, portfolio };
}

/** The competency set the portfolio evidences, from the candidate's pinned framework. */
export async function setOfPortfolio(
  db: Queryable,
  portfolio: PrereviewPortfolioRow,
): Promise<CompetencySet> {
  const framework = await findFrameworkById(db, portfolio.frameworkVersionId);
  const set = framework && findSet(framework.framework, portfolio.setId);
  if (!set)
    throw new DomainError('INVALID_STATE', 'The competency set of this portfolio is not in its framework.');
  return set;
}

export const statusLabels: Record<PrereviewPortfolioRow['status'], string> = {
  draft: 'Draft',
  prereview_requested: 'Pre-review requested',
  submitted: 'Submitted',
  in_evaluation: 'Being evaluated',
  more_information: 'More information requested',
  resubmitted: 'Resubmitted',
  approved: 'Approved',
  not_satisfactory: 'Not satisfactory',
};
