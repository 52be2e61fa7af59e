import { and, eq, gt, isNull } from 'drizzle-orm';
import { newSecretToken, sha256Hex } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/ids.js';
import { accountTokens } from './schema.js';

export type AccountTokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];
export type AccountTokenRow = typeof accountTokens.$inferSelect;

/**
 * Issue a single-use link token; only its SHA-256 is stored. Earlier unused tokens of the same purpose
 * stop working, so only the newest link in someone's inbox is live.
 */
export async function issueAccountToken(
  tx: Queryable,
  t: { userId: string; purpose: AccountTokenPurpose; email: string; now: Date; ttlMs: number },
): Promise<string> {
  await tx
    .update(accountTokens)
    .set({ usedAt: t.now })
    .where(
      and(
        eq(accountTokens.userId, t.userId),
        eq(accountTokens.purpose, t.purpose),
        isNull(accountTokens.usedAt),
      ),
    );
  const raw = newSecretToken();
  await tx.insert(accountTokens).values({
    id: uuidv7(t.now.getTime()),
    userId: t.userId,
    purpose: t.purpose,
    tokenHash: sha256Hex(raw),
    // The address the link was sent to: a link only works for the address it proves.
    newEmail: t.email,
    createdAt: t.now,
    expiresAt: new Date(t.now.getTime() + t.ttlMs),
  });
  return raw;
}

/** A live token, without using it up (to decide which page to show). */
export async function findUsableAccountToken(
  db: Queryable,
  raw: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<AccountTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, sha256Hex(raw)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

/** Use a token up; one conditional update, so two clicks at once cannot both succeed. */
export async function consumeAccountToken(
  tx: Queryable,
  raw: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<AccountTokenRow | undefined> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, sha256Hex(raw)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}
