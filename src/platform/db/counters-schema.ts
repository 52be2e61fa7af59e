import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Gap-free sequence per scope (e.g. "LSSC-2026"), taken inside the transaction that uses it. */
export const referenceCounters = pgTable('reference_counters', {
  scope: text('scope').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
