import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.js';
import { fees, ledgerEntries, ledgerMethods } from '../schema.js';

/** What a staff member may ask a second one to approve on a fee. */
export const adjustmentKinds = ['refund', 'waiver', 'award', 'check_payment'] as const;
export type PaymentAdjustmentKind = (typeof adjustmentKinds)[number];

export const adjustmentStates = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type AdjustmentState = (typeof adjustmentStates)[number];

/**
 * A refund, waiver, award, or a large check, waiting for a second staff member. Nothing reaches the
 * ledger until a different staff member approves it; the approval writes the ledger entry in the
 * same transaction and keeps its id here, so every such entry can be traced to the two people.
 */
export const paymentAdjustments = pgTable(
  'payment_adjustments',
  {
    id: uuid('id').primaryKey(),
    feeId: uuid('fee_id')
      .notNull()
      .references(() => fees.id),
    kind: text('kind', { enum: adjustmentKinds }).notNull(),
    state: text('state', { enum: adjustmentStates }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: ledgerMethods }).notNull(),
    /** Check number, transfer reference, or the original card checkout for a card refund. */
    reference: text('reference'),
    /** Why (refund, waiver) or which award; the payer may read it. */
    reason: text('reason').notNull(),
    /** For a check: the day it arrived. */
    receivedOn: date('received_on', { mode: 'string' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
  },
  (t) => [
    // One pending adjustment per fee: the second is decided against the balance the first left.
    uniqueIndex('payment_adjustments_one_pending_uq').on(t.feeId).where(sql`${t.state} = 'pending'`),
    index('payment_adjustments_pending_idx').on(t.requestedAt, t.id).where(sql`${t.state} = 'pending'`),
    index('payment_adjustments_fee_idx').on(t.feeId, t.requestedAt),
  ],
);

export type PaymentAdjustmentRow = typeof paymentAdjustments.$inferSelect;
