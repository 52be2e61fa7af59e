import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { accessTokens } from './schema.js';

export type AccessTokenRow = typeof accessTokens.$inferSelect;

export async function insertAccessToken(tx: Queryable, row: typeof accessTokens.$inferInsert) {
  await tx.insert(accessTokens).values(row);
}

/** The person's tokens that are not revoked, newest first (expired ones stay listed so people see why). */
export async function listAccessTokens(db: Queryable, userId: string): Promise<AccessTokenRow[]> {
  return db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id))
    .limit(200);
}

/** Revoke one of the person's own tokens; undefined when there is no such live token. */
export async function revokeAccessToken(tx: Queryable, userId: string, id: string, now: Date) {
  const [row] = await tx
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(eq(accessTokens.id, id), eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
    .returning();
  return row;
}
