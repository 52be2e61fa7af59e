import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ledgerEntries } from '../schema.js';

/**
 * The receipt number of a payment (RCT-YYYY-NNNNNN). Numbered on first need (the payer's list of
 * receipts or a download), not when the payment is recorded: every payment path (card, check,
 * invoice, provider webhook) then gets receipts without each one calling this module, and a
 * number once given never changes (one row per ledger entry).
 */
export const receipts = pgTable(
  'receipts',
  {
    ledgerEntryId: uuid('ledger_entry_id')
      .primaryKey()
      .references(() => ledgerEntries.id),
    number: text('number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('receipts_number_uq').on(t.number)],
);

export type ReceiptRow = typeof receipts.$inferSelect;
