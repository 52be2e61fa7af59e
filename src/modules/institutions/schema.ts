import { sql } from 'drizzle-orm';
import {
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
import { applications } from '../applications/schema.js';
import { ledgerEntries } from '../payments/schema.js';

/** The kinds of institution that pay for their staff by purchase order (PROGRAM.md, "institution"). */
export const institutionKinds = ['library', 'library_system', 'state_library', 'agency'] as const;
export type InstitutionKind = (typeof institutionKinds)[number];

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: institutionKinds }).notNull(),
    /** State or region, as written. */
    region: text('region').notNull(),
    /** Where invoices go, as the contact wrote it (several lines). */
    billingAddress: text('billing_address').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('institutions_name_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    // "Find your institution": any part of the name or region (LIKE '%word%'); pg_trgm, on both backends.
    // No pending list (fastupdate): PGlite has no autovacuum to merge it, and the planner then skips the index.
    index('institutions_search_trgm_idx')
      .using('gin', sql`lower(${t.name} || ' ' || ${t.region}) gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);

export const institutionContacts = pgTable(
  'institution_contacts',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: uuid('added_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.userId] }),
    index('institution_contacts_user_idx').on(t.userId),
  ],
);

/** A contact inviting another contact; only the token's SHA-256 is kept. */
export const institutionContactInvitations = pgTable(
  'institution_contact_invitations',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
  },
  (t) => [uniqueIndex('institution_contact_invitations_token_uq').on(t.tokenHash)],
);

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    poNumber: text('po_number').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // A PO number is used once per institution; the index is what refuses a double submission.
  (t) => [uniqueIndex('purchase_orders_number_uq').on(t.institutionId, t.poNumber)],
);

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey(),
    /** INV-YYYY-NNNNNN */
    number: text('number').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    uniqueIndex('invoices_purchase_order_uq').on(t.purchaseOrderId),
    index('invoices_institution_idx').on(t.institutionId, t.createdAt),
    index('invoices_due_idx').on(t.dueOn),
  ],
);

/**
 * One applicant on an invoice. Whether a line is covered is derived from the invoice's payments and
 * the line order; `feePaymentEntryId` records that the covered amount reached the applicant's fee.
 */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** Lower-cased and trimmed. */
    email: text('email').notNull(),
    amountCents: integer('amount_cents').notNull(),
    member: boolean('member').notNull(),
    /** True when membership was unknown (the person had not applied) and the non-member fee was used. */
    memberUnknown: boolean('member_unknown').notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    /** The invitation to apply (only its hash); null for an applicant matched at once. */
    inviteTokenHash: text('invite_token_hash'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    feePaymentEntryId: uuid('fee_payment_entry_id').references(() => ledgerEntries.id),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_uq').on(t.invoiceId, t.position),
    uniqueIndex('invoice_lines_email_uq').on(t.invoiceId, t.email),
    uniqueIndex('invoice_lines_invite_uq').on(t.inviteTokenHash),
    index('invoice_lines_application_idx').on(t.applicationId),
    index('invoice_lines_email_idx').on(t.email),
  ],
);

export const invoicePaymentMethods = ['check', 'bank_transfer'] as const;
export type InvoicePaymentMethod = (typeof invoicePaymentMethods)[number];

export const invoicePaymentStates = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type InvoicePaymentState = (typeof invoicePaymentStates)[number];

export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    method: text('method', { enum: invoicePaymentMethods }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** Check number or bank transfer reference: recorded once per invoice. */
    reference: text('reference').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * Only approved payments count towards the invoice. One over the policy threshold waits
     * (pending) until a different staff member approves or declines it; the one who recorded it
     * may withdraw it.
     */
    state: text('state', { enum: invoicePaymentStates }).notNull().default('approved'),
    /** When it began to count: receipts are numbered in this order, so a number never changes. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The second staff member, for a payment that needed one. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    // A declined or withdrawn payment frees its reference, so the right one can be recorded.
    uniqueIndex('invoice_payments_reference_uq')
      .on(t.invoiceId, t.method, t.reference)
      .where(sql`${t.state} in ('pending', 'approved')`),
    index('invoice_payments_received_idx').on(t.receivedOn).where(sql`${t.state} = 'approved'`),
    index('invoice_payments_pending_idx').on(t.createdAt, t.id).where(sql`${t.state} = 'pending'`),
  ],
);

/** The institution an applicant said will pay ("my institution pays"). */
export const applicationPayers = pgTable('application_payers', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id')
    .notNull()
    .references(() => institutions.id),
  chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull(),
});
