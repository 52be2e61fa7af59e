import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications, type setAchievements } from '../applications/schema.js';
import { courseBundles, courses } from '../courses/schema.js';
import { anyOf, chunks, columnList, rowsOf, unnestRows } from './roster-sql.js';
import type { CountedCompletion } from './rules/credit.js';
import { courseCompletions } from './schema.js';

const countedColumns = {
  courseId: courseCompletions.courseId,
  completedOn: courseCompletions.completedOn,
  setId: courses.setId,
  bundleId: courses.bundleId,
  courseNumber: courses.number,
  bundleNumber: courseBundles.number,
};

const toCounted = (r: {
  courseId: string;
  completedOn: string;
  setId: string;
  bundleId: string | null;
  courseNumber: string;
  bundleNumber: string | null;
}): CountedCompletion => ({
  courseId: r.courseId,
  completedOn: r.completedOn,
  setId: r.setId,
  bundleId: r.bundleId,
  reference: r.bundleNumber ?? r.courseNumber,
});

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

/** Candidates' current applications (as findCurrentApplication chooses), in one query per chunk. */
export async function listCurrentApplicationsFor(
  db: Queryable,
  candidateIds: readonly string[],
): Promise<Map<string, { status: string; frameworkVersionId: string | null }>> {
  const found = new Map<string, { status: string; frameworkVersionId: string | null }>();
  for (const part of chunks([...new Set(candidateIds)])) {
    const rows = await db
      .selectDistinctOn([applications.candidateId], {
        candidateId: applications.candidateId,
        status: applications.status,
        frameworkVersionId: applications.frameworkVersionId,
      })
      .from(applications)
      .where(anyOf(applications.candidateId, part, 'uuid'))
      .orderBy(
        applications.candidateId,
        sql`(${applications.status} = 'rejected')`,
        desc(applications.createdAt),
        desc(applications.id),
      );
    for (const r of rows) found.set(r.candidateId, r);
  }
  return found;
}

/** Each candidate's confirmed completions that count, with what the set rule needs of their course. */
export async function listCountedCompletionsFor(
  db: Queryable,
  candidateIds: readonly string[],
): Promise<Map<string, CountedCompletion[]>> {
  const byCandidate = new Map<string, CountedCompletion[]>();
  for (const part of chunks([...new Set(candidateIds)])) {
    const rows = await db
      .select({ candidateId: courseCompletions.candidateId, ...countedColumns })
      .from(courseCompletions)
      .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
      .leftJoin(courseBundles, eq(courseBundles.id, courses.bundleId))
      .where(
        and(
          anyOf(courseCompletions.candidateId, part, 'uuid'),
          eq(courseCompletions.status, 'confirmed'),
          eq(courseCompletions.counts, true),
        ),
      );
    for (const r of rows) {
      const list = byCandidate.get(r.candidateId);
      if (list) list.push(toCounted(r));
      else byCandidate.set(r.candidateId, [toCounted(r)]);
    }
  }
  return byCandidate;
}

type AchievementInsert = typeof setAchievements.$inferInsert & { id: string; createdAt: Date };

const achievementColumns = [
  ['id', 'uuid', (a: AchievementInsert) => a.id],
  ['candidate_id', 'uuid', (a: AchievementInsert) => a.candidateId],
  ['set_id', 'text', (a: AchievementInsert) => a.setId],
  ['how', 'text', (a: AchievementInsert) => a.how],
  ['achieved_on', 'date', (a: AchievementInsert) => a.achievedOn],
  ['source_ref', 'text', (a: AchievementInsert) => a.sourceRef],
  ['created_at', 'timestamptz', (a: AchievementInsert) => a.createdAt],
] as const;

/** Record many achievements, skipping sets a candidate already has (by any way); returns those recorded now. */
export async function insertAchievementsOnce(
  tx: Queryable,
  rows: readonly AchievementInsert[],
): Promise<Array<{ candidateId: string; setId: string }>> {
  const recorded: Array<{ candidateId: string; setId: string }> = [];
  for (const part of chunks(rows)) {
    const result = await tx.execute(sql`
      insert into set_achievements (${columnList(achievementColumns)})
      select * from ${unnestRows('v', achievementColumns, part)}
      on conflict (candidate_id, set_id) do nothing
      returning candidate_id as "candidateId", set_id as "setId"`);
    recorded.push(...rowsOf<{ candidateId: string; setId: string }>(result));
  }
  return recorded;
}

/** Names and addresses of many people, for their mail. */
export async function listPeople(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { email: string; displayName: string }>> {
  const found = new Map<string, { email: string; displayName: string }>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
      .where(anyOf(users.id, part, 'uuid'));
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}
