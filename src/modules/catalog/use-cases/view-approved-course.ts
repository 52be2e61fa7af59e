import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { setOf } from '../../courses/framework-set.js';
import type { CompetencySet } from '../../policy/framework.js';
import { findProvider, type ProviderRow } from '../../providers/repository.js';
import { approvedCourseForMember } from '../access.js';
import { type CourseRow, listOfferings, type OfferingRow } from '../offering-repository.js';
import { isLapsed } from '../rules/offering-rules.js';

export interface ApprovedCourseView {
  course: CourseRow;
  provider: ProviderRow;
  set: CompetencySet;
  offerings: OfferingRow[];
  lapsed: boolean;
  today: CalendarDate;
}

/** One approved course with all its sessions, for its provider's members. */
export async function viewApprovedCourse(ctx: Ctx, courseId: string): Promise<ApprovedCourseView> {
  const { course } = await approvedCourseForMember(ctx.db, ctx.actor, courseId);
  const [provider, set, offerings] = await Promise.all([
    findProvider(ctx.db, course.providerId),
    setOf(ctx.db, course),
    listOfferings(ctx.db, course.id),
  ]);
  const today = ctx.clock.today();
  return {
    course,
    provider: provider!,
    set,
    offerings,
    lapsed: isLapsed(course.approvalEndsOn, today),
    today,
  };
}
