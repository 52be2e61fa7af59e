import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { setAchievements } from '../applications/schema.js';
import { courseBundles, courses } from '../courses/schema.js';
import type { CountedCompletion } from './rules/credit.js';
import { courseCompletions } from './schema.js';

export type CompletionRow = typeof courseCompletions.$inferSelect;

export async function markCompletionConfirmed(
  tx: Queryable,
  id: string,
  patch: Pick<CompletionRow, 'counts' | 'notCountedReason' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
): Promise<void> {
  await tx
    .update(courseCompletions)
    .set({ status: 'confirmed', ...patch })
    .where(eq(courseCompletions.id, id));
}

/** A candidate's confirmed completions that count, with what the set rule needs of their course. */
export async function listCountedCompletions(
  db: Queryable,
  candidateId: string,
): Promise<CountedCompletion[]> {
  const rows = await db
    .select({
      courseId: courseCompletions.courseId,
      completedOn: courseCompletions.completedOn,
      setId: courses.setId,
      bundleId: courses.bundleId,
      courseNumber: courses.number,
      bundleNumber: courseBundles.number,
    })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .leftJoin(courseBundles, eq(courseBundles.id, courses.bundleId))
    .where(
      and(
        eq(courseCompletions.candidateId, candidateId),
        eq(courseCompletions.status, 'confirmed'),
        eq(courseCompletions.counts, true),
      ),
    );
  return rows.map((r) => ({
    courseId: r.courseId,
    completedOn: r.completedOn,
    setId: r.setId,
    bundleId: r.bundleId,
    reference: r.bundleNumber ?? r.courseNumber,
  }));
}

/** Record a set as achieved unless it already is (by any way); true when this call recorded it. */
export async function insertAchievementOnce(
  tx: Queryable,
  row: typeof setAchievements.$inferInsert,
): Promise<boolean> {
  const inserted = await tx
    .insert(setAchievements)
    .values(row)
    .onConflictDoNothing({ target: [setAchievements.candidateId, setAchievements.setId] })
    .returning({ id: setAchievements.id });
  return inserted.length > 0;
}
