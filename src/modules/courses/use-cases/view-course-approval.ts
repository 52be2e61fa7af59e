import { type CalendarDate, maxDate } from '../../../lib/calendar-date.js';
import type { Queryable } from '../../../platform/db/client.js';
import {
  type ApprovalPeriodRow,
  type CourseRow,
  listApprovalPeriods,
  listCoursesOfApplication,
} from '../approved-course-repository.js';
import { findOpenRenewal } from '../renewal-repository.js';
import { type CourseApplicationRow, findCourseApplication } from '../repository.js';
import { type ApprovalState, approvalState, canApplyToRenew, renewalOpensOn } from '../rules/approval.js';

export interface ApprovedCourseView extends CourseRow {
  periods: ApprovalPeriodRow[];
  state: ApprovalState;
}

/** The approved courses behind an application, their periods, and where a renewal stands. */
export interface CourseApprovalView {
  /** The application that first approved the courses (this one, or the one a renewal renews). */
  original: Pick<CourseApplicationRow, 'id' | 'number' | 'title'>;
  courses: ApprovedCourseView[];
  endsOn: CalendarDate | null;
  state: ApprovalState | null;
  renewalOpensOn: CalendarDate | null;
  /** True when "Apply to renew" can be offered (to members): approved, in the window, none open. */
  canRenew: boolean;
  openRenewal: Pick<CourseApplicationRow, 'id' | 'number' | 'status'> | null;
}

/** Null for an application that neither is approved nor renews an approved one. */
export async function viewCourseApproval(
  db: Queryable,
  application: CourseApplicationRow,
  today: CalendarDate,
): Promise<CourseApprovalView | null> {
  if (application.status !== 'approved' && !application.renewsApplicationId) return null;
  const original = application.renewsApplicationId
    ? await findCourseApplication(db, application.renewsApplicationId)
    : application;
  if (!original) return null;
  const courses = await listCoursesOfApplication(db, original.id);
  const [periods, openRenewal] = await Promise.all([
    listApprovalPeriods(
      db,
      courses.map((c) => c.id),
    ),
    findOpenRenewal(db, original.id),
  ]);
  const endsOn =
    courses.length > 0 ? maxDate(courses[0]!.approvalEndsOn, ...courses.map((c) => c.approvalEndsOn)) : null;
  return {
    original: { id: original.id, number: original.number, title: original.title },
    courses: courses.map((c) => ({
      ...c,
      periods: periods.filter((p) => p.courseId === c.id),
      state: approvalState(c.approvalEndsOn, today),
    })),
    endsOn,
    state: endsOn ? approvalState(endsOn, today) : null,
    renewalOpensOn: endsOn ? renewalOpensOn(endsOn) : null,
    canRenew: application.status === 'approved' && !!endsOn && canApplyToRenew(endsOn, today) && !openRenewal,
    openRenewal: openRenewal
      ? { id: openRenewal.id, number: openRenewal.number, status: openRenewal.status }
      : null,
  };
}
