import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { newSecretToken, sha256Hex } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/ids.js';
import { emailAddresses } from './email-addresses-schema.js';
import { accountTokens, users } from './schema.js';

export type EmailAddressRow = typeof emailAddresses.$inferSelect;

const lowerEmail = sql`lower(${emailAddresses.email})`;

/**
 * Every confirmed address of a person, the primary first (when it is confirmed), then the others in the
 * order they were confirmed. For other modules: a credential lists them so it is not tied to one address.
 */
export async function confirmedEmailsOf(db: Queryable, userId: string): Promise<string[]> {
  const [user] = await db
    .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return [];
  const others = await db
    .select({ email: emailAddresses.email })
    .from(emailAddresses)
    .where(and(eq(emailAddresses.userId, userId), isNotNull(emailAddresses.confirmedAt)))
    .orderBy(asc(emailAddresses.confirmedAt), asc(emailAddresses.id));
  const primary = user.verifiedAt ? [user.email] : [];
  return [...primary, ...others.map((o) => o.email).filter((e) => e !== user.email)];
}

/** The account a confirmed additional address belongs to (uses the partial unique index on lower(email)). */
export async function userIdByConfirmedEmail(db: Queryable, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: emailAddresses.userId })
    .from(emailAddresses)
    .where(and(sql`${lowerEmail} = ${email.trim().toLowerCase()}`, isNotNull(emailAddresses.confirmedAt)))
    .limit(1);
  return row?.userId;
}

export async function listEmailAddresses(db: Queryable, userId: string): Promise<EmailAddressRow[]> {
  return db
    .select()
    .from(emailAddresses)
    .where(eq(emailAddresses.userId, userId))
    .orderBy(asc(emailAddresses.createdAt), asc(emailAddresses.id));
}

export async function countEmailAddresses(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emailAddresses).where(eq(emailAddresses.userId, userId));
  return row?.n ?? 0;
}

export async function findEmailAddress(
  db: Queryable,
  userId: string,
  by: { id: string } | { email: string },
): Promise<EmailAddressRow | undefined> {
  const match =
    'id' in by ? eq(emailAddresses.id, by.id) : sql`${lowerEmail} = ${by.email.trim().toLowerCase()}`;
  const [row] = await db
    .select()
    .from(emailAddresses)
    .where(and(eq(emailAddresses.userId, userId), match))
    .limit(1);
  return row;
}

export async function insertEmailAddress(
  tx: Queryable,
  a: { userId: string; email: string; now: Date; confirmedAt?: Date | null },
): Promise<EmailAddressRow> {
  const [row] = await tx
    .insert(emailAddresses)
    .values({
      id: uuidv7(a.now.getTime()),
      userId: a.userId,
      email: a.email.trim().toLowerCase(),
      confirmedAt: a.confirmedAt ?? null,
      createdAt: a.now,
    })
    .returning();
  return row!;
}

/** Mark a waiting address confirmed; undefined when it is gone or was confirmed already. */
export async function markEmailAddressConfirmed(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<EmailAddressRow | undefined> {
  const [row] = await tx
    .update(emailAddresses)
    .set({ confirmedAt: now })
    .where(and(eq(emailAddresses.id, id), isNull(emailAddresses.confirmedAt)))
    .returning();
  return row;
}

export async function deleteEmailAddress(
  tx: Queryable,
  userId: string,
  id: string,
): Promise<EmailAddressRow | undefined> {
  const [row] = await tx
    .delete(emailAddresses)
    .where(and(eq(emailAddresses.id, id), eq(emailAddresses.userId, userId)))
    .returning();
  return row;
}

/**
 * Issue the confirmation link for one added address (only its SHA-256 is stored, like every account
 * link). Earlier links for the same address stop working; links for the person's other addresses do not.
 */
export async function issueAddEmailToken(
  tx: Queryable,
  t: { userId: string; email: string; now: Date; ttlMs: number },
): Promise<string> {
  await invalidateAddEmailTokens(tx, t.userId, t.email, t.now);
  const raw = newSecretToken();
  await tx.insert(accountTokens).values({
    id: uuidv7(t.now.getTime()),
    userId: t.userId,
    purpose: 'add_email',
    tokenHash: sha256Hex(raw),
    newEmail: t.email,
    createdAt: t.now,
    expiresAt: new Date(t.now.getTime() + t.ttlMs),
  });
  return raw;
}

/** A removed address must not be confirmable through a link still in its inbox. */
export async function invalidateAddEmailTokens(
  tx: Queryable,
  userId: string,
  email: string,
  now: Date,
): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, 'add_email'),
        eq(accountTokens.newEmail, email),
        isNull(accountTokens.usedAt),
      ),
    );
}

/**
 * Make a confirmed additional address the primary: the row is replaced by one for the old primary
 * (a new id, so the old id no longer names anything), and `users.email` takes the new address. The
 * address moves between two tables with their own unique indexes, so each holds at every step.
 */
export async function swapPrimaryEmail(
  tx: Queryable,
  s: {
    userId: string;
    row: EmailAddressRow;
    oldPrimary: string;
    oldPrimaryVerifiedAt: Date | null;
    now: Date;
  },
): Promise<void> {
  await tx.delete(emailAddresses).where(eq(emailAddresses.id, s.row.id));
  await insertEmailAddress(tx, {
    userId: s.userId,
    email: s.oldPrimary,
    now: s.now,
    confirmedAt: s.oldPrimaryVerifiedAt,
  });
  await tx
    .update(users)
    .set({ email: s.row.email, emailVerifiedAt: s.row.confirmedAt ?? s.now, updatedAt: s.now })
    .where(eq(users.id, s.userId));
}

/** For many people at once: their confirmed additional addresses (not the primary), oldest first. */
export async function confirmedOtherEmailsOf(
  db: Queryable,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: emailAddresses.userId, email: emailAddresses.email })
    .from(emailAddresses)
    .where(
      and(
        sql`${emailAddresses.userId} = any(${sql.param([...userIds])}::uuid[])`,
        isNotNull(emailAddresses.confirmedAt),
      ),
    )
    .orderBy(asc(emailAddresses.confirmedAt), asc(emailAddresses.id));
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.email]);
  return byUser;
}
