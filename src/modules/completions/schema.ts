import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { courses } from '../courses/schema.js';
import { providers } from '../providers/schema.js';

export const completionSources = ['roster', 'api', 'claim'] as const;
export type CompletionSource = (typeof completionSources)[number];

/** A claim waits for the provider (or staff) to confirm it; rosters arrive confirmed. */
export const completionStatuses = ['pending', 'confirmed', 'rejected'] as const;
export type CompletionStatus = (typeof completionStatuses)[number];

/**
 * A candidate's completion of an approved course. Whether it counts (the credit rule) is decided when
 * it is confirmed and kept with the reason, so the candidate can see why one did not count.
 */
export const courseCompletions = pgTable(
  'course_completions',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    passed: boolean('passed').notNull(),
    source: text('source', { enum: completionSources }).notNull(),
    status: text('status', { enum: completionStatuses }).notNull(),
    /** Null until confirmed; then whether the credit rule let it count, and why not. */
    counts: boolean('counts'),
    notCountedReason: text('not_counted_reason'),
    rosterImportId: uuid('roster_import_id'),
    /** A claim's proof (certificate, transcript): bytes in the blob store. */
    proofBlobKey: text('proof_blob_key'),
    proofFileName: text('proof_file_name'),
    proofMime: text('proof_mime'),
    proofSize: bigint('proof_size', { mode: 'number' }),
    proofSha256: text('proof_sha256'),
    claimNote: text('claim_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The same person, course and day once (a roster sent twice, a claim for a reported completion).
    uniqueIndex('course_completions_once_uq')
      .on(t.courseId, t.candidateId, t.completedOn)
      .where(sql`${t.status} <> 'rejected'`),
    index('course_completions_candidate_idx').on(t.candidateId, t.completedOn),
    index('course_completions_course_idx').on(t.courseId, t.completedOn),
    index('course_completions_pending_idx').on(t.courseId, t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);

export const rosterImportStatuses = ['preview', 'applied', 'discarded'] as const;
export type RosterImportStatus = (typeof rosterImportStatuses)[number];

/** One roster a provider sent (CSV upload or API): previewed first, applied only when confirmed. */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    source: text('source', { enum: ['csv', 'api'] }).notNull(),
    fileName: text('file_name'),
    status: text('status', { enum: rosterImportStatuses }).notNull(),
    totalRows: integer('total_rows').notNull(),
    matchedRows: integer('matched_rows').notNull(),
    unmatchedRows: integer('unmatched_rows').notNull(),
    invalidRows: integer('invalid_rows').notNull(),
    duplicateRows: integer('duplicate_rows').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('roster_imports_provider_idx').on(t.providerId, t.createdAt)],
);

export const rosterRowOutcomes = ['matched', 'unmatched', 'invalid', 'duplicate'] as const;
export type RosterRowOutcome = (typeof rosterRowOutcomes)[number];

/**
 * Every row of a roster as it was sent, with what matching made of it. Unmatched rows are never
 * dropped: after the roster is applied they stay (held) until someone matches them to a candidate.
 */
export const rosterRows = pgTable(
  'roster_rows',
  {
    id: uuid('id').primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => rosterImports.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    /** 1-based line in the file (the header is line 1), or position in the API request. */
    line: integer('line').notNull(),
    candidateRef: text('candidate_ref'),
    name: text('name'),
    courseRef: text('course_ref'),
    completedOnText: text('completed_on_text'),
    passedText: text('passed_text'),
    completedOn: date('completed_on', { mode: 'string' }),
    passed: boolean('passed'),
    courseId: uuid('course_id').references(() => courses.id),
    candidateId: uuid('candidate_id').references(() => users.id),
    outcome: text('outcome', { enum: rosterRowOutcomes }).notNull(),
    /** Plain-language reason for unmatched, invalid and duplicate rows. */
    message: text('message'),
    /** Set when the row became a completion (on apply, or when a held row is matched later). */
    completionId: uuid('completion_id'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('roster_rows_import_idx').on(t.importId, t.line),
    index('roster_rows_held_idx')
      .on(t.providerId, t.importId)
      .where(sql`${t.outcome} = 'unmatched' and ${t.completionId} is null`),
  ],
);
