import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { providerMembers, providers } from '../providers/schema.js';
import { type CourseApplicationStatus, courseApplications, courseEvaluations } from './schema.js';

export type CourseEvaluationRow = typeof courseEvaluations.$inferSelect;
export type EvaluationWithEvaluator = CourseEvaluationRow & { evaluatorName: string; evaluatorEmail: string };

export async function listEvaluationsOf(
  db: Queryable,
  applicationId: string,
): Promise<EvaluationWithEvaluator[]> {
  const rows = await db
    .select({ e: courseEvaluations, name: users.displayName, email: users.email })
    .from(courseEvaluations)
    .innerJoin(users, eq(users.id, courseEvaluations.evaluatorId))
    .where(and(eq(courseEvaluations.applicationId, applicationId), isNull(courseEvaluations.supersededAt)))
    .orderBy(asc(courseEvaluations.assignedAt), asc(courseEvaluations.id));
  return rows.map((r) => ({ ...r.e, evaluatorName: r.name, evaluatorEmail: r.email }));
}

export async function findEvaluation(
  db: Queryable,
  applicationId: string,
  evaluatorId: string,
): Promise<CourseEvaluationRow | undefined> {
  const [row] = await db
    .select()
    .from(courseEvaluations)
    .where(
      and(
        eq(courseEvaluations.applicationId, applicationId),
        eq(courseEvaluations.evaluatorId, evaluatorId),
        isNull(courseEvaluations.supersededAt),
      ),
    )
    .limit(1);
  return row;
}

export async function insertEvaluations(tx: Queryable, rows: CourseEvaluationRow[]): Promise<void> {
  await tx.insert(courseEvaluations).values(rows);
}

/** Record the scores once: undefined when this evaluation was already submitted (a double click). */
export async function submitEvaluationRow(
  tx: Queryable,
  id: string,
  patch: Pick<CourseEvaluationRow, 'scores' | 'comment' | 'recommendation' | 'submittedAt'>,
): Promise<CourseEvaluationRow | undefined> {
  const [row] = await tx
    .update(courseEvaluations)
    .set(patch)
    .where(and(eq(courseEvaluations.id, id), sql`${courseEvaluations.submittedAt} is null`))
    .returning();
  return row;
}

/** The evaluator's assignments with the course they concern, newest first (course_evaluations_evaluator_idx). */
export async function listAssignmentsOf(db: Queryable, evaluatorId: string) {
  return db
    .select({
      evaluation: courseEvaluations,
      applicationId: courseApplications.id,
      number: courseApplications.number,
      title: courseApplications.title,
      status: courseApplications.status,
      providerName: providers.name,
    })
    .from(courseEvaluations)
    .innerJoin(courseApplications, eq(courseApplications.id, courseEvaluations.applicationId))
    .innerJoin(providers, eq(providers.id, courseApplications.providerId))
    .where(and(eq(courseEvaluations.evaluatorId, evaluatorId), isNull(courseEvaluations.supersededAt)))
    .orderBy(desc(courseEvaluations.assignedAt), desc(courseEvaluations.id));
}

/** People with the course_evaluator role who are not members of the provider, by name. */
export async function listEligibleEvaluators(db: Queryable, providerId: string) {
  const members = db
    .select({ userId: providerMembers.userId })
    .from(providerMembers)
    .where(eq(providerMembers.providerId, providerId));
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(sql`'course_evaluator' = any(${users.roles})`, sql`${users.id} not in ${members}`))
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(500);
}

/** Submitted (and later) course applications for staff, oldest submission first, with overdue evaluations counted. */
export async function listSubmittedCourseApplications(
  db: Queryable,
  statuses: readonly CourseApplicationStatus[],
  page: { limit: number; offset: number },
  today: string,
) {
  const where = inArray(courseApplications.status, [...statuses]);
  const overdue =
    sql<number>`(select count(*) from ${courseEvaluations} where ${courseEvaluations.applicationId} = ${courseApplications.id} and ${courseEvaluations.submittedAt} is null and ${courseEvaluations.supersededAt} is null and ${courseEvaluations.dueOn} < ${today})`.mapWith(
      Number,
    );
  const [rows, [total]] = await Promise.all([
    db
      .select({ application: courseApplications, providerName: providers.name, overdue })
      .from(courseApplications)
      .innerJoin(providers, eq(providers.id, courseApplications.providerId))
      .where(where)
      .orderBy(asc(courseApplications.submittedAt), asc(courseApplications.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(courseApplications).where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r.application,
      providerName: r.providerName,
      overdueEvaluations: r.overdue,
    })),
    total: total?.n ?? 0,
  };
}

/** A new round replaces the current evaluations; the old ones stay, marked, as the application's history. */
export async function supersedeEvaluationsOf(tx: Queryable, applicationId: string, at: Date): Promise<void> {
  await tx
    .update(courseEvaluations)
    .set({ supersededAt: at })
    .where(and(eq(courseEvaluations.applicationId, applicationId), isNull(courseEvaluations.supersededAt)));
}
