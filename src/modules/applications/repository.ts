import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { uuidv7 } from '../../platform/ids.js';
import {
  type ApplicationStatus,
  applicationMessages,
  applications,
  experienceEntries,
  setAchievements,
} from './schema.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type ExperienceRow = typeof experienceEntries.$inferSelect;
export type MessageRow = typeof applicationMessages.$inferSelect;
export type AchievementRow = typeof setAchievements.$inferSelect;
export type ApplicationPatch = Partial<
  Omit<typeof applications.$inferInsert, 'id' | 'candidateId' | 'createdAt'>
>;

/**
 * The person's current application: the open one if there is one, else their latest rejected one
 * (so they can read why). At most one is open (applications_one_open_uq).
 */
export async function findCurrentApplication(
  db: Queryable,
  candidateId: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await prepared(db, 'current_application', (d) =>
    d
      .select()
      .from(applications)
      .where(eq(applications.candidateId, sql.placeholder('candidateId')))
      .orderBy(
        sql`(${applications.status} = 'rejected')`,
        desc(applications.createdAt),
        desc(applications.id),
      )
      .limit(1)
      .prepare('current_application'),
  ).execute({ candidateId });
  return row;
}

export async function findApplicationById(db: Queryable, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return row;
}

/** Lock the row until the transaction ends, so a submit and an edit (or two submits) run one after the other. */
export async function lockApplication(tx: Queryable, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update').limit(1);
  return row;
}

/** A new draft; undefined when the person already has an open application (a double click). */
export async function insertDraftApplication(
  tx: Queryable,
  a: { candidateId: string; now: Date },
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .insert(applications)
    .values({
      id: uuidv7(a.now.getTime()),
      candidateId: a.candidateId,
      status: 'draft',
      createdAt: a.now,
      updatedAt: a.now,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateApplication(
  tx: Queryable,
  id: string,
  patch: ApplicationPatch,
): Promise<ApplicationRow> {
  const [row] = await tx.update(applications).set(patch).where(eq(applications.id, id)).returning();
  return row!;
}

/**
 * Move an application on only if it is still in one of the expected states; returns undefined when
 * another request got there first, so a retried or doubled request changes nothing.
 */
export async function transitionApplication(
  tx: Queryable,
  id: string,
  from: readonly ApplicationStatus[],
  patch: ApplicationPatch & { status: ApplicationStatus },
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .update(applications)
    .set(patch)
    .where(and(eq(applications.id, id), inArray(applications.status, [...from])))
    .returning();
  return row;
}

export async function listExperience(db: Queryable, applicationId: string): Promise<ExperienceRow[]> {
  return prepared(db, 'list_experience', (d) =>
    d
      .select()
      .from(experienceEntries)
      .where(eq(experienceEntries.applicationId, sql.placeholder('applicationId')))
      .orderBy(asc(experienceEntries.startDate), asc(experienceEntries.createdAt), asc(experienceEntries.id))
      .prepare('list_experience'),
  ).execute({ applicationId });
}

/** Always scoped by application: an entry id alone never reaches someone else's entry. */
export async function findExperience(
  db: Queryable,
  applicationId: string,
  entryId: string,
): Promise<ExperienceRow | undefined> {
  const [row] = await db
    .select()
    .from(experienceEntries)
    .where(and(eq(experienceEntries.applicationId, applicationId), eq(experienceEntries.id, entryId)))
    .limit(1);
  return row;
}

type ExperienceValues = Omit<typeof experienceEntries.$inferInsert, 'id' | 'applicationId' | 'createdAt'>;

export async function insertExperience(
  tx: Queryable,
  applicationId: string,
  values: ExperienceValues,
  now: Date,
): Promise<ExperienceRow> {
  const [row] = await tx
    .insert(experienceEntries)
    .values({ ...values, id: uuidv7(now.getTime()), applicationId, createdAt: now })
    .returning();
  return row!;
}

export async function updateExperience(
  tx: Queryable,
  applicationId: string,
  entryId: string,
  values: ExperienceValues,
): Promise<ExperienceRow | undefined> {
  const [row] = await tx
    .update(experienceEntries)
    .set(values)
    .where(and(eq(experienceEntries.applicationId, applicationId), eq(experienceEntries.id, entryId)))
    .returning();
  return row;
}

export async function deleteExperience(
  tx: Queryable,
  applicationId: string,
  entryId: string,
): Promise<ExperienceRow | undefined> {
  const [row] = await tx
    .delete(experienceEntries)
    .where(and(eq(experienceEntries.applicationId, applicationId), eq(experienceEntries.id, entryId)))
    .returning();
  return row;
}

export async function listMessages(db: Queryable, applicationId: string): Promise<MessageRow[]> {
  return prepared(db, 'list_messages', (d) =>
    d
      .select()
      .from(applicationMessages)
      .where(eq(applicationMessages.applicationId, sql.placeholder('applicationId')))
      .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id))
      .prepare('list_messages'),
  ).execute({ applicationId });
}

export async function insertMessage(
  tx: Queryable,
  m: { applicationId: string; authorId: string; kind: MessageRow['kind']; body: string; now: Date },
): Promise<MessageRow> {
  const [row] = await tx
    .insert(applicationMessages)
    .values({
      id: uuidv7(m.now.getTime()),
      applicationId: m.applicationId,
      authorId: m.authorId,
      kind: m.kind,
      body: m.body,
      createdAt: m.now,
    })
    .returning();
  return row!;
}

export async function listAchievements(db: Queryable, candidateId: string): Promise<AchievementRow[]> {
  return prepared(db, 'list_achievements', (d) =>
    d
      .select()
      .from(setAchievements)
      .where(eq(setAchievements.candidateId, sql.placeholder('candidateId')))
      .orderBy(asc(setAchievements.achievedOn), asc(setAchievements.setId))
      .prepare('list_achievements'),
  ).execute({ candidateId });
}
