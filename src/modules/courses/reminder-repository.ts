import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import type { CourseRow } from './approved-course-repository.js';
import { courseApplications, courseEvaluations, courses } from './schema.js';

/** At most this many reminders of a kind per run; the next hourly run takes the rest. */
const BATCH = 200;

/** Still to do, not replaced by a later round, and past its due day (course_evaluations_open_due_idx). */
const overdue = (today: CalendarDate) =>
  and(
    isNull(courseEvaluations.submittedAt),
    isNull(courseEvaluations.supersededAt),
    lt(courseEvaluations.dueOn, today),
  );
const notRemindedSince = (cutoff: CalendarDate) =>
  or(isNull(courseEvaluations.lastRemindedOn), lte(courseEvaluations.lastRemindedOn, cutoff));

/** Overdue evaluations not chased since the cutoff day, with the evaluator and the course. */
export async function listOverdueEvaluations(db: Queryable, today: CalendarDate, cutoff: CalendarDate) {
  return db
    .select({
      id: courseEvaluations.id,
      applicationId: courseEvaluations.applicationId,
      dueOn: courseEvaluations.dueOn,
      email: users.email,
      displayName: users.displayName,
      number: courseApplications.number,
      title: courseApplications.title,
    })
    .from(courseEvaluations)
    .innerJoin(users, eq(users.id, courseEvaluations.evaluatorId))
    .innerJoin(courseApplications, eq(courseApplications.id, courseEvaluations.applicationId))
    .where(and(overdue(today), notRemindedSince(cutoff), eq(courseApplications.status, 'in_evaluation')))
    .orderBy(asc(courseEvaluations.dueOn), asc(courseEvaluations.id))
    .limit(BATCH);
}

/** Record today's reminder; false when another run got there first (or it was just submitted). */
export async function markEvaluationReminded(
  tx: Queryable,
  id: string,
  today: CalendarDate,
  cutoff: CalendarDate,
): Promise<boolean> {
  const rows = await tx
    .update(courseEvaluations)
    .set({ lastRemindedOn: today })
    .where(and(eq(courseEvaluations.id, id), overdue(today), notRemindedSince(cutoff)))
    .returning({ id: courseEvaluations.id });
  return rows.length > 0;
}

export type ApprovalReminder = 'ending' | 'lapse';

const markerOf = (kind: ApprovalReminder) =>
  kind === 'ending' ? courses.endingRemindedFor : courses.lapseRemindedFor;
// The marker holds the end date it was sent for: a renewal's new end date makes it due again.
const notSentFor = (kind: ApprovalReminder) =>
  sql`${markerOf(kind)} is distinct from ${courses.approvalEndsOn}`;

/**
 * Courses whose approval ends between today and the horizon (ending), or ended before today
 * (lapse), and whose reminder for that end date has not gone out (courses_approval_ends_idx).
 */
export async function listCoursesToRemind(
  db: Queryable,
  kind: ApprovalReminder,
  today: CalendarDate,
  horizon: CalendarDate,
): Promise<CourseRow[]> {
  const window =
    kind === 'ending'
      ? and(gte(courses.approvalEndsOn, today), lte(courses.approvalEndsOn, horizon))
      : lt(courses.approvalEndsOn, today);
  return db
    .select()
    .from(courses)
    .where(and(window, notSentFor(kind)))
    .orderBy(asc(courses.approvalEndsOn), asc(courses.number))
    .limit(BATCH);
}

/** Mark the reminder sent for each course's current end date; returns the courses this run marked. */
export async function markCoursesReminded(
  tx: Queryable,
  kind: ApprovalReminder,
  courseIds: readonly string[],
): Promise<CourseRow[]> {
  if (courseIds.length === 0) return [];
  const set =
    kind === 'ending'
      ? { endingRemindedFor: sql`${courses.approvalEndsOn}` }
      : { lapseRemindedFor: sql`${courses.approvalEndsOn}` };
  return tx
    .update(courses)
    .set(set)
    .where(and(inArray(courses.id, [...courseIds]), notSentFor(kind)))
    .returning();
}
