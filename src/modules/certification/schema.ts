import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { applications } from '../applications/schema.js';

/**
 * active: certified; provisional: requirements met by a graduate still short of the hours (issue 5,
 * agreements); suspended and revoked: by staff, with a second staff member's approval.
 */
export const certificationStatuses = ['active', 'provisional', 'suspended', 'revoked'] as const;
export type CertificationStatus = (typeof certificationStatuses)[number];

/** One certification of a candidate: CLSS-YYYY-NNNNNN, from the day the program was completed. */
export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** CLSS-YYYY-NNNNNN: what the holder shares and anyone verifies by. */
    number: text('number').notNull(),
    status: text('status', { enum: certificationStatuses }).notNull(),
    /** The day the program was completed (the last set needed), or the day staff certified by hand. */
    certifiedOn: date('certified_on', { mode: 'string' }).notNull(),
    /** certifiedOn + policy.certification.validityYears. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** automatic: the requirements were met; manual: staff certified, with a reason. */
    basis: text('basis', { enum: ['automatic', 'manual'] }).notNull(),
    reason: text('reason'),
    certifiedBy: uuid('certified_by').references(() => users.id),
    /** The holder chose to be listed in the public registry of certified staff. */
    inRegistry: boolean('in_registry').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('certifications_number_uq').on(t.number),
    // One certification per application: certifying twice (two roster confirmations at once) makes one.
    uniqueIndex('certifications_application_uq').on(t.applicationId),
    index('certifications_candidate_idx').on(t.candidateId),
    index('certifications_registry_idx').on(t.inRegistry).where(sql`${t.inRegistry}`),
    // The few suspended and revoked ones: the status lists' change check and their bits read these.
    index('certifications_withdrawn_idx')
      .on(t.status, t.updatedAt)
      .where(sql`${t.status} in ('suspended', 'revoked')`),
  ],
);

/** A staff extension of a candidate's deadline, with its reason: the application's deadline moves. */
export const deadlineExtensions = pgTable(
  'deadline_extensions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    previousDeadlineOn: date('previous_deadline_on', { mode: 'string' }).notNull(),
    newDeadlineOn: date('new_deadline_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('deadline_extensions_application_idx').on(t.applicationId, t.createdAt)],
);
