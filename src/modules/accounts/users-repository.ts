import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { userIdByConfirmedEmail } from './email-addresses-repository.js';
import { users } from './schema.js';

export type UserRow = typeof users.$inferSelect;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The account an address belongs to: its primary address, or a confirmed additional one. */
export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  if (row) return row;
  const ownerId = await userIdByConfirmedEmail(db, email);
  return ownerId ? findUserById(db, ownerId) : undefined;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await prepared(db, 'user_by_id', (d) =>
    d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .limit(1)
      .prepare('user_by_id'),
  ).execute({ id });
  return row;
}

export async function insertUser(tx: Queryable, u: typeof users.$inferInsert) {
  await tx.insert(users).values({ ...u, email: normalizeEmail(u.email) });
}

export async function updateUser(tx: Queryable, id: string, patch: Partial<typeof users.$inferInsert>) {
  await tx.update(users).set(patch).where(eq(users.id, id));
}

/** Insert unless the email is taken (also by a concurrent sign-up); true when the row was added. */
export async function insertUserIfNew(tx: Queryable, u: typeof users.$inferInsert): Promise<boolean> {
  const rows = await tx
    .insert(users)
    .values({ ...u, email: normalizeEmail(u.email) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return rows.length > 0;
}
