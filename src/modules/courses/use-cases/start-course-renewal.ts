import { type CalendarDate, formatCalendarDate, maxDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { invalidState } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { findSet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { courseApplicationForChange } from '../access.js';
import { listCoursesOfApplication } from '../approved-course-repository.js';
import { setOf } from '../framework-set.js';
import { insertParts, listParts } from '../parts-repository.js';
import { findLatestApproved, findOpenRenewal } from '../renewal-repository.js';
import {
  type CourseApplicationRow,
  insertCourseApplication,
  listMapEntries,
  lockCourseApplication,
  upsertMapEntry,
} from '../repository.js';
import { canApplyToRenew, renewalOpensOn } from '../rules/approval.js';

/** When the approval of the courses an application approved ends (they share one end). */
export async function approvalEndOf(db: Queryable, originalId: string): Promise<CalendarDate | null> {
  const courses = await listCoursesOfApplication(db, originalId);
  if (courses.length === 0) return null;
  return maxDate(courses[0]!.approvalEndsOn, ...courses.map((c) => c.approvalEndsOn));
}

/**
 * "Apply to renew": a member starts a new draft that renews the approved course (or bundle), from
 * six months before its approval ends, or after it has lapsed. The draft names the first
 * application and starts from the latest approved version: its details, courses and map. Files are
 * not copied: the syllabus and résumés must be current, so they are uploaded again. Only one
 * renewal may be open at a time; the first application's row lock makes two clicks queue.
 */
export async function startCourseRenewal(ctx: Ctx, id: string): Promise<CourseApplicationRow> {
  const user = requireUser(ctx.actor);
  const { framework } = await getActiveProgramData(ctx);
  return transact(ctx, async (w) => {
    const { application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    if (application.status !== 'approved')
      throw invalidState('Only an approved course can be renewed. This application is not approved.');
    const originalId = application.renewsApplicationId ?? application.id;
    const original =
      originalId === application.id ? application : await lockCourseApplication(w.tx, originalId);
    const endsOn = await approvalEndOf(w.tx, originalId);
    if (!original || !endsOn) throw invalidState('The approved courses of this application were not found.');
    const today = ctx.clock.today();
    if (!canApplyToRenew(endsOn, today))
      throw invalidState(
        `You can apply to renew from ${formatCalendarDate(renewalOpensOn(endsOn))}, six months before the approval ends on ${formatCalendarDate(endsOn)}.`,
      );
    const open = await findOpenRenewal(w.tx, originalId);
    if (open)
      throw invalidState(
        `A renewal of ${original.number} is already in progress${open.number ? ` (${open.number})` : ''}. Continue that one instead.`,
      );
    const latest = (await findLatestApproved(w.tx, originalId)) ?? original;
    // The framework in force now, if it still has the set; otherwise the one the course was approved under.
    const frameworkVersionId = findSet(framework.framework, latest.setId)
      ? framework.id
      : latest.frameworkVersionId;
    const now = ctx.clock.now();
    const renewal = await insertCourseApplication(w.tx, {
      id: uuidv7(now.getTime()),
      providerId: latest.providerId,
      status: 'draft',
      kind: latest.kind,
      renewsApplicationId: originalId,
      setId: latest.setId,
      frameworkVersionId,
      title: latest.title,
      description: latest.description,
      delivery: latest.delivery,
      synchronous: latest.synchronous,
      length: latest.length,
      contactHours: latest.contactHours,
      locations: latest.locations,
      costToStudentsCents: latest.costToStudentsCents,
      registrationUrl: latest.registrationUrl,
      teachingMethods: latest.teachingMethods,
      assessmentStrategy: latest.assessmentStrategy,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    });
    const partIds = new Map<string, string>();
    const parts = (await listParts(w.tx, latest.id)).map((p) => {
      const copy = { ...p, id: uuidv7(now.getTime()), applicationId: renewal.id, createdAt: now };
      partIds.set(p.id, copy.id);
      return copy;
    });
    await insertParts(w.tx, parts);
    const inSet = new Set((await setOf(w.tx, renewal)).competencies.map((c) => c.id));
    for (const entry of await listMapEntries(w.tx, latest.id)) {
      if (!inSet.has(entry.competencyId)) continue;
      await upsertMapEntry(w.tx, {
        ...entry,
        applicationId: renewal.id,
        partId: entry.partId ? (partIds.get(entry.partId) ?? null) : null,
        updatedAt: now,
      });
    }
    await w.audit({
      action: 'course_application.renewal_started',
      subjectType: 'course_application',
      subjectId: renewal.id,
      after: {
        renewsApplicationId: originalId,
        copiedFrom: latest.id,
        kind: latest.kind,
        setId: latest.setId,
        frameworkVersionId,
        approvalEndsOn: endsOn,
      },
    });
    return renewal;
  });
}
