import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { agreements, collegePrograms, colleges, programCourses } from './schema.js';

export type CollegeRow = typeof colleges.$inferSelect;
export type ProgramRow = typeof collegePrograms.$inferSelect;
export type CourseRow = typeof programCourses.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;

export async function insertCollege(tx: Queryable, row: typeof colleges.$inferInsert): Promise<CollegeRow> {
  const [made] = await tx.insert(colleges).values(row).returning();
  return made!;
}

export async function updateCollege(
  tx: Queryable,
  id: string,
  patch: Partial<typeof colleges.$inferInsert>,
): Promise<CollegeRow | undefined> {
  const [row] = await tx.update(colleges).set(patch).where(eq(colleges.id, id)).returning();
  return row;
}

export async function findCollege(db: Queryable, id: string): Promise<CollegeRow | undefined> {
  const [row] = await db.select().from(colleges).where(eq(colleges.id, id));
  return row;
}

export interface CollegeListItem extends CollegeRow {
  programs: number;
}

/** Every college, by name; the number is small (tens), so one page. */
export async function listColleges(db: Queryable): Promise<CollegeListItem[]> {
  const rows = await db
    .select({ college: colleges, programs: count(collegePrograms.id) })
    .from(colleges)
    .leftJoin(collegePrograms, eq(collegePrograms.collegeId, colleges.id))
    .groupBy(colleges.id)
    .orderBy(sql`lower(${colleges.name})`, asc(colleges.id));
  return rows.map((r) => ({ ...r.college, programs: Number(r.programs) }));
}

export async function insertProgram(
  tx: Queryable,
  row: typeof collegePrograms.$inferInsert,
): Promise<ProgramRow> {
  const [made] = await tx.insert(collegePrograms).values(row).returning();
  return made!;
}

export async function updateProgram(
  tx: Queryable,
  id: string,
  patch: Partial<typeof collegePrograms.$inferInsert>,
): Promise<ProgramRow | undefined> {
  const [row] = await tx.update(collegePrograms).set(patch).where(eq(collegePrograms.id, id)).returning();
  return row;
}

export async function findProgram(db: Queryable, id: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(collegePrograms).where(eq(collegePrograms.id, id));
  return row;
}

/** The program row locked for this transaction: course edits and signing take turns. */
export async function lockProgram(tx: Queryable, id: string): Promise<ProgramRow | undefined> {
  const [row] = await tx.select().from(collegePrograms).where(eq(collegePrograms.id, id)).for('update');
  return row;
}

export async function listProgramsOf(db: Queryable, collegeId: string): Promise<ProgramRow[]> {
  return db
    .select()
    .from(collegePrograms)
    .where(eq(collegePrograms.collegeId, collegeId))
    .orderBy(asc(collegePrograms.name), asc(collegePrograms.id));
}

export async function listCourses(db: Queryable, programId: string): Promise<CourseRow[]> {
  return db
    .select()
    .from(programCourses)
    .where(eq(programCourses.programId, programId))
    .orderBy(asc(programCourses.code), asc(programCourses.id));
}

export async function findCourse(
  db: Queryable,
  programId: string,
  id: string,
): Promise<CourseRow | undefined> {
  const [row] = await db
    .select()
    .from(programCourses)
    .where(and(eq(programCourses.programId, programId), eq(programCourses.id, id)));
  return row;
}

export async function insertCourse(
  tx: Queryable,
  row: typeof programCourses.$inferInsert,
): Promise<CourseRow> {
  const [made] = await tx.insert(programCourses).values(row).returning();
  return made!;
}

export async function updateCourse(
  tx: Queryable,
  id: string,
  patch: Partial<typeof programCourses.$inferInsert>,
): Promise<CourseRow | undefined> {
  const [row] = await tx.update(programCourses).set(patch).where(eq(programCourses.id, id)).returning();
  return row;
}

export async function deleteCourse(tx: Queryable, id: string): Promise<void> {
  await tx.delete(programCourses).where(eq(programCourses.id, id));
}

export async function insertAgreement(
  tx: Queryable,
  row: typeof agreements.$inferInsert,
): Promise<AgreementRow> {
  const [made] = await tx.insert(agreements).values(row).returning();
  return made!;
}

export async function findAgreement(db: Queryable, id: string): Promise<AgreementRow | undefined> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row;
}

export async function findAgreementInForce(
  db: Queryable,
  programId: string,
): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.programId, programId), eq(agreements.status, 'in_force')));
  return row;
}

export async function listAgreementsOfProgram(db: Queryable, programId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(eq(agreements.programId, programId))
    .orderBy(desc(agreements.signedAt), desc(agreements.id));
}

/** End an agreement still in force; undefined when it was already ended (a second click). */
export async function endAgreementRow(
  tx: Queryable,
  id: string,
  patch: { endsOn: string; endedBy: string; endedAt: Date },
): Promise<AgreementRow | undefined> {
  const [row] = await tx
    .update(agreements)
    .set({ ...patch, status: 'ended' })
    .where(and(eq(agreements.id, id), eq(agreements.status, 'in_force')))
    .returning();
  return row;
}

export interface AgreementListing {
  agreement: AgreementRow;
  program: ProgramRow;
  college: CollegeRow;
}

const listingColumns = { agreement: agreements, program: collegePrograms, college: colleges };

/** Signed agreements with their program and college, newest first (the public list). */
export async function listAgreementListings(
  db: Queryable,
  page: { limit: number; offset: number },
): Promise<{ items: AgreementListing[]; total: number }> {
  const items = await db
    .select(listingColumns)
    .from(agreements)
    .innerJoin(collegePrograms, eq(collegePrograms.id, agreements.programId))
    .innerJoin(colleges, eq(colleges.id, collegePrograms.collegeId))
    .orderBy(desc(agreements.signedAt), desc(agreements.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(agreements);
  return { items, total: Number(total?.n ?? 0) };
}

export async function findAgreementListing(db: Queryable, id: string): Promise<AgreementListing | undefined> {
  const [row] = await db
    .select(listingColumns)
    .from(agreements)
    .innerJoin(collegePrograms, eq(collegePrograms.id, agreements.programId))
    .innerJoin(colleges, eq(colleges.id, collegePrograms.collegeId))
    .where(eq(agreements.id, id));
  return row;
}

/** Every agreement with its names, for a graduate to choose from (tens of rows at most). */
export async function listAllAgreementListings(db: Queryable): Promise<AgreementListing[]> {
  return db
    .select(listingColumns)
    .from(agreements)
    .innerJoin(collegePrograms, eq(collegePrograms.id, agreements.programId))
    .innerJoin(colleges, eq(colleges.id, collegePrograms.collegeId))
    .orderBy(
      sql`lower(${colleges.name})`,
      asc(collegePrograms.name),
      desc(agreements.signedAt),
      asc(agreements.id),
    );
}
