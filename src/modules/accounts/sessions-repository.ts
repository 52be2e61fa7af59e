import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { accessTokens, sessions, users } from './schema.js';

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const actorColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  roles: users.roles,
  emailVerifiedAt: users.emailVerifiedAt,
  totpEnabledAt: users.totpEnabledAt,
  disabledAt: users.disabledAt,
};

const liveSessionQuery = (db: Db) =>
  db
    .select({
      ...actorColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      mfaVerifiedAt: sessions.mfaVerifiedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('live_session');

export async function findLiveSession(db: Db, sessionId: string, now: Date) {
  const [row] = await prepared(db, 'live_session', liveSessionQuery).execute({
    sessionId,
    now,
    idleSince: new Date(now.getTime() - SESSION_IDLE_MS),
  });
  if (row && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return row;
}

export async function insertSession(
  tx: Queryable,
  s: { id: string; userId: string; now: Date; mfaVerified: boolean; userAgent: string | null },
) {
  await tx.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    createdAt: s.now,
    lastSeenAt: s.now,
    expiresAt: new Date(s.now.getTime() + SESSION_ABSOLUTE_MS),
    mfaVerifiedAt: s.mfaVerified ? s.now : null,
    userAgent: s.userAgent?.slice(0, 300) ?? null,
  });
}

export async function markSessionMfaVerified(tx: Queryable, sessionId: string, now: Date) {
  await tx.update(sessions).set({ mfaVerifiedAt: now }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(tx: Queryable, sessionId: string) {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** After a password or email change every other session of the user ends. */
export async function deleteOtherSessions(tx: Queryable, userId: string, keepSessionId: string | undefined) {
  await tx
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepSessionId}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))),
    );
}

export async function findTokenOwner(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ ...actorColumns, tokenId: accessTokens.id, lastUsedAt: accessTokens.lastUsedAt })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        isNull(accessTokens.revokedAt),
        or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, now)),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (row && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)) {
    await db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, row.tokenId));
  }
  return row;
}
