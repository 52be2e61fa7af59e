import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, invalidState, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { type ApplicationRow, findCurrentApplication } from '../applications/repository.js';
import { findPortfolio, lockPortfolio, type PortfolioRow } from './repository.js';
import type { PortfolioStatus } from './schema.js';

export const portfolioNotFound = () => notFound('That portfolio');

/**
 * Portfolios are for candidates admitted to the program: their pinned framework says which
 * competencies to evidence, and the membership on their application sets the fee.
 */
export async function requireAdmittedCandidate(
  db: Queryable,
  actor: Actor,
): Promise<{ user: UserActor; application: ApplicationRow & { frameworkVersionId: string } }> {
  const user = requireRole(actor, 'candidate');
  const application = await findCurrentApplication(db, user.userId);
  if (application?.status !== 'admitted' || !application.frameworkVersionId)
    throw new DomainError(
      'FORBIDDEN',
      'Portfolios are for candidates admitted to the program. You can build one once program staff have admitted you: your dashboard shows where your application stands.',
    );
  return { user, application: application as ApplicationRow & { frameworkVersionId: string } };
}

export interface PortfolioAccess {
  user: UserActor;
  portfolio: PortfolioRow;
  /** False for program staff reading someone else's portfolio. */
  owner: boolean;
}

/**
 * The portfolio as this person may see it: its candidate, and program staff (after MFA). Anyone
 * else, evaluators included, gets "not found", exactly as for an id that does not exist: evaluators
 * see portfolios only through their own blind pages.
 */
export async function portfolioForViewer(db: Queryable, actor: Actor, id: string): Promise<PortfolioAccess> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw portfolioNotFound();
  const portfolio = await findPortfolio(db, id);
  if (!portfolio) throw portfolioNotFound();
  const owner = portfolio.candidateId === user.userId;
  if (!owner) {
    if (!hasRole(actor, 'staff', 'admin')) throw portfolioNotFound();
    requireRole(actor, 'staff', 'admin');
  }
  return { user, portfolio, owner };
}

/** For the candidate's own changes: the row locked for the transaction. Staff never change a portfolio. */
export async function portfolioForChange(
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<{ user: UserActor; portfolio: PortfolioRow }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw portfolioNotFound();
  const portfolio = await lockPortfolio(tx, id);
  if (!portfolio || portfolio.candidateId !== user.userId) throw portfolioNotFound();
  return { user, portfolio };
}

/** While drafting (and while staff pre-review it) the candidate may change anything. */
export const draftStatuses: readonly PortfolioStatus[] = ['draft', 'prereview_requested'];

/**
 * May this part change now? Everything while drafting; after a "more information" outcome only the
 * competencies the evaluators flagged; nothing once submitted (the portfolio is locked).
 */
export function mayChange(portfolio: PortfolioRow, part: { competencyId: string } | 'statement'): boolean {
  if (draftStatuses.includes(portfolio.status)) return true;
  if (portfolio.status === 'more_information' && part !== 'statement')
    return (portfolio.unlockedCompetencyIds ?? []).includes(part.competencyId);
  return false;
}

export function lockedMessage(portfolio: PortfolioRow): string {
  const name = portfolio.number ? `Portfolio ${portfolio.number}` : 'This portfolio';
  if (portfolio.status === 'more_information')
    return `${name} is locked except for the competencies the evaluators asked more about.`;
  return `${name} has been submitted, so its evidence and statement can no longer be changed.`;
}

export function requireChangeable(
  portfolio: PortfolioRow,
  part: { competencyId: string } | 'statement',
): void {
  if (!mayChange(portfolio, part)) throw invalidState(lockedMessage(portfolio));
}
