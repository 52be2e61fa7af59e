import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { invalidState, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { findMembership } from '../providers/repository.js';
import { findEvaluation } from './evaluation-repository.js';
import { type CourseApplicationRow, findCourseApplication, lockCourseApplication } from './repository.js';

export const courseApplicationNotFound = () => notFound('That course application');

export interface CourseApplicationAccess {
  user: UserActor;
  application: CourseApplicationRow;
  /** False for program staff looking in from outside the provider. */
  member: boolean;
}

/**
 * The course application as this person may see it: members of its provider, and staff (who must
 * have passed MFA). Anyone else gets "not found", exactly as for an id that does not exist.
 */
export async function courseApplicationForViewer(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<CourseApplicationAccess> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw courseApplicationNotFound();
  const application = await findCourseApplication(db, id);
  if (!application) throw courseApplicationNotFound();
  const member = (await findMembership(db, application.providerId, user.userId)) !== undefined;
  if (!member) {
    if (hasRole(actor, 'staff', 'admin')) requireRole(actor, 'staff', 'admin');
    else if (hasRole(actor, 'course_evaluator') && (await findEvaluation(db, application.id, user.userId)))
      // Assigned evaluators read the application (and its files) too, after MFA.
      requireRole(actor, 'course_evaluator');
    else throw courseApplicationNotFound();
  }
  return { user, application, member };
}

/**
 * For changes by the provider's members: the row locked for the transaction. Staff cannot change a
 * provider's application; once submitted it cannot be changed at all (until it is returned, later).
 */
export async function courseApplicationForChange(
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<{ user: UserActor; application: CourseApplicationRow }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(id)) throw courseApplicationNotFound();
  const application = await lockCourseApplication(tx, id);
  if (!application || !(await findMembership(tx, application.providerId, user.userId)))
    throw courseApplicationNotFound();
  return { user, application };
}

/** Statuses in which the provider may change the application: a draft, or one returned for revision. */
export const editableStatuses = ['draft', 'returned'] as const;

export function requireDraft(application: CourseApplicationRow): void {
  if (application.status !== 'draft' && application.status !== 'returned')
    throw invalidState('This course application has been submitted, so it can no longer be changed.');
}
