import { type Ctx, transact } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { approvedCourseForMember, offeringNotFound } from '../access.js';
import { offeringAudit } from '../offering-checks.js';
import { deleteOffering, findOffering, type OfferingRow } from '../offering-repository.js';

/**
 * A provider member takes a session off the catalog (cancelled, or entered by mistake). Allowed even
 * after the course's approval has lapsed, so stale sessions can always be cleaned up.
 */
export async function removeOffering(ctx: Ctx, courseId: string, offeringId: string): Promise<OfferingRow> {
  return transact(ctx, async (w) => {
    const { course } = await approvedCourseForMember(w.tx, ctx.actor, courseId, { lock: true });
    if (!UUID_PATTERN.test(offeringId)) throw offeringNotFound();
    const offering = await findOffering(w.tx, course.id, offeringId);
    if (!offering) throw offeringNotFound();
    await deleteOffering(w.tx, offering.id);
    await w.audit({
      action: 'course_offering.removed',
      subjectType: 'course_offering',
      subjectId: offering.id,
      before: offeringAudit(offering),
    });
    return offering;
  });
}
