import { and, eq, like, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { type Limit, windowStart } from './rules/rate-limit.js';
import { rateLimitBuckets } from './schema.js';

/** Count one hit in the current window and return the new count (one atomic upsert). */
export async function hitBucket(db: Queryable, key: string, limit: Limit, now: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: windowStart(now, limit), hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { hits: sql`${rateLimitBuckets.hits} + 1` },
    })
    .returning({ hits: rateLimitBuckets.hits });
  return row?.hits ?? 1;
}

/** Give back a hit counted for an attempt that turned out fine. */
export async function releaseHit(db: Queryable, key: string, limit: Limit, now: Date): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ hits: sql`greatest(${rateLimitBuckets.hits} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart(now, limit))));
}

export async function clearBucket(db: Queryable, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}

/** Old windows are useless; a periodic job can call this. */
export async function pruneBuckets(db: Queryable, before: Date, keyPrefix?: string): Promise<void> {
  await db
    .delete(rateLimitBuckets)
    .where(
      keyPrefix
        ? and(lt(rateLimitBuckets.windowStart, before), like(rateLimitBuckets.key, `${keyPrefix}%`))
        : lt(rateLimitBuckets.windowStart, before),
    );
}
