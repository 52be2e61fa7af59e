import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { courseApplicationParts, courseCompetencyMap } from './schema.js';

export type CoursePartRow = typeof courseApplicationParts.$inferSelect;

/** The courses of a bundle application, in the provider's order. */
export async function listParts(db: Queryable, applicationId: string): Promise<CoursePartRow[]> {
  return db
    .select()
    .from(courseApplicationParts)
    .where(eq(courseApplicationParts.applicationId, applicationId))
    .orderBy(asc(courseApplicationParts.position));
}

export async function findPart(
  db: Queryable,
  applicationId: string,
  partId: string,
): Promise<CoursePartRow | undefined> {
  const [row] = await db
    .select()
    .from(courseApplicationParts)
    .where(
      and(eq(courseApplicationParts.id, partId), eq(courseApplicationParts.applicationId, applicationId)),
    )
    .limit(1);
  return row;
}

export async function insertParts(tx: Queryable, rows: CoursePartRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(courseApplicationParts).values(rows);
}

export async function updatePart(
  tx: Queryable,
  id: string,
  patch: Pick<CoursePartRow, 'title' | 'description' | 'contactHours'>,
): Promise<CoursePartRow> {
  const [row] = await tx
    .update(courseApplicationParts)
    .set(patch)
    .where(eq(courseApplicationParts.id, id))
    .returning();
  return row!;
}

/**
 * Remove a course from a bundle: the map entries it covered lose their course, and the courses
 * after it move up one, so positions stay 1, 2, 3… (the approved courses are numbered by them).
 */
export async function deletePart(tx: Queryable, part: CoursePartRow): Promise<void> {
  await tx
    .update(courseCompetencyMap)
    .set({ partId: null })
    .where(
      and(eq(courseCompetencyMap.applicationId, part.applicationId), eq(courseCompetencyMap.partId, part.id)),
    );
  await tx.delete(courseApplicationParts).where(eq(courseApplicationParts.id, part.id));
  const later = await tx
    .select()
    .from(courseApplicationParts)
    .where(
      and(
        eq(courseApplicationParts.applicationId, part.applicationId),
        gt(courseApplicationParts.position, part.position),
      ),
    )
    .orderBy(asc(courseApplicationParts.position));
  // One row at a time, in order: a single UPDATE could trip the unique position index mid-way.
  for (const row of later)
    await tx
      .update(courseApplicationParts)
      .set({ position: row.position - 1 })
      .where(eq(courseApplicationParts.id, row.id));
}
