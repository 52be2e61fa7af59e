import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { frameworkVersions } from '../policy/schema.js';
import { providers } from '../providers/schema.js';

/** Later slices add in_evaluation, returned, approved and declined. */
export const courseApplicationStatuses = [
  'draft',
  'submitted',
  'in_evaluation',
  'returned',
  'approved',
  'declined',
] as const;
export type CourseApplicationStatus = (typeof courseApplicationStatuses)[number];

export const deliveryModes = ['face_to_face', 'online', 'both'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const courseFileKinds = ['syllabus', 'resume'] as const;
export type CourseFileKind = (typeof courseFileKinds)[number];

/** A provider's request to have one course approved for one competency set. Fields stay null until saved. */
export const courseApplications = pgTable(
  'course_applications',
  {
    id: uuid('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    status: text('status', { enum: courseApplicationStatuses }).notNull(),
    setId: text('set_id').notNull(),
    /** The framework in force when the application was started: its set and competencies are the ones to map. */
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    title: text('title'),
    description: text('description'),
    delivery: text('delivery', { enum: deliveryModes }),
    synchronous: boolean('synchronous'),
    /** As the provider puts it: "8 weeks", "3 days". */
    length: text('length'),
    contactHours: numeric('contact_hours', { precision: 6, scale: 2, mode: 'number' }),
    locations: text('locations'),
    costToStudentsCents: integer('cost_to_students_cents'),
    registrationUrl: text('registration_url'),
    teachingMethods: text('teaching_methods'),
    assessmentStrategy: text('assessment_strategy'),
    /** CRS-YYYY-NNNNNN, given at submission. */
    number: text('number'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Set by the staff decision; approval runs from approvedOn to approvalEndsOn (policy years). */
    approvedOn: date('approved_on', { mode: 'string' }),
    approvalEndsOn: date('approval_ends_on', { mode: 'string' }),
    decisionComment: text('decision_comment'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('course_applications_number_uq').on(t.number),
    index('course_applications_provider_idx').on(t.providerId, t.createdAt),
    index('course_applications_status_idx').on(t.status, t.submittedAt),
  ],
);

/** For one competency of the set: how the course covers it. */
export const courseCompetencyMap = pgTable(
  'course_competency_map',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id, { onDelete: 'cascade' }),
    competencyId: text('competency_id').notNull(),
    content: text('content').notNull(),
    readings: text('readings'),
    assignments: text('assignments'),
    assessment: text('assessment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.competencyId] })],
);

/** Uploaded syllabus and instructor résumés; the bytes live in the blob store under blobKey. */
export const courseApplicationFiles = pgTable(
  'course_application_files',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: courseFileKinds }).notNull(),
    blobKey: text('blob_key').notNull(),
    fileName: text('file_name').notNull(),
    /** Detected from the content, not what the browser claimed. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('course_application_files_application_idx').on(t.applicationId, t.uploadedAt),
    uniqueIndex('course_application_files_blob_uq').on(t.blobKey),
  ],
);

export const evaluationRecommendations = ['approve', 'revise', 'decline'] as const;
export type EvaluationRecommendation = (typeof evaluationRecommendations)[number];

/** One course evaluator's assignment to an application and, once submitted, their rubric scores. */
export const courseEvaluations = pgTable(
  'course_evaluations',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id, { onDelete: 'cascade' }),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Criterion id → score 1–4 (see rules/rubric.ts). */
    scores: jsonb('scores').$type<Record<string, number>>(),
    comment: text('comment'),
    recommendation: text('recommendation', { enum: evaluationRecommendations }),
    /** Set when a later round of evaluation (after a resubmission) replaced this one; kept as history. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('course_evaluations_application_evaluator_uq')
      .on(t.applicationId, t.evaluatorId)
      .where(sql`${t.supersededAt} is null`),
    index('course_evaluations_evaluator_idx').on(t.evaluatorId, t.assignedAt),
  ],
);
