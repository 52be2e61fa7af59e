import { and, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { users } from '../../accounts/schema.js';
import { applications, setAchievements } from '../../applications/schema.js';
import { anyOf } from '../../completions/roster-sql.js';
import { type CertificationStatus, certifications } from '../schema.js';
import { credentialStatusIndexSeq, credentials } from './schema.js';

export type CredentialRow = typeof credentials.$inferSelect;
export type CredentialInsert = typeof credentials.$inferInsert;

/** Everything a certification's credentials are made from. */
export interface CertificationForCredentials {
  id: string;
  candidateId: string;
  number: string;
  status: CertificationStatus;
  certifiedOn: string;
  expiresOn: string;
  givenName: string | null;
  familyName: string | null;
  email: string;
  policyVersionId: string | null;
  frameworkVersionId: string | null;
}

const certificationColumns = {
  id: certifications.id,
  candidateId: certifications.candidateId,
  number: certifications.number,
  status: certifications.status,
  certifiedOn: certifications.certifiedOn,
  expiresOn: certifications.expiresOn,
  givenName: applications.givenName,
  familyName: applications.familyName,
  email: users.email,
  policyVersionId: applications.policyVersionId,
  frameworkVersionId: applications.frameworkVersionId,
};

/**
 * Certifications (not revoked) that have no certification credential yet, oldest first: what the
 * batch signs next. The anti-join runs on credentials' unique index.
 */
export async function listCertificationsWithoutCredentials(
  db: Queryable,
  limit: number,
): Promise<CertificationForCredentials[]> {
  return db
    .select(certificationColumns)
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .innerJoin(users, eq(users.id, certifications.candidateId))
    .where(
      and(
        sql`${certifications.status} <> 'revoked'`,
        sql`not exists (select 1 from ${credentials} where ${credentials.certificationId} = ${certifications.id} and ${credentials.kind} = 'certification' and ${credentials.setId} is null)`,
      ),
    )
    .orderBy(certifications.id)
    .limit(limit);
}

export async function findCertificationsForCredentials(
  db: Queryable,
  certificationIds: readonly string[],
): Promise<CertificationForCredentials[]> {
  if (certificationIds.length === 0) return [];
  return db
    .select(certificationColumns)
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .innerJoin(users, eq(users.id, certifications.candidateId))
    .where(anyOf(certifications.id, certificationIds, 'uuid'));
}

/** Sets achieved by many candidates, by candidate. */
export async function listAchievedSets(db: Queryable, candidateIds: readonly string[]) {
  const bySet = new Map<string, Array<{ setId: string; achievedOn: string }>>();
  if (candidateIds.length === 0) return bySet;
  const rows = await db
    .select({
      candidateId: setAchievements.candidateId,
      setId: setAchievements.setId,
      achievedOn: setAchievements.achievedOn,
    })
    .from(setAchievements)
    .where(anyOf(setAchievements.candidateId, candidateIds, 'uuid'));
  for (const { candidateId, ...row } of rows) {
    const list = bySet.get(candidateId);
    if (list) list.push(row);
    else bySet.set(candidateId, [row]);
  }
  return bySet;
}

export interface IssuedCredential {
  id: string;
  statusListIndex: number;
  validUntil: string;
  /** The hashed email identities in the signed document, with the salt they were hashed with. */
  emails: { salt: string | null; hashes: string[] };
}

/** Credentials already issued for these certifications, by "<certificationId> <setId or ''>". */
export async function listIssued(
  db: Queryable,
  certificationIds: readonly string[],
): Promise<Map<string, IssuedCredential>> {
  if (certificationIds.length === 0) return new Map();
  const rows = await db
    .select({
      certificationId: credentials.certificationId,
      setId: credentials.setId,
      id: credentials.id,
      statusListIndex: credentials.statusListIndex,
      validUntil: credentials.validUntil,
      // Only the email identities, not the whole document.
      emails: sql<{ salt: string | null; hashes: string[] | null }>`jsonb_build_object(
        'salt', jsonb_path_query_first(${credentials.document}, '$.credentialSubject.identifier[*] ? (@.identityType == "emailAddress").salt') #>> '{}',
        'hashes', jsonb_path_query_array(${credentials.document}, '$.credentialSubject.identifier[*] ? (@.identityType == "emailAddress").identityHash'))`,
    })
    .from(credentials)
    .where(anyOf(credentials.certificationId, certificationIds, 'uuid'));
  return new Map(
    rows.map(({ certificationId, setId, emails, ...c }) => [
      `${certificationId} ${setId ?? ''}`,
      { ...c, emails: { salt: emails.salt, hashes: emails.hashes ?? [] } },
    ]),
  );
}

/** A credential signed again (new end date): same id and status position, new document. */
export async function replaceCredentialDocument(
  db: Queryable,
  row: { id: string; validUntil: string; document: Record<string, unknown>; issuedAt: Date },
): Promise<boolean> {
  const done = await db
    .update(credentials)
    .set({ validUntil: row.validUntil, document: row.document, issuedAt: row.issuedAt })
    // Two signers at once both sign what is current; whichever writes last is as good.
    .where(eq(credentials.id, row.id))
    .returning({ id: credentials.id });
  return done.length > 0;
}

/** `n` fresh status-list positions in one statement. */
export async function allocateStatusIndexes(db: Queryable, n: number): Promise<number[]> {
  if (n === 0) return [];
  const result = await db.execute<{ i: string | number }>(
    sql`select nextval(${sql.raw(`'${credentialStatusIndexSeq.seqName}'`)}) as i from generate_series(1, ${n})`,
  );
  return (result as unknown as { rows: Array<{ i: string | number }> }).rows.map((r) => Number(r.i));
}

/** Insert; a credential signed meanwhile by another worker for the same certification and set wins. Returns the ids made. */
export async function insertCredentialsOnce(
  db: Queryable,
  rows: readonly CredentialInsert[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const made = await db
    .insert(credentials)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ id: credentials.id });
  return made.map((r) => r.id);
}

