import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { providerMembers, providers } from '../providers/schema.js';
import {
  type CourseApplicationStatus,
  courseApplicationFiles,
  courseApplications,
  courseCompetencyMap,
} from './schema.js';

export type CourseApplicationRow = typeof courseApplications.$inferSelect;
export type CourseApplicationInsert = typeof courseApplications.$inferInsert;
export type MapEntryRow = typeof courseCompetencyMap.$inferSelect;
export type CourseFileRow = typeof courseApplicationFiles.$inferSelect;

export async function insertCourseApplication(tx: Queryable, row: CourseApplicationInsert) {
  const [inserted] = await tx.insert(courseApplications).values(row).returning();
  return inserted!;
}

export async function findCourseApplication(
  db: Queryable,
  id: string,
): Promise<CourseApplicationRow | undefined> {
  const [row] = await db.select().from(courseApplications).where(eq(courseApplications.id, id)).limit(1);
  return row;
}

/** The row locked for the rest of the transaction: saves, uploads and submission queue behind each other. */
export async function lockCourseApplication(
  tx: Queryable,
  id: string,
): Promise<CourseApplicationRow | undefined> {
  const [row] = await tx
    .select()
    .from(courseApplications)
    .where(eq(courseApplications.id, id))
    .limit(1)
    .for('update');
  return row;
}

export async function updateCourseApplication(
  tx: Queryable,
  id: string,
  patch: Partial<Omit<CourseApplicationInsert, 'id' | 'providerId' | 'createdAt' | 'createdBy'>>,
): Promise<CourseApplicationRow> {
  const [row] = await tx
    .update(courseApplications)
    .set(patch)
    .where(eq(courseApplications.id, id))
    .returning();
  return row!;
}

/** Change status only from one of `from`; undefined when it had already moved (a double submit). */
export async function transitionCourseApplication(
  tx: Queryable,
  id: string,
  from: readonly CourseApplicationStatus[],
  patch: Partial<CourseApplicationInsert>,
): Promise<CourseApplicationRow | undefined> {
  const [row] = await tx
    .update(courseApplications)
    .set(patch)
    .where(and(eq(courseApplications.id, id), inArray(courseApplications.status, [...from])))
    .returning();
  return row;
}

/** Course applications of the given providers, newest first (uses course_applications_provider_idx). */
export async function listCourseApplicationsOf(
  db: Queryable,
  providerIds: string[],
): Promise<Array<CourseApplicationRow & { providerName: string }>> {
  if (providerIds.length === 0) return [];
  const rows = await db
    .select({ application: courseApplications, providerName: providers.name })
    .from(courseApplications)
    .innerJoin(providers, eq(providers.id, courseApplications.providerId))
    .where(inArray(courseApplications.providerId, providerIds))
    .orderBy(desc(courseApplications.createdAt), desc(courseApplications.id));
  return rows.map((r) => ({ ...r.application, providerName: r.providerName }));
}

export async function listMapEntries(db: Queryable, applicationId: string): Promise<MapEntryRow[]> {
  return db
    .select()
    .from(courseCompetencyMap)
    .where(eq(courseCompetencyMap.applicationId, applicationId))
    .orderBy(asc(courseCompetencyMap.competencyId));
}

export async function upsertMapEntry(tx: Queryable, row: MapEntryRow): Promise<void> {
  const { applicationId: _a, competencyId: _c, ...set } = row;
  await tx
    .insert(courseCompetencyMap)
    .values(row)
    .onConflictDoUpdate({
      target: [courseCompetencyMap.applicationId, courseCompetencyMap.competencyId],
      set,
    });
}

export async function listCourseFiles(db: Queryable, applicationId: string): Promise<CourseFileRow[]> {
  return db
    .select()
    .from(courseApplicationFiles)
    .where(eq(courseApplicationFiles.applicationId, applicationId))
    .orderBy(asc(courseApplicationFiles.uploadedAt), asc(courseApplicationFiles.id));
}

export async function findCourseFile(
  db: Queryable,
  applicationId: string,
  fileId: string,
): Promise<CourseFileRow | undefined> {
  const [row] = await db
    .select()
    .from(courseApplicationFiles)
    .where(
      and(eq(courseApplicationFiles.id, fileId), eq(courseApplicationFiles.applicationId, applicationId)),
    )
    .limit(1);
  return row;
}

export async function insertCourseFile(tx: Queryable, row: CourseFileRow): Promise<void> {
  await tx.insert(courseApplicationFiles).values(row);
}

export async function deleteCourseFile(tx: Queryable, id: string): Promise<void> {
  await tx.delete(courseApplicationFiles).where(eq(courseApplicationFiles.id, id));
}

/** Addresses of every member of a provider (for "we received your course application"). */
export async function memberEmails(
  db: Queryable,
  providerId: string,
): Promise<Array<{ email: string; displayName: string }>> {
  return db
    .select({ email: users.email, displayName: users.displayName })
    .from(providerMembers)
    .innerJoin(users, eq(users.id, providerMembers.userId))
    .where(eq(providerMembers.providerId, providerId))
    .orderBy(asc(users.email));
}
