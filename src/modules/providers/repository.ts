import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { type ProviderMemberRole, providerInvitations, providerMembers, providers } from './schema.js';

export type ProviderRow = typeof providers.$inferSelect;
export type ProviderInsert = typeof providers.$inferInsert;
export type InvitationRow = typeof providerInvitations.$inferSelect;

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: ProviderMemberRole;
  addedAt: Date;
}

export async function insertProvider(tx: Queryable, row: ProviderInsert): Promise<void> {
  await tx.insert(providers).values(row);
}

/** Lock key space for one person's registrations (two-key advisory locks, apart from the audit lock). */
const REGISTRATION_LOCK = 7301;

/**
 * The organisation this person registered under this name since `since`, if any. Takes a lock held to
 * the end of the transaction, so the same form sent twice at once is handled one after the other.
 */
export async function findRecentRegistrationBy(
  tx: Queryable,
  userId: string,
  name: string,
  since: Date,
): Promise<ProviderRow | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRATION_LOCK}, hashtext(${userId}))`);
  const [row] = await tx
    .select()
    .from(providers)
    .where(and(eq(providers.createdBy, userId), eq(providers.name, name), gt(providers.createdAt, since)))
    .limit(1);
  return row;
}

export async function findProvider(db: Queryable, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id)).limit(1);
  return row;
}

/** The provider row locked for the rest of the transaction: membership changes queue behind each other. */
export async function lockProvider(tx: Queryable, id: string): Promise<ProviderRow | undefined> {
  const [row] = await tx.select().from(providers).where(eq(providers.id, id)).limit(1).for('update');
  return row;
}

export async function updateProvider(
  tx: Queryable,
  id: string,
  patch: Partial<Omit<ProviderInsert, 'id' | 'createdAt' | 'createdBy'>>,
): Promise<ProviderRow> {
  const [row] = await tx.update(providers).set(patch).where(eq(providers.id, id)).returning();
  return row!;
}

export async function findMembership(
  db: Queryable,
  providerId: string,
  userId: string,
): Promise<{ role: ProviderMemberRole } | undefined> {
  const [row] = await db
    .select({ role: providerMembers.role })
    .from(providerMembers)
    .where(and(eq(providerMembers.providerId, providerId), eq(providerMembers.userId, userId)))
    .limit(1);
  return row;
}

export async function insertMembership(
  tx: Queryable,
  m: { providerId: string; userId: string; role: ProviderMemberRole; addedAt: Date; addedBy: string | null },
): Promise<void> {
  await tx.insert(providerMembers).values(m);
}

export async function deleteMembership(tx: Queryable, providerId: string, userId: string): Promise<void> {
  await tx
    .delete(providerMembers)
    .where(and(eq(providerMembers.providerId, providerId), eq(providerMembers.userId, userId)));
}

export async function countAdmins(db: Queryable, providerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(providerMembers)
    .where(and(eq(providerMembers.providerId, providerId), eq(providerMembers.role, 'admin')));
  return Number(row?.n ?? 0);
}

/** Members with their names and addresses, administrators first, then by name. */
export async function listMembers(db: Queryable, providerId: string): Promise<MemberRow[]> {
  return db
    .select({
      userId: providerMembers.userId,
      email: users.email,
      displayName: users.displayName,
      role: providerMembers.role,
      addedAt: providerMembers.addedAt,
    })
    .from(providerMembers)
    .innerJoin(users, eq(users.id, providerMembers.userId))
    .where(eq(providerMembers.providerId, providerId))
    .orderBy(asc(providerMembers.role), asc(sql`lower(${users.displayName})`), asc(users.id));
}

/** The providers a person belongs to, with their role in each, by name. */
export async function listProvidersOf(
  db: Queryable,
  userId: string,
): Promise<Array<{ provider: ProviderRow; role: ProviderMemberRole }>> {
  return db
    .select({ provider: providers, role: providerMembers.role })
    .from(providerMembers)
    .innerJoin(providers, eq(providers.id, providerMembers.providerId))
    .where(eq(providerMembers.userId, userId))
    .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id));
}

/** Give the account the provider_member role (once). */
export async function grantProviderRole(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({ roles: sql`array_append(${users.roles}, 'provider_member')`, updatedAt: now })
    .where(and(eq(users.id, userId), sql`not ('provider_member' = any(${users.roles}))`));
}

/** Take the provider_member role away unless the person still belongs to a provider; true when taken. */
export async function dropProviderRoleIfUnused(tx: Queryable, userId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ roles: sql`array_remove(${users.roles}, 'provider_member')`, updatedAt: now })
    .where(
      and(
        eq(users.id, userId),
        sql`'provider_member' = any(${users.roles})`,
        sql`not exists (select 1 from ${providerMembers} where ${providerMembers.userId} = ${userId})`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

// Invitations

export async function insertInvitation(tx: Queryable, row: typeof providerInvitations.$inferInsert) {
  await tx.insert(providerInvitations).values(row);
}

export async function findInvitationByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(providerInvitations)
    .where(eq(providerInvitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function findInvitation(
  db: Queryable,
  providerId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(providerInvitations)
    .where(and(eq(providerInvitations.id, id), eq(providerInvitations.providerId, providerId)))
    .limit(1);
  return row;
}

const open = and(isNull(providerInvitations.acceptedAt), isNull(providerInvitations.revokedAt));

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listPendingInvitations(
  db: Queryable,
  providerId: string,
  now: Date,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(providerInvitations)
    .where(and(eq(providerInvitations.providerId, providerId), open, gt(providerInvitations.expiresAt, now)))
    .orderBy(asc(providerInvitations.createdAt), asc(providerInvitations.id));
}

/** Revoke open invitations to an address (also expired ones, so the one-open index lets a new one in). */
export async function revokeOpenInvitationsTo(
  tx: Queryable,
  providerId: string,
  email: string,
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .update(providerInvitations)
    .set({ revokedAt: now })
    .where(and(eq(providerInvitations.providerId, providerId), eq(providerInvitations.email, email), open))
    .returning({ id: providerInvitations.id });
  return rows.map((r) => r.id);
}

/** Revoke one open invitation; false when it was already accepted or revoked. */
export async function revokeInvitation(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(providerInvitations)
    .set({ revokedAt: now })
    .where(and(eq(providerInvitations.id, id), open))
    .returning({ id: providerInvitations.id });
  return rows.length > 0;
}

/** Mark an invitation used; false when someone used or revoked it first (single use, even when racing). */
export async function markInvitationAccepted(
  tx: Queryable,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(providerInvitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(providerInvitations.id, id), open, gt(providerInvitations.expiresAt, now)))
    .returning({ id: providerInvitations.id });
  return rows.length > 0;
}

/** Is the address that of a current member of the provider? */
export async function isMemberEmail(db: Queryable, providerId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(providerMembers)
    .innerJoin(users, eq(users.id, providerMembers.userId))
    .where(and(eq(providerMembers.providerId, providerId), eq(users.email, email)))
    .limit(1);
  return row !== undefined;
}
