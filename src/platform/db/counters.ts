import { sql } from 'drizzle-orm';
import type { Queryable } from './client.js';
import { referenceCounters } from './counters-schema.js';

/**
 * Next number in a scope ("LSSC-2026"). The row lock taken by the upsert is held until the
 * transaction ends, so numbers are gap-free and never repeat, even under concurrency.
 */
export async function nextInSequence(tx: Queryable, scope: string): Promise<number> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ scope, lastValue: 1 })
    .onConflictDoUpdate({
      target: referenceCounters.scope,
      set: { lastValue: sql`${referenceCounters.lastValue} + 1` },
    })
    .returning({ value: referenceCounters.lastValue });
  return row!.value;
}
