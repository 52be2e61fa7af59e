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
import { applications } from '../applications/schema.js';
import { certifications } from '../certification/schema.js';
import { frameworkVersions } from '../policy/schema.js';

/** A college whose degree or certificate programs the program has reviewed (issue 5, agreements). */
export const colleges = pgTable(
  'colleges',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** State, province or region, as written (IL); may be empty outside the US. */
    region: text('region'),
    /** ISO 3166-1 alpha-2 code. */
    country: text('country').notNull(),
    website: text('website'),
    contactEmail: text('contact_email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('colleges_name_idx').on(sql`lower(${t.name})`)],
);

export const programAwards = ['associate_degree', 'certificate'] as const;
export type ProgramAward = (typeof programAwards)[number];

export const collegePrograms = pgTable(
  'college_programs',
  {
    id: uuid('id').primaryKey(),
    collegeId: uuid('college_id')
      .notNull()
      .references(() => colleges.id),
    name: text('name').notNull(),
    award: text('award', { enum: programAwards }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('college_programs_college_idx').on(t.collegeId, t.name)],
);

/** A course every graduate of the program must pass, mapped to the competency sets it covers. */
export const programCourses = pgTable(
  'program_courses',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => collegePrograms.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** Ids of competency sets of the active framework this course covers (may be empty until mapped). */
    setIds: jsonb('set_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('program_courses_code_uq').on(t.programId, t.code)],
);

/**
 * A signed agreement: graduates of the program on or after `effectiveFrom` (and on or before
 * `endsOn`, if any) achieve the covered sets. The sets are frozen when signed.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    /** AGR-YYYY-NNNNNN: what staff, colleges and graduates refer to. */
    reference: text('reference').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => collegePrograms.id),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    coveredSetIds: jsonb('covered_set_ids').$type<string[]>().notNull(),
    coverage: text('coverage', { enum: ['full', 'partial'] }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** in_force until staff end it; an ended agreement still counts for graduates up to its end date. */
    status: text('status', { enum: ['in_force', 'ended'] }).notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    endedBy: uuid('ended_by').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('agreements_reference_uq').on(t.reference),
    // One agreement in force per program: signing twice (a double click) finds the first.
    uniqueIndex('agreements_one_in_force_uq').on(t.programId).where(sql`${t.status} = 'in_force'`),
    index('agreements_public_idx').on(t.signedAt, t.id),
  ],
);

export const graduationClaimStatuses = ['pending', 'verified', 'rejected'] as const;
export type GraduationClaimStatus = (typeof graduationClaimStatuses)[number];

/** An applicant's statement that they graduated from a program under an agreement, with proof. */
export const graduationClaims = pgTable(
  'graduation_claims',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    graduatedOn: date('graduated_on', { mode: 'string' }).notNull(),
    proofBlobKey: text('proof_blob_key').notNull(),
    proofFileName: text('proof_file_name').notNull(),
    proofMime: text('proof_mime').notNull(),
    proofSize: integer('proof_size').notNull(),
    proofSha256: text('proof_sha256').notNull(),
    status: text('status', { enum: graduationClaimStatuses }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    /** When the covered sets were recorded as achievements (verified and admitted). */
    setsRecordedAt: timestamp('sets_recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('graduation_claims_application_uq').on(t.applicationId),
    index('graduation_claims_candidate_idx').on(t.candidateId),
  ],
);

/** Library work a provisionally certified graduate reports after admission; staff confirm it. */
export const provisionalHours = pgTable(
  'provisional_hours',
  {
    id: uuid('id').primaryKey(),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certifications.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    library: text('library').notNull(),
    libraryType: text('library_type').notNull(),
    position: text('position').notNull(),
    paid: boolean('paid').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    hoursPerWeek: numeric('hours_per_week', { precision: 5, scale: 2, mode: 'number' }),
    totalHours: integer('total_hours'),
    status: text('status', { enum: ['pending', 'confirmed', 'rejected'] }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('provisional_hours_certification_idx').on(t.certificationId, t.startDate),
    index('provisional_hours_pending_idx').on(t.status, t.createdAt),
  ],
);
