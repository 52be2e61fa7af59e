import { and, eq, exists, isNotNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications } from '../applications/schema.js';
import { courseBundles, courses } from '../courses/schema.js';
import { anyOf, chunks, columnList, rowsOf, unnestRows } from './roster-sql.js';
import { completionKey } from './rules/roster-match.js';
import { courseCompletions } from './schema.js';

/**
 * The set-based reads behind roster matching: a roster of 50,000 rows costs a handful of queries,
 * never one per row. Each list is one array parameter, read through an index (see roster-sql.ts).
 */

/** Candidate number → candidate id, for the numbers that exist (applications_number_uq). */
export async function candidatesByNumber(
  db: Queryable,
  numbers: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await db
      .select({ number: applications.number, candidateId: applications.candidateId })
      .from(applications)
      .where(anyOf(applications.number, part, 'text'));
    for (const r of rows) if (r.number) found.set(r.number, r.candidateId);
  }
  return found;
}

/** Email → user id, for people who have an application with a number (a candidate, not just an account). */
export async function candidatesByEmail(
  db: Queryable,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(emails)])) {
    const rows = await db
      .select({ email: users.email, id: users.id })
      .from(users)
      .where(
        and(
          anyOf(users.email, part, 'text'),
          exists(
            db
              .select({ one: sql`1` })
              .from(applications)
              .where(and(eq(applications.candidateId, users.id), isNotNull(applications.number))),
          ),
        ),
      );
    for (const r of rows) found.set(r.email, r.id);
  }
  return found;
}

export interface CourseRef {
  id: string;
  providerId: string;
  number: string;
  setId: string;
}

/** The courses with these numbers (any provider's, so a row can say "not one of your courses"). */
export async function coursesByNumber(
  db: Queryable,
  numbers: readonly string[],
): Promise<Map<string, CourseRef>> {
  const found = new Map<string, CourseRef>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await db
      .select({
        id: courses.id,
        providerId: courses.providerId,
        number: courses.number,
        setId: courses.setId,
      })
      .from(courses)
      .where(anyOf(courses.number, part, 'text'));
    for (const r of rows) found.set(r.number, r);
  }
  return found;
}

/** Which of these numbers are course bundles rather than courses. */
export async function bundleNumbersAmong(db: Queryable, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await db
      .select({ number: courseBundles.number })
      .from(courseBundles)
      .where(anyOf(courseBundles.number, part, 'text'));
    for (const r of rows) found.add(r.number);
  }
  return found;
}

/**
 * completionKey() of every completion (not rejected) these candidates have of these courses: the
 * roster's rows that repeat one are duplicates. Reads course_completions_candidate_idx.
 */
export async function recordedCompletionKeys(
  db: Queryable,
  courseIds: readonly string[],
  candidateIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const courseList = [...new Set(courseIds)];
  if (courseList.length === 0) return found;
  for (const part of chunks([...new Set(candidateIds)])) {
    const rows = await db
      .select({
        candidateId: courseCompletions.candidateId,
        courseId: courseCompletions.courseId,
        completedOn: courseCompletions.completedOn,
      })
      .from(courseCompletions)
      .where(
        and(
          anyOf(courseCompletions.candidateId, part, 'uuid'),
          anyOf(courseCompletions.courseId, courseList, 'uuid'),
          ne(courseCompletions.status, 'rejected'),
        ),
      );
    for (const r of rows) found.add(completionKey(r.candidateId, r.courseId, r.completedOn));
  }
  return found;
}

export type CompletionInsert = typeof courseCompletions.$inferInsert & { id: string };

const completionColumns = [
  ['id', 'uuid', (c: CompletionInsert) => c.id],
  ['course_id', 'uuid', (c: CompletionInsert) => c.courseId],
  ['candidate_id', 'uuid', (c: CompletionInsert) => c.candidateId],
  ['completed_on', 'date', (c: CompletionInsert) => c.completedOn],
  ['passed', 'boolean', (c: CompletionInsert) => c.passed],
  ['source', 'text', (c: CompletionInsert) => c.source],
  ['status', 'text', (c: CompletionInsert) => c.status],
  ['counts', 'boolean', (c: CompletionInsert) => c.counts],
  ['not_counted_reason', 'text', (c: CompletionInsert) => c.notCountedReason],
  ['roster_import_id', 'uuid', (c: CompletionInsert) => c.rosterImportId],
  ['decided_by', 'uuid', (c: CompletionInsert) => c.decidedBy],
  ['decided_at', 'timestamptz', (c: CompletionInsert) => c.decidedAt],
  ['created_by', 'uuid', (c: CompletionInsert) => c.createdBy],
  ['created_at', 'timestamptz', (c: CompletionInsert) => c.createdAt],
] as const;

/**
 * Insert completions, skipping any that would repeat one already recorded (the partial unique
 * index on course, candidate and day). Returns the ids actually inserted.
 */
export async function insertCompletionsOnce(
  tx: Queryable,
  rows: readonly CompletionInsert[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(rows)) {
    const result = await tx.execute(sql`
      insert into course_completions (${columnList(completionColumns)})
      select * from ${unnestRows('v', completionColumns, part)}
      on conflict do nothing
      returning id`);
    for (const r of rowsOf<{ id: string }>(result)) inserted.add(r.id);
  }
  return inserted;
}
