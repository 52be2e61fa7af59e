import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { applications, setAchievements } from '../applications/schema.js';
import { anyOf, chunks } from '../completions/roster-sql.js';
import { certifications, deadlineExtensions } from './schema.js';

export type CertificationRow = typeof certifications.$inferSelect;
export type CertificationInsert = typeof certifications.$inferInsert;

export interface AdmittedApplication {
  id: string;
  candidateId: string;
  admittedOn: string | null;
  deadlineOn: string | null;
  policyVersionId: string | null;
  frameworkVersionId: string | null;
}

/**
 * Candidates' admitted applications that have no certification yet: those that could become
 * certified now. One query per chunk of candidates.
 */
export async function listUncertifiedAdmittedFor(
  db: Queryable,
  candidateIds: readonly string[],
): Promise<AdmittedApplication[]> {
  const found: AdmittedApplication[] = [];
  for (const part of chunks([...new Set(candidateIds)])) {
    const rows = await db
      .select({
        id: applications.id,
        candidateId: applications.candidateId,
        admittedOn: applications.admittedOn,
        deadlineOn: applications.deadlineOn,
        policyVersionId: applications.policyVersionId,
        frameworkVersionId: applications.frameworkVersionId,
      })
      .from(applications)
      .where(
        and(
          anyOf(applications.candidateId, part, 'uuid'),
          eq(applications.status, 'admitted'),
          sql`not exists (select 1 from ${certifications} where ${certifications.applicationId} = ${applications.id})`,
        ),
      );
    found.push(...rows);
  }
  return found;
}

export interface AchievementRow {
  setId: string;
  how: 'course' | 'portfolio' | 'agreement';
  achievedOn: string;
  sourceRef: string | null;
}

/** Every achievement of many candidates, by candidate. */
export async function listAchievementsFor(
  db: Queryable,
  candidateIds: readonly string[],
): Promise<Map<string, AchievementRow[]>> {
  const byCandidate = new Map<string, AchievementRow[]>();
  for (const part of chunks([...new Set(candidateIds)])) {
    const rows = await db
      .select({
        candidateId: setAchievements.candidateId,
        setId: setAchievements.setId,
        how: setAchievements.how,
        achievedOn: setAchievements.achievedOn,
        sourceRef: setAchievements.sourceRef,
      })
      .from(setAchievements)
      .where(anyOf(setAchievements.candidateId, part, 'uuid'));
    for (const { candidateId, ...row } of rows) {
      const list = byCandidate.get(candidateId);
      if (list) list.push(row);
      else byCandidate.set(candidateId, [row]);
    }
  }
  return byCandidate;
}

/** Insert certifications; one already made for an application (a concurrent credit) wins. */
export async function insertCertificationsOnce(
  tx: Queryable,
  rows: readonly CertificationInsert[],
): Promise<CertificationRow[]> {
  const inserted: CertificationRow[] = [];
  for (const part of chunks(rows, 1000)) {
    if (part.length === 0) continue;
    inserted.push(
      ...(await tx
        .insert(certifications)
        .values(part)
        .onConflictDoNothing({ target: certifications.applicationId })
        .returning()),
    );
  }
  return inserted;
}

/** The candidate's newest certification, if any. */
export async function findCertificationOf(
  db: Queryable,
  candidateId: string,
): Promise<CertificationRow | undefined> {
  const [row] = await db
    .select()
    .from(certifications)
    .where(eq(certifications.candidateId, candidateId))
    .orderBy(desc(certifications.createdAt), desc(certifications.id))
    .limit(1);
  return row;
}

export async function findCertificationForApplication(
  db: Queryable,
  applicationId: string,
): Promise<CertificationRow | undefined> {
  const [row] = await db.select().from(certifications).where(eq(certifications.applicationId, applicationId));
  return row;
}

export async function insertDeadlineExtension(
  tx: Queryable,
  row: typeof deadlineExtensions.$inferInsert,
): Promise<void> {
  await tx.insert(deadlineExtensions).values(row);
}

export async function listDeadlineExtensions(db: Queryable, applicationId: string) {
  return db
    .select()
    .from(deadlineExtensions)
    .where(eq(deadlineExtensions.applicationId, applicationId))
    .orderBy(asc(deadlineExtensions.createdAt), asc(deadlineExtensions.id));
}