export async function listCredentialsOfCertification(
  db: Queryable,
  certificationId: string,
): Promise<CredentialRow[]> {
  return db
    .select()
    .from(credentials)
    .where(eq(credentials.certificationId, certificationId))
    .orderBy(sql`${credentials.kind} = 'set'`, credentials.statusListIndex);
}

export async function findCredential(db: Queryable, id: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
  return row;
}

/** The certification behind a credential, with what standing needs. */
export async function findCredentialStanding(db: Queryable, credentialId: string) {
  const [row] = await db
    .select({
      credentialId: credentials.id,
      kind: credentials.kind,
      setId: credentials.setId,
      statusListIndex: credentials.statusListIndex,
      certificationId: certifications.id,
      candidateId: certifications.candidateId,
      number: certifications.number,
      status: certifications.status,
      certifiedOn: certifications.certifiedOn,
      expiresOn: certifications.expiresOn,
      givenName: applications.givenName,
      familyName: applications.familyName,
      policyVersionId: applications.policyVersionId,
      frameworkVersionId: applications.frameworkVersionId,
    })
    .from(credentials)
    .innerJoin(certifications, eq(certifications.id, credentials.certificationId))
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .where(eq(credentials.id, credentialId));
  return row;
}

/**
 * A cheap fingerprint of what the status lists show: how many certifications are suspended or
 * revoked, when the last of them changed, and the highest position in use (the list length).
 */
export async function statusListFingerprint(db: Queryable): Promise<string> {
  const [changed] = await db
    .select({ n: count(), last: max(certifications.updatedAt) })
    .from(certifications)
    .where(inArray(certifications.status, ['suspended', 'revoked']));
  const [highest] = await db.select({ i: max(credentials.statusListIndex) }).from(credentials);
  return `${changed?.n ?? 0}|${changed?.last ? new Date(changed.last).toISOString() : ''}|${highest?.i ?? ''}`;
}

export async function highestStatusIndex(db: Queryable): Promise<number | null> {
  const [row] = await db.select({ i: max(credentials.statusListIndex) }).from(credentials);
  return row?.i ?? null;
}

/** Positions of every credential whose certification has this status. */
export async function listStatusIndexes(db: Queryable, status: 'suspended' | 'revoked'): Promise<number[]> {
  const rows = await db
    .select({ i: credentials.statusListIndex })
    .from(credentials)
    .innerJoin(certifications, eq(certifications.id, credentials.certificationId))
    .where(eq(certifications.status, status));
  return rows.map((r) => r.i);
}
