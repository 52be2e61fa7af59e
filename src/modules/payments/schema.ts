import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';

export const feeKinds = [
  'application',
  'portfolio',
  'course_approval',
  'course_approval_renewal',
  'certification_renewal',
] as const;
export type FeeKind = (typeof feeKinds)[number];

/** A fee owed for one thing (an application, a portfolio…). Its balance is derived from ledger entries. */
export const fees = pgTable(
  'fees',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: feeKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    payerUserId: uuid('payer_user_id')
      .notNull()
      .references(() => users.id),
    member: boolean('member').notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fees_subject_uq').on(t.kind, t.subjectId), index('fees_payer_idx').on(t.payerUserId)],
);

// An award (e.g. the half-fee enrollment award) reduces what is owed like a waiver; it is its own kind so reports can tell them apart.
export const ledgerEntryKinds = ['charge', 'payment', 'refund', 'waiver', 'award'] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

/** How money moved; a text column, so a new method needs no migration. */
export const ledgerMethods = ['card', 'check', 'bank_transfer', 'none'] as const;
export type LedgerMethod = (typeof ledgerMethods)[number];

/** Append-only. Amounts are positive integer cents; the kind gives the direction. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    feeId: uuid('fee_id')
      .notNull()
      .references(() => fees.id),
    kind: text('kind', { enum: ledgerEntryKinds }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: ledgerMethods }).notNull(),
    /** Provider reference (checkout id, check number): unique per fee and method, so a retry records once. */
    reference: text('reference'),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ledger_entries_fee_idx').on(t.feeId, t.createdAt),
    // Finance reports read the ledger by day (payments by day and method).
    index('ledger_entries_created_idx').on(t.createdAt),
    // Reconciliation reads one kind (and method) at a time: refunds, card payments.
    index('ledger_entries_kind_idx').on(t.kind, t.method, t.feeId),
    // The reconciliation matches card payments with checkouts by fee: read in fee order from the index
    // alone (a merge join), without visiting the entries.
    index('ledger_entries_card_payments_idx')
      .on(t.feeId, t.reference, t.id, t.createdAt)
      .where(sql`${t.kind} = 'payment' and ${t.method} = 'card'`),
    uniqueIndex('ledger_entries_reference_uq')
      .on(t.feeId, t.kind, t.method, t.reference)
      .where(sql`${t.reference} is not null`),
  ],
);

/**
 * Each fee's running sums of its ledger entries, kept by the database (a trigger on ledger_entries,
 * migration 0018) in the same transaction as every entry, whoever inserts it. Never written by the
 * application, and not the truth: balances shown and checked are still worked out from the entries.
 * It lets "refunds owed" and the reconciliation find the few fees that qualify without summing the whole
 * ledger.
 */
export const feeBalances = pgTable(
  'fee_balances',
  {
    feeId: uuid('fee_id')
      .primaryKey()
      .references(() => fees.id, { onDelete: 'cascade' }),
    /** Payments less refunds. */
    netPaidCents: bigint('net_paid_cents', { mode: 'number' }).notNull(),
    /** Charges and refunds less payments, waivers and awards; below zero when overpaid. */
    dueCents: bigint('due_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    // Overpaid fees: few, so the index is small.
    index('fee_balances_refunds_owed_idx')
      .on(t.feeId)
      .where(sql`${t.netPaidCents} > 0 and ${t.dueCents} < 0`),
    // Fees refunded beyond what was paid, which the ledger must never allow: normally empty. The
    // reconciliation reads it, then checks each fee it finds against the ledger itself.
    index('fee_balances_over_refunded_idx').on(t.feeId).where(sql`${t.netPaidCents} < 0`),
  ],
);

/**
 * Which UTC days of the ledger are summarised in `ledger_day_totals` (a day with no entries too, so it is
 * not summed again). Filled by the finance reports, from the ledger, only for days at least two days
 * before today, which ordinary writes never reach. Any entry written, changed or deleted on a day drops
 * that day from both tables (trigger on ledger_entries, migration 0021), so a summary never outlives a
 * change. A cache: the ledger stays the record.
 */
export const ledgerDaysClosed = pgTable('ledger_days_closed', {
  day: date('day', { mode: 'string' }).primaryKey(),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
});

/** Count and sum of a closed day's ledger entries per kind and method (see ledgerDaysClosed). */
export const ledgerDayTotals = pgTable(
  'ledger_day_totals',
  {
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ledgerEntryKinds }).notNull(),
    method: text('method', { enum: ledgerMethods }).notNull(),
    count: integer('count').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.method] })],
);

export const checkouts = pgTable(
  'checkouts',
  {
    id: uuid('id').primaryKey(),
    feeId: uuid('fee_id')
      .notNull()
      .references(() => fees.id),
    provider: text('provider', { enum: ['sandbox', 'stripe'] }).notNull(),
    status: text('status', { enum: ['open', 'succeeded', 'failed'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    /** What the payer sees they are paying for ("Course approval fee for CRS-2026-000001"). */
    description: text('description'),
    /** Who opened it: they alone may complete it (any member of a provider may pay its course fee). */
    openedBy: uuid('opened_by').references(() => users.id),
    /** Where the payer goes after paying, and where to try again after a decline. */
    returnPath: text('return_path'),
    retryPath: text('retry_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('checkouts_fee_idx').on(t.feeId),
    // The other side of that match (see ledger_entries_card_payments_idx).
    index('checkouts_succeeded_idx').on(t.feeId, t.id, t.completedAt).where(sql`${t.status} = 'succeeded'`),
    // At most one open checkout per fee: a double click reuses it instead of charging twice.
    uniqueIndex('checkouts_one_open_uq').on(t.feeId).where(sql`${t.status} = 'open'`),
  ],
);
