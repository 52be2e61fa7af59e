import { type Ctx, transact } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { webinarAudit } from '../webinar-audit.js';
import { deleteWebinar, type WebinarRow } from '../webinar-repository.js';
import { webinarNotFound } from './change-webinar.js';

/** Staff take a webinar off the list (cancelled, or listed by mistake); the audit trail keeps it. */
export async function removeWebinar(ctx: Ctx, id: string): Promise<WebinarRow> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(id)) throw webinarNotFound();
  return transact(ctx, async (w) => {
    const removed = await deleteWebinar(w.tx, id);
    if (!removed) throw webinarNotFound();
    await w.audit({
      action: 'portfolio_webinar.removed',
      subjectType: 'portfolio_webinar',
      subjectId: id,
      before: webinarAudit(removed),
      after: null,
    });
    return removed;
  });
}
