import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import {
  applicationPayers,
  institutionContactInvitations,
  institutionContacts,
  institutions,
} from './schema.js';

export type InstitutionRow = typeof institutions.$inferSelect;
export type ContactInvitationRow = typeof institutionContactInvitations.$inferSelect;

export async function insertInstitution(tx: Queryable, row: InstitutionRow): Promise<void> {
  await tx.insert(institutions).values(row);
}

export async function findInstitution(db: Queryable, id: string): Promise<InstitutionRow | undefined> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  return row;
}

export async function lockInstitution(tx: Queryable, id: string): Promise<InstitutionRow | undefined> {
  const [row] = await tx.select().from(institutions).where(eq(institutions.id, id)).for('update').limit(1);
  return row;
}

/** The same person registering the same name again soon: a double submission. */
export async function findRecentInstitutionBy(
  db: Queryable,
  userId: string,
  name: string,
  since: Date,
): Promise<InstitutionRow | undefined> {
  const [row] = await db
    .select()
    .from(institutions)
    .where(
      and(
        eq(institutions.createdBy, userId),
        sql`lower(${institutions.name}) = lower(${name})`,
        sql`${institutions.createdAt} >= ${since}`,
      ),
    )
    .limit(1);
  return row;
}

export async function isContact(db: Queryable, institutionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: institutionContacts.userId })
    .from(institutionContacts)
    .where(and(eq(institutionContacts.institutionId, institutionId), eq(institutionContacts.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function insertContact(
  tx: Queryable,
  row: { institutionId: string; userId: string; addedAt: Date; addedBy: string },
): Promise<void> {
  await tx.insert(institutionContacts).values(row).onConflictDoNothing();
}

export async function grantContactRole(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({ roles: sql`array_append(${users.roles}, 'institution_contact')`, updatedAt: now })
    .where(and(eq(users.id, userId), sql`not ('institution_contact' = any(${users.roles}))`));
}

export async function listContacts(db: Queryable, institutionId: string) {
  return db
    .select({ userId: users.id, name: users.displayName, email: users.email })
    .from(institutionContacts)
    .innerJoin(users, eq(users.id, institutionContacts.userId))
    .where(eq(institutionContacts.institutionId, institutionId))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function listInstitutionsOfContact(db: Queryable, userId: string): Promise<InstitutionRow[]> {
  const rows = await db
    .select({ i: institutions })
    .from(institutionContacts)
    .innerJoin(institutions, eq(institutions.id, institutionContacts.institutionId))
    .where(eq(institutionContacts.userId, userId))
    .orderBy(asc(institutions.name), asc(institutions.id));
  return rows.map((r) => r.i);
}

/** Staff list and the applicants' picker: by name, a page at a time. */
export async function listInstitutions(
  db: Queryable,
  opts: { limit: number; offset: number },
): Promise<{ rows: InstitutionRow[]; total: number }> {
  const rows = await db
    .select()
    .from(institutions)
    .orderBy(asc(sql`lower(${institutions.name})`), asc(institutions.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db.select({ n: count() }).from(institutions);
  return { rows, total: total?.n ?? 0 };
}

export interface InstitutionChoice {
  id: string;
  name: string;
  region: string;
}

const choiceColumns = { id: institutions.id, name: institutions.name, region: institutions.region };
const byName = [asc(sql`lower(${institutions.name})`), asc(institutions.region), asc(institutions.id)];
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How many institutions exist, counting no further than `atMost` (a short list or a search?). */
export async function countInstitutionsUpTo(db: Queryable, atMost: number): Promise<number> {
  const first = db.select({ id: institutions.id }).from(institutions).limit(atMost).as('first');
  const [row] = await db.select({ n: count() }).from(first);
  return row?.n ?? 0;
}

/** The first institutions by name: the whole list when there are few. */
export async function listInstitutionChoices(db: Queryable, limit: number): Promise<InstitutionChoice[]> {
  return db
    .select(choiceColumns)
    .from(institutions)
    .orderBy(...byName)
    .limit(limit);
}

/**
 * Institutions whose name or region contains every one of the (lower-case) words, by name. The
 * trigram index institutions_search_trgm_idx serves `like '%word%'` for words of three letters or
 * more; shorter words only filter what the longer ones found (or every row, when all are short).
 */
export async function searchInstitutionChoices(
  db: Queryable,
  words: readonly string[],
  limit: number,
): Promise<InstitutionChoice[]> {
  const haystack = sql`lower(${institutions.name} || ' ' || ${institutions.region})`;
  return db
    .select(choiceColumns)
    .from(institutions)
    .where(and(...words.map((w) => sql`${haystack} like ${`%${escapeLike(w)}%`}`)))
    .orderBy(...byName)
    .limit(limit);
}

export async function insertContactInvitation(tx: Queryable, row: ContactInvitationRow): Promise<void> {
  await tx.insert(institutionContactInvitations).values(row);
}

export async function findContactInvitationByHash(
  db: Queryable,
  tokenHash: string,
): Promise<ContactInvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(institutionContactInvitations)
    .where(eq(institutionContactInvitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Conditional, so a link used twice at once is accepted once. */
export async function markContactInvitationAccepted(
  tx: Queryable,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(institutionContactInvitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(institutionContactInvitations.id, id), isNull(institutionContactInvitations.acceptedAt)))
    .returning({ id: institutionContactInvitations.id });
  return rows.length === 1;
}

export async function findPayer(db: Queryable, applicationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ institutionId: applicationPayers.institutionId })
    .from(applicationPayers)
    .where(eq(applicationPayers.applicationId, applicationId))
    .limit(1);
  return row?.institutionId;
}

export async function setPayer(tx: Queryable, applicationId: string, institutionId: string, now: Date) {
  await tx
    .insert(applicationPayers)
    .values({ applicationId, institutionId, chosenAt: now })
    .onConflictDoUpdate({ target: applicationPayers.applicationId, set: { institutionId, chosenAt: now } });
}
