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
import { frameworkVersions } from '../policy/schema.js';

/**
 * draft → (pre-review requested ↔ draft) → submitted (fee charged, locked) → in_evaluation →
 * approved | more_information (flagged competencies unlock) → resubmitted → in_evaluation → …
 * | not_satisfactory.
 */
export const portfolioStatuses = [
  'draft',
  'prereview_requested',
  'submitted',
  'in_evaluation',
  'more_information',
  'resubmitted',
  'approved',
  'not_satisfactory',
] as const;
export type PortfolioStatus = (typeof portfolioStatuses)[number];

/** One candidate's portfolio for one competency set. */
export const portfolios = pgTable(
  'portfolios',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id),
    setId: text('set_id').notNull(),
    /** The candidate's pinned framework: its competencies are the ones to evidence. */
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    status: text('status', { enum: portfolioStatuses }).notNull(),
    /** PF-YYYY-NNNNNN, given at submission; evaluators know the portfolio by it (never the name). */
    number: text('number'),
    /** The Personal Learning Statement. */
    statement: text('statement'),
    /** 1 for the first evaluation, 2 after a resubmission. */
    round: integer('round').notNull().default(1),
    /** Competencies reopened by a "more information" outcome; only these may change before resubmitting. */
    unlockedCompetencyIds: text('unlocked_competency_ids').array(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** When the pending pre-review was asked for: the staff queue's order. Cleared when it ends. */
    prereviewRequestedAt: timestamp('prereview_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One portfolio per set, except that one found not satisfactory may be followed by a new one.
    uniqueIndex('portfolios_candidate_set_uq')
      .on(t.candidateId, t.setId)
      .where(sql`${t.status} <> 'not_satisfactory'`),
    uniqueIndex('portfolios_number_uq').on(t.number),
    index('portfolios_status_idx').on(t.status, t.submittedAt),
  ],
);

export const evidenceKinds = ['file', 'link', 'text'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** One piece of evidence for one competency: a file, a link or written text, primary or secondary. */
export const portfolioEvidence = pgTable(
  'portfolio_evidence',
  {
    id: uuid('id').primaryKey(),
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id, { onDelete: 'cascade' }),
    competencyId: text('competency_id').notNull(),
    kind: text('kind', { enum: evidenceKinds }).notNull(),
    primary: boolean('primary').notNull(),
    title: text('title').notNull(),
    /** How this shows the competency, in the candidate's words. */
    explanation: text('explanation').notNull(),
    url: text('url'),
    body: text('body'),
    blobKey: text('blob_key'),
    fileName: text('file_name'),
    mime: text('mime'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('portfolio_evidence_portfolio_idx').on(t.portfolioId, t.competencyId, t.createdAt),
    uniqueIndex('portfolio_evidence_blob_uq').on(t.blobKey),
  ],
);

/** Pre-review: staff comments on a draft, per competency or on the statement (competencyId null). */
export const portfolioComments = pgTable(
  'portfolio_comments',
  {
    id: uuid('id').primaryKey(),
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id, { onDelete: 'cascade' }),
    competencyId: text('competency_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portfolio_comments_portfolio_idx').on(t.portfolioId, t.createdAt)],
);

/** Portfolio webinars staff list: when (an instant, shown in its time zone) and where to register. */
export const portfolioWebinars = pgTable(
  'portfolio_webinars',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** IANA zone the time is announced in, e.g. America/Chicago. */
    timeZone: text('time_zone').notNull(),
    registrationUrl: text('registration_url').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portfolio_webinars_starts_idx').on(t.startsAt)],
);

/** A portfolio evaluator's profile: the sets they evaluate, how many a year, training. */
export const evaluatorProfiles = pgTable('evaluator_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  setIds: text('set_ids').array().notNull(),
  yearlyCapacity: integer('yearly_capacity').notNull(),
  trainingCompletedOn: date('training_completed_on', { mode: 'string' }),
  /** Their library or employer, compared with the candidate's employers for conflicts. */
  employer: text('employer'),
  active: boolean('active').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A declared conflict: a library they work for or with, or a person (by name or email). */
export const evaluatorConflicts = pgTable(
  'evaluator_conflicts',
  {
    id: uuid('id').primaryKey(),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['library', 'person'] }).notNull(),
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('evaluator_conflicts_evaluator_idx').on(t.evaluatorId)],
);

/** An evaluator's assignment to a portfolio in a round (position 3 is the third evaluator). */
export const portfolioAssignments = pgTable(
  'portfolio_assignments',
  {
    id: uuid('id').primaryKey(),
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id, { onDelete: 'cascade' }),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Set when staff reassigned it; kept as history. */
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    lastRemindedOn: date('last_reminded_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('portfolio_assignments_slot_uq')
      .on(t.portfolioId, t.round, t.position)
      .where(sql`${t.replacedAt} is null`),
    index('portfolio_assignments_evaluator_idx').on(t.evaluatorId, t.assignedAt),
    index('portfolio_assignments_open_due_idx')
      .on(t.dueOn)
      .where(sql`${t.submittedAt} is null and ${t.replacedAt} is null`),
  ],
);

export const ratings = ['met', 'partial', 'not_met'] as const;
export type PortfolioRating = (typeof ratings)[number];

/** One evaluator's rating of one competency in one assignment. */
export const portfolioRatings = pgTable(
  'portfolio_ratings',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => portfolioAssignments.id, { onDelete: 'cascade' }),
    competencyId: text('competency_id').notNull(),
    rating: text('rating', { enum: ratings }).notNull(),
    comment: text('comment').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.competencyId] })],
);

export const portfolioOutcomes = ['approved', 'more_information', 'not_satisfactory'] as const;
export type PortfolioOutcome = (typeof portfolioOutcomes)[number];

/**
 * The outcome of one round of evaluation (decision 0008), written once when the last rating needed
 * is submitted: what was decided, on what grounds, and which competencies reopened.
 */
export const portfolioDecisions = pgTable(
  'portfolio_decisions',
  {
    id: uuid('id').primaryKey(),
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    /** Copied from the portfolio so statistics per set need no join. */
    setId: text('set_id').notNull(),
    outcome: text('outcome', { enum: portfolioOutcomes }).notNull(),
    decidedBy: text('decided_by', {
      enum: ['reconciled_ratings', 'both_evaluators', 'third_evaluator'],
    }).notNull(),
    /** Competencies reopened by "more information"; empty otherwise. */
    flagged: text('flagged').array().notNull(),
    /**
     * How the first two evaluators' ratings of this round paired up, competency by competency: nine
     * counts, (met, partial, not met) × (met, partial, not met) as in rules/agreement.ts. Written with
     * the decision so agreement statistics sum a few numbers per decision instead of re-reading ratings.
     */
    ratingPairs: integer('rating_pairs').array().notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('portfolio_decisions_round_uq').on(t.portfolioId, t.round),
    index('portfolio_decisions_set_idx').on(t.setId, t.decidedAt),
    // The staff pipeline's "decided" stage, newest first (read backwards): a page comes from this index alone.
    index('portfolio_decisions_final_idx')
      .on(t.decidedAt, t.id)
      .where(sql`${t.outcome} <> 'more_information'`),
  ],
);
