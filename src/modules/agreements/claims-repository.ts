import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { setAchievements } from '../applications/schema.js';
import { certifications } from '../certification/schema.js';
import { graduationClaims, provisionalHours } from './schema.js';

export type GraduationClaimRow = typeof graduationClaims.$inferSelect;
export type ProvisionalHoursRow = typeof provisionalHours.$inferSelect;

export async function findClaimForApplication(
  db: Queryable,
  applicationId: string,
): Promise<GraduationClaimRow | undefined> {
  const [row] = await db
    .select()
    .from(graduationClaims)
    .where(eq(graduationClaims.applicationId, applicationId));
  return row;
}

/** Claims of these applications, any status (certification looks for verified ones). */
export async function listClaimsForApplications(
  db: Queryable,
  applicationIds: readonly string[],
): Promise<GraduationClaimRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(graduationClaims)
    .where(inArray(graduationClaims.applicationId, [...applicationIds]));
}

export async function lockClaimForApplication(
  tx: Queryable,
  applicationId: string,
): Promise<GraduationClaimRow | undefined> {
  const [row] = await tx
    .select()
    .from(graduationClaims)
    .where(eq(graduationClaims.applicationId, applicationId))
    .for('update');
  return row;
}

export async function insertClaimRow(
  tx: Queryable,
  row: typeof graduationClaims.$inferInsert,
): Promise<GraduationClaimRow | undefined> {
  const [made] = await tx.insert(graduationClaims).values(row).onConflictDoNothing().returning();
  return made;
}

export async function updateClaim(
  tx: Queryable,
  id: string,
  patch: Partial<typeof graduationClaims.$inferInsert>,
): Promise<GraduationClaimRow> {
  const [row] = await tx.update(graduationClaims).set(patch).where(eq(graduationClaims.id, id)).returning();
  return row!;
}

/** Record sets "by agreement"; a set already achieved another way keeps its first achievement. */
export async function insertAgreementAchievements(
  tx: Queryable,
  rows: Array<typeof setAchievements.$inferInsert>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const made = await tx
    .insert(setAchievements)
    .values(rows)
    .onConflictDoNothing({ target: [setAchievements.candidateId, setAchievements.setId] })
    .returning({ setId: setAchievements.setId });
  return made.map((r) => r.setId);
}

export async function insertProvisionalHours(
  tx: Queryable,
  row: typeof provisionalHours.$inferInsert,
): Promise<ProvisionalHoursRow> {
  const [made] = await tx.insert(provisionalHours).values(row).returning();
  return made!;
}

export async function listProvisionalHours(
  db: Queryable,
  certificationId: string,
): Promise<ProvisionalHoursRow[]> {
  return db
    .select()
    .from(provisionalHours)
    .where(eq(provisionalHours.certificationId, certificationId))
    .orderBy(asc(provisionalHours.startDate), asc(provisionalHours.id));
}

export interface PendingHours {
  entry: ProvisionalHoursRow;
  holder: { displayName: string; email: string };
  number: string;
}

/** Reported work waiting for staff, oldest first. */
export async function listPendingProvisionalHours(db: Queryable, limit = 200): Promise<PendingHours[]> {
  return db
    .select({
      entry: provisionalHours,
      holder: { displayName: users.displayName, email: users.email },
      number: certifications.number,
    })
    .from(provisionalHours)
    .innerJoin(users, eq(users.id, provisionalHours.candidateId))
    .innerJoin(certifications, eq(certifications.id, provisionalHours.certificationId))
    .where(eq(provisionalHours.status, 'pending'))
    .orderBy(asc(provisionalHours.createdAt), asc(provisionalHours.id))
    .limit(limit);
}

/** Decide a pending entry; undefined when it was already decided (a second click). */
export async function decideProvisionalHours(
  tx: Queryable,
  id: string,
  patch: { status: 'confirmed' | 'rejected'; decidedBy: string; decidedAt: Date },
): Promise<ProvisionalHoursRow | undefined> {
  const [row] = await tx
    .update(provisionalHours)
    .set(patch)
    .where(and(eq(provisionalHours.id, id), eq(provisionalHours.status, 'pending')))
    .returning();
  return row;
}

export async function findProvisionalHours(
  db: Queryable,
  id: string,
): Promise<ProvisionalHoursRow | undefined> {
  const [row] = await db.select().from(provisionalHours).where(eq(provisionalHours.id, id));
  return row;
}

/** A provisional certification becomes full (active); undefined when it no longer is provisional. */
export async function activateProvisionalCertification(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<typeof certifications.$inferSelect | undefined> {
  const [row] = await tx
    .update(certifications)
    .set({ status: 'active', updatedAt: now })
    .where(and(eq(certifications.id, id), eq(certifications.status, 'provisional')))
    .returning();
  return row;
}

export async function findCertificationById(
  db: Queryable,
  id: string,
): Promise<typeof certifications.$inferSelect | undefined> {
  const [row] = await db.select().from(certifications).where(eq(certifications.id, id));
  return row;
}
