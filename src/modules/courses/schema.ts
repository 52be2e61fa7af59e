import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
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

export const courseApplicationKinds = ['course', 'bundle'] as const;
export type CourseApplicationKind = (typeof courseApplicationKinds)[number];

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
    /** One course covering the whole set, or a bundle of two or more courses that only together cover it. */
    kind: text('kind', { enum: courseApplicationKinds }).notNull().default('course'),
    /** A renewal names the application that first approved the course (or bundle) it renews. */
    renewsApplicationId: uuid('renews_application_id'),
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
    /** For a bundle: the course of the bundle (course_application_parts.id) that covers this competency. */
    partId: uuid('part_id'),
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
    /** The last day an overdue reminder went out, so the daily sweep mails once a week at most. */
    lastRemindedOn: date('last_reminded_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('course_evaluations_application_evaluator_uq')
      .on(t.applicationId, t.evaluatorId)
      .where(sql`${t.supersededAt} is null`),
    index('course_evaluations_evaluator_idx').on(t.evaluatorId, t.assignedAt),
    // The hourly overdue sweep reads only open evaluations by due date.
    index('course_evaluations_open_due_idx')
      .on(t.dueOn)
      .where(sql`${t.submittedAt} is null and ${t.supersededAt} is null`),
  ],
);

/** For a bundle application: the courses that together cover the set, in the provider's order. */
export const courseApplicationParts = pgTable(
  'course_application_parts',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    contactHours: numeric('contact_hours', { precision: 6, scale: 2, mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('course_application_parts_position_uq').on(t.applicationId, t.position)],
);

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** An approved bundle: its courses (courses.bundle_id) achieve the set only when all are completed. */
export const courseBundles = pgTable(
  'course_bundles',
  {
    id: uuid('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    /** The application that first approved the bundle; its CRS number is the bundle's number. */
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id),
    number: text('number').notNull(),
    setId: text('set_id').notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('course_bundles_number_uq').on(t.number),
    uniqueIndex('course_bundles_application_uq').on(t.applicationId),
  ],
);

/**
 * An approved course, as the catalog shows it. Created when its application is approved; a renewal
 * updates its details and adds an approval period. approvalEndsOn is the last day of the latest period:
 * the catalog lists a course while today is on or before it.
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    /** The application that first approved it (for a bundle, the bundle's application). */
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id),
    bundleId: uuid('bundle_id').references(() => courseBundles.id),
    /** CRS-YYYY-NNNNNN for a single course; the bundle's number with -1, -2… for a bundle's courses. */
    number: text('number').notNull(),
    setId: text('set_id').notNull(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    delivery: text('delivery', { enum: deliveryModes }).notNull(),
    synchronous: boolean('synchronous').notNull(),
    length: text('length').notNull(),
    contactHours: numeric('contact_hours', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    locations: text('locations'),
    costToStudentsCents: integer('cost_to_students_cents').notNull(),
    registrationUrl: text('registration_url'),
    firstApprovedOn: date('first_approved_on', { mode: 'string' }).notNull(),
    approvalEndsOn: date('approval_ends_on', { mode: 'string' }).notNull(),
    /**
     * The approvalEndsOn the "approval ends soon" and "approval lapsed" mails went out for. A
     * renewal moves approvalEndsOn, so the next period gets its own reminders without a reset.
     */
    endingRemindedFor: date('ending_reminded_for', { mode: 'string' }),
    lapseRemindedFor: date('lapse_reminded_for', { mode: 'string' }),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('courses_number_uq').on(t.number),
    index('courses_provider_idx').on(t.providerId),
    index('courses_set_idx').on(t.setId, t.approvalEndsOn),
    index('courses_first_approved_idx').on(t.firstApprovedOn),
    index('courses_bundle_idx').on(t.bundleId),
    // The hourly reminder sweep looks for approvals ending within 90 days or just lapsed.
    index('courses_approval_ends_idx').on(t.approvalEndsOn),
    index('courses_search_idx').using('gin', t.search),
  ],
);

/** Each approval (the first and every renewal) of a course: completions inside any period count. */
export const courseApprovalPeriods = pgTable(
  'course_approval_periods',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => courseApplications.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.startsOn] })],
);

/** A dated session of an approved course: where (city and state) or online. */
export const courseOfferings = pgTable(
  'course_offerings',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    online: boolean('online').notNull(),
    city: text('city'),
    /** Two-letter US state (or province) code; null when online. */
    state: text('state'),
    notes: text('notes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('course_offerings_course_idx').on(t.courseId, t.startsOn),
    index('course_offerings_state_idx').on(t.state, t.startsOn),
    index('course_offerings_starts_idx').on(t.startsOn),
  ],
);
