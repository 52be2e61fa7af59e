import { type Ctx, transact } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { approvedCourseForMember, offeringNotFound } from '../access.js';
import { offeringAudit, validOffering } from '../offering-checks.js';
import { findOffering, type OfferingRow, updateOffering } from '../offering-repository.js';

/** A provider member corrects a session's dates, place or notes. */
export async function changeOffering(
  ctx: Ctx,
  courseId: string,
  offeringId: string,
  raw: unknown,
): Promise<OfferingRow> {
  return transact(ctx, async (w) => {
    const { course } = await approvedCourseForMember(w.tx, ctx.actor, courseId, { lock: true });
    if (!UUID_PATTERN.test(offeringId)) throw offeringNotFound();
    const before = await findOffering(w.tx, course.id, offeringId);
    if (!before) throw offeringNotFound();
    const input = validOffering(raw, course, ctx.clock.today());
    const after = await updateOffering(w.tx, before.id, { ...input, updatedAt: ctx.clock.now() });
    await w.audit({
      action: 'course_offering.changed',
      subjectType: 'course_offering',
      subjectId: before.id,
      before: offeringAudit(before),
      after: offeringAudit(after),
    });
    return after;
  });
}
