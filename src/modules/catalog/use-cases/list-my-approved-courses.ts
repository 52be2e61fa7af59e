import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { listCoursesOfMember, type MemberCourseRow } from '../offering-repository.js';
import { isLapsed } from '../rules/offering-rules.js';

export interface MyApprovedCourse extends MemberCourseRow {
  lapsed: boolean;
}

/** The approved courses of every organisation the person belongs to, lapsed ones marked. */
export async function listMyApprovedCourses(
  ctx: Ctx,
): Promise<{ today: CalendarDate; courses: MyApprovedCourse[] }> {
  const user = requireRole(ctx.actor, 'provider_member');
  const today = ctx.clock.today();
  const rows = await listCoursesOfMember(ctx.db, user.userId, today);
  return { today, courses: rows.map((r) => ({ ...r, lapsed: isLapsed(r.course.approvalEndsOn, today) })) };
}
