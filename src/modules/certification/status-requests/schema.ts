import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.js';
import { certificationStatuses, certifications } from '../schema.js';

/** What staff may ask to do to a certification. */
export const statusChangeActions = ['suspend', 'revoke', 'reinstate'] as const;
export type StatusChangeAction = (typeof statusChangeActions)[number];

/** pending until a second staff member approves or declines it, or the requester withdraws it. */
export const statusRequestStates = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type StatusRequestState = (typeof statusRequestStates)[number];

/**
 * A staff request to suspend, revoke or reinstate a certification. It takes effect only when a
 * second, different staff member approves it (four eyes on a decision that takes someone's
 * standing away). The row keeps the status before and after, so reinstating a suspension puts
 * back exactly the status it had (active or provisional).
 */
export const certificationStatusRequests = pgTable(
  'certification_status_requests',
  {
    id: uuid('id').primaryKey(),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certifications.id),
    action: text('action', { enum: statusChangeActions }).notNull(),
    state: text('state', { enum: statusRequestStates }).notNull(),
    reason: text('reason').notNull(),
    /** The certification's status when the request was made: approval requires it unchanged. */
    statusBefore: text('status_before', { enum: certificationStatuses }).notNull(),
    /** What the certification becomes on approval. */
    statusAfter: text('status_after', { enum: certificationStatuses }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** The approver or the one who declined; the requester for a withdrawal. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The program's calendar day the change took effect (approved requests): appeal periods count from it. */
    effectiveOn: date('effective_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    // One pending request per certification, even when two staff members ask at the same moment.
    uniqueIndex('certification_status_requests_one_pending_uq')
      .on(t.certificationId)
      .where(sql`${t.state} = 'pending'`),
    // The approvals list: pending requests, oldest first.
    index('certification_status_requests_pending_idx')
      .on(t.requestedAt, t.id)
      .where(sql`${t.state} = 'pending'`),
    index('certification_status_requests_certification_idx').on(t.certificationId, t.requestedAt),
  ],
);

export type CertificationStatusRequestRow = typeof certificationStatusRequests.$inferSelect;
