import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { frameworkVersions, policyVersions } from '../policy/schema.js';

export const applicationStatuses = [
  'draft',
  'awaiting_payment',
  'awaiting_check',
  'in_review',
  'info_requested',
  'admitted',
  'rejected',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    /** LSSC-YYYY-NNNNNN, given at submission. */
    number: text('number'),
    status: text('status', { enum: applicationStatuses }).notNull(),
    /** Personal and contact details, employer; see applications/forms.ts for the shape. */
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    familyName: text('family_name'),
    givenName: text('given_name'),
    country: text('country'),
    region: text('region'),
    hasHighSchool: boolean('has_high_school'),
    alaMemberNumber: text('ala_member_number'),
    research: jsonb('research'),
    paymentMethod: text('payment_method', { enum: ['card', 'check', 'institution'] }),
    /** Eligibility as computed at submission (hours, window, reasons). */
    eligibility: jsonb('eligibility'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedOn: date('submitted_on', { mode: 'string' }),
    admittedOn: date('admitted_on', { mode: 'string' }),
    deadlineOn: date('deadline_on', { mode: 'string' }),
    policyVersionId: uuid('policy_version_id').references(() => policyVersions.id),
    frameworkVersionId: uuid('framework_version_id').references(() => frameworkVersions.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('applications_number_uq').on(t.number),
    // One open application per person; a rejected one may be followed by a new one.
    uniqueIndex('applications_one_open_uq').on(t.candidateId).where(sql`${t.status} <> 'rejected'`),
    index('applications_candidate_idx').on(t.candidateId),
    index('applications_queue_idx').on(t.status, t.submittedAt, t.id),
    index('applications_region_idx').on(t.region, t.submittedAt),
    index('applications_status_region_idx').on(t.status, t.region, t.submittedAt, t.id),
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    // Staff search the queue by the start of a name, in any case: prefix LIKE on lower(name) uses these.
    index('applications_family_name_idx').on(sql`lower(${t.familyName}) text_pattern_ops`),
    index('applications_given_name_idx').on(sql`lower(${t.givenName}) text_pattern_ops`),
  ],
);

export const experienceEntries = pgTable(
  'experience_entries',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    library: text('library').notNull(),
    libraryType: text('library_type').notNull(),
    position: text('position').notNull(),
    paid: boolean('paid').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    hoursPerWeek: numeric('hours_per_week', { precision: 5, scale: 2, mode: 'number' }),
    totalHours: integer('total_hours'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('experience_entries_application_idx').on(t.applicationId, t.startDate)],
);

export const applicationMessages = pgTable(
  'application_messages',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['info_request', 'candidate_response'] }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_messages_application_idx').on(t.applicationId, t.createdAt)],
);

/** Competency sets a candidate has achieved; filled by the course, portfolio and agreement modules. */
export const setAchievements = pgTable(
  'set_achievements',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    setId: text('set_id').notNull(),
    how: text('how', { enum: ['course', 'portfolio', 'agreement'] }).notNull(),
    achievedOn: date('achieved_on', { mode: 'string' }).notNull(),
    sourceRef: text('source_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('set_achievements_candidate_set_uq').on(t.candidateId, t.setId)],
);
