import { type Ctx, transact } from '../../../platform/context.js';
import { uuidv7 } from '../../../platform/ids.js';
import { approvedCourseForMember } from '../access.js';
import { offeringAudit, validOffering } from '../offering-checks.js';
import { insertOffering, type OfferingRow } from '../offering-repository.js';

/** A provider member lists a dated session of one of the provider's approved courses. */
export async function addOffering(ctx: Ctx, courseId: string, raw: unknown): Promise<OfferingRow> {
  return transact(ctx, async (w) => {
    const { user, course } = await approvedCourseForMember(w.tx, ctx.actor, courseId, { lock: true });
    const input = validOffering(raw, course, ctx.clock.today());
    const now = ctx.clock.now();
    const offering = await insertOffering(w.tx, {
      id: uuidv7(now.getTime()),
      courseId: course.id,
      ...input,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'course_offering.added',
      subjectType: 'course_offering',
      subjectId: offering.id,
      after: offeringAudit(offering),
    });
    return offering;
  });
}
