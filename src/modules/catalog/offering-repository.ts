import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { courseOfferings, courses } from '../courses/schema.js';
import { providerMembers, providers } from '../providers/schema.js';

export type OfferingRow = typeof courseOfferings.$inferSelect;
export type OfferingInsert = typeof courseOfferings.$inferInsert;
export type CourseRow = typeof courses.$inferSelect;

export interface MemberCourseRow {
  course: CourseRow;
  providerName: string;
  upcomingOfferings: number;
}

/** The approved courses of every provider the person belongs to: newest approval first, lapsed ones too. */
export async function listCoursesOfMember(
  db: Queryable,
  userId: string,
  today: CalendarDate,
): Promise<MemberCourseRow[]> {
  const upcoming = db
    .select({ n: count() })
    .from(courseOfferings)
    .where(and(eq(courseOfferings.courseId, courses.id), sql`${courseOfferings.startsOn} >= ${today}`));
  return db
    .select({
      course: courses,
      providerName: providers.name,
      upcomingOfferings: sql<number>`(${upcoming})`.mapWith(Number),
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .innerJoin(
      providerMembers,
      and(eq(providerMembers.providerId, courses.providerId), eq(providerMembers.userId, userId)),
    )
    .orderBy(desc(courses.firstApprovedOn), asc(courses.number));
}

/** The course row locked for the transaction: changes to its sessions queue behind each other. */
export async function lockCourse(tx: Queryable, id: string): Promise<CourseRow | undefined> {
  const [row] = await tx.select().from(courses).where(eq(courses.id, id)).limit(1).for('update');
  return row;
}

export async function findCourseById(db: Queryable, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id)).limit(1);
  return row;
}

/** Every session of a course, soonest first. */
export async function listOfferings(db: Queryable, courseId: string): Promise<OfferingRow[]> {
  return db
    .select()
    .from(courseOfferings)
    .where(eq(courseOfferings.courseId, courseId))
    .orderBy(asc(courseOfferings.startsOn), asc(courseOfferings.id));
}

export async function findOffering(
  db: Queryable,
  courseId: string,
  id: string,
): Promise<OfferingRow | undefined> {
  const [row] = await db
    .select()
    .from(courseOfferings)
    .where(and(eq(courseOfferings.id, id), eq(courseOfferings.courseId, courseId)))
    .limit(1);
  return row;
}

export async function insertOffering(tx: Queryable, row: OfferingInsert): Promise<OfferingRow> {
  const [inserted] = await tx.insert(courseOfferings).values(row).returning();
  return inserted!;
}

export async function updateOffering(
  tx: Queryable,
  id: string,
  patch: Pick<OfferingInsert, 'startsOn' | 'endsOn' | 'online' | 'city' | 'state' | 'notes' | 'updatedAt'>,
): Promise<OfferingRow> {
  const [row] = await tx.update(courseOfferings).set(patch).where(eq(courseOfferings.id, id)).returning();
  return row!;
}

export async function deleteOffering(tx: Queryable, id: string): Promise<void> {
  await tx.delete(courseOfferings).where(eq(courseOfferings.id, id));
}
