import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { courseApprovalPeriods, courseBundles, courses } from './schema.js';

export type CourseRow = typeof courses.$inferSelect;
export type CourseInsert = typeof courses.$inferInsert;
export type CourseBundleRow = typeof courseBundles.$inferSelect;
export type ApprovalPeriodRow = typeof courseApprovalPeriods.$inferSelect;

export async function insertCourse(tx: Queryable, row: CourseInsert): Promise<CourseRow> {
  const [inserted] = await tx.insert(courses).values(row).returning();
  return inserted!;
}

export async function insertBundle(
  tx: Queryable,
  row: typeof courseBundles.$inferInsert,
): Promise<CourseBundleRow> {
  const [inserted] = await tx.insert(courseBundles).values(row).returning();
  return inserted!;
}

export async function insertApprovalPeriod(tx: Queryable, row: ApprovalPeriodRow): Promise<void> {
  await tx.insert(courseApprovalPeriods).values(row);
}

export async function updateCourse(
  tx: Queryable,
  id: string,
  patch: Partial<Omit<CourseInsert, 'id' | 'providerId' | 'applicationId' | 'number' | 'createdAt'>>,
): Promise<CourseRow> {
  const [row] = await tx.update(courses).set(patch).where(eq(courses.id, id)).returning();
  return row!;
}

export async function findCourse(db: Queryable, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id)).limit(1);
  return row;
}

export async function findCourseByNumber(db: Queryable, number: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.number, number)).limit(1);
  return row;
}

/** The courses an application approved (one, or each course of a bundle), in number order. */
export async function listCoursesOfApplication(db: Queryable, applicationId: string): Promise<CourseRow[]> {
  return db
    .select()
    .from(courses)
    .where(eq(courses.applicationId, applicationId))
    .orderBy(asc(courses.number));
}

/** Every approval period of the given courses, oldest first. */
export async function listApprovalPeriods(
  db: Queryable,
  courseIds: readonly string[],
): Promise<ApprovalPeriodRow[]> {
  if (courseIds.length === 0) return [];
  return db
    .select()
    .from(courseApprovalPeriods)
    .where(inArray(courseApprovalPeriods.courseId, [...courseIds]))
    .orderBy(asc(courseApprovalPeriods.courseId), asc(courseApprovalPeriods.startsOn));
}

/** The course ids of each given bundle. */
export async function listBundleCourseIds(
  db: Queryable,
  bundleIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byBundle = new Map<string, string[]>();
  if (bundleIds.length === 0) return byBundle;
  const rows = await db
    .select({ id: courses.id, bundleId: courses.bundleId })
    .from(courses)
    .where(and(inArray(courses.bundleId, [...bundleIds])));
  for (const r of rows) byBundle.set(r.bundleId!, [...(byBundle.get(r.bundleId!) ?? []), r.id]);
  return byBundle;
}

export async function findBundle(db: Queryable, id: string): Promise<CourseBundleRow | undefined> {
  const [row] = await db.select().from(courseBundles).where(eq(courseBundles.id, id)).limit(1);
  return row;
}

/** The courses approved by any of the given (first) applications, in number order. */
export async function listCoursesOfApplications(
  db: Queryable,
  applicationIds: readonly string[],
): Promise<CourseRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(courses)
    .where(inArray(courses.applicationId, [...applicationIds]))
    .orderBy(asc(courses.number));
}

/** The courses of an application locked for a renewal decision, so two renewals cannot interleave. */
export async function lockCoursesOfApplication(tx: Queryable, applicationId: string): Promise<CourseRow[]> {
  return tx
    .select()
    .from(courses)
    .where(eq(courses.applicationId, applicationId))
    .orderBy(asc(courses.number))
    .for('update');
}

export async function updateBundle(
  tx: Queryable,
  id: string,
  patch: Pick<CourseBundleRow, 'title'>,
): Promise<void> {
  await tx.update(courseBundles).set(patch).where(eq(courseBundles.id, id));
}

/** The approved courses of the given providers, in number order (courses_provider_idx). */
export async function listCoursesOfProviders(
  db: Queryable,
  providerIds: readonly string[],
): Promise<CourseRow[]> {
  if (providerIds.length === 0) return [];
  return db
    .select()
    .from(courses)
    .where(inArray(courses.providerId, [...providerIds]))
    .orderBy(asc(courses.number));
}
