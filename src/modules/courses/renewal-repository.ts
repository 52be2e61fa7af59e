import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import type { CourseApplicationRow } from './repository.js';
import { type CourseApplicationStatus, courseApplications } from './schema.js';

/** A renewal in these statuses is still on its way: only one may be open at a time. */
export const openStatuses: readonly CourseApplicationStatus[] = [
  'draft',
  'submitted',
  'in_evaluation',
  'returned',
];

/** The renewal of the first application that is still open, if any. */
export async function findOpenRenewal(
  db: Queryable,
  originalId: string,
): Promise<CourseApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(courseApplications)
    .where(
      and(
        eq(courseApplications.renewsApplicationId, originalId),
        inArray(courseApplications.status, [...openStatuses]),
      ),
    )
    .orderBy(desc(courseApplications.createdAt), desc(courseApplications.id))
    .limit(1);
  return row;
}

/** The most recently approved version of a course: the first application or its latest approved renewal. */
export async function findLatestApproved(
  db: Queryable,
  originalId: string,
): Promise<CourseApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(courseApplications)
    .where(
      and(
        or(eq(courseApplications.id, originalId), eq(courseApplications.renewsApplicationId, originalId)),
        eq(courseApplications.status, 'approved'),
      ),
    )
    .orderBy(desc(courseApplications.decidedAt), desc(courseApplications.id))
    .limit(1);
  return row;
}
