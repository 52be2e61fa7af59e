import type { Ctx } from '../../../platform/context.js';
import { pruneBuckets } from '../rate-limit-repository.js';
import { deleteExpiredSessions } from '../sessions-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Housekeeping run by the job queue: ended sessions and rate-limit windows long past. Changes no one's state. */
export async function pruneExpiredRecords(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  await deleteExpiredSessions(ctx.db, now);
  await pruneBuckets(ctx.db, new Date(now.getTime() - DAY_MS));
}
