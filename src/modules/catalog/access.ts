import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { requireRole } from '../accounts/access.js';
import { findMembership } from '../providers/repository.js';
import { type CourseRow, findCourseById, lockCourse } from './offering-repository.js';

export const courseNotFound = () => notFound('That course');
export const offeringNotFound = () => notFound('That session');

/**
 * An approved course as one of its provider's members may manage it. People without the provider
 * role are refused (403); members of other providers get "not found", exactly as for an id that does
 * not exist, so nobody learns about other providers' courses this way. With `lock`, the course row is
 * locked for the transaction, so changes to its sessions queue behind each other.
 */
export async function approvedCourseForMember(
  db: Queryable,
  actor: Actor,
  courseId: string,
  opts: { lock?: boolean } = {},
): Promise<{ user: UserActor; course: CourseRow }> {
  const user = requireRole(actor, 'provider_member');
  if (!UUID_PATTERN.test(courseId)) throw courseNotFound();
  const course = opts.lock ? await lockCourse(db, courseId) : await findCourseById(db, courseId);
  if (!course || !(await findMembership(db, course.providerId, user.userId))) throw courseNotFound();
  return { user, course };
}
