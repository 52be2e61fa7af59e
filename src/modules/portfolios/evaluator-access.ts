import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import type { CompetencySet } from '../policy/framework.js';
import { findActiveFramework } from '../policy/repository.js';
import { findEvaluatorUser } from './evaluator-repository.js';

export const evaluatorNotFound = () => notFound('That evaluator');

export interface EvaluatorAccess {
  actor: UserActor;
  evaluator: { id: string; email: string; displayName: string };
  /** True when program staff act on someone's profile (they may also change whether it is active). */
  asStaff: boolean;
}

/**
 * Whose evaluator profile this person may read and change: their own (portfolio evaluators, after
 * MFA) or anyone's (staff, after MFA). An evaluator asking for someone else's profile gets "not
 * found", exactly as for an id that does not exist; people with neither role are refused.
 */
export async function evaluatorProfileAccess(
  db: Queryable,
  actor: Actor,
  userId: string,
): Promise<EvaluatorAccess> {
  const user = requireUser(actor);
  const asStaff = hasRole(actor, 'staff', 'admin');
  if (asStaff) requireRole(actor, 'staff', 'admin');
  else {
    requireRole(actor, 'portfolio_evaluator');
    if (userId !== user.userId) throw evaluatorNotFound();
  }
  if (!UUID_PATTERN.test(userId)) throw evaluatorNotFound();
  const evaluator = await findEvaluatorUser(db, userId);
  if (!evaluator) throw evaluatorNotFound();
  return { actor: user, evaluator, asStaff };
}

/** The sets of the framework in force: what an evaluator can be qualified for. */
export async function frameworkSets(db: Queryable): Promise<CompetencySet[]> {
  const framework = await findActiveFramework(db);
  return framework ? [...framework.framework.framework.sets] : [];
}
