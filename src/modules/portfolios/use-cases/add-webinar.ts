import { type Ctx, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { webinarAudit } from '../webinar-audit.js';
import { webinarFieldsFrom } from '../webinar-input.js';
import { insertWebinar, type WebinarRow } from '../webinar-repository.js';

/** Staff list a portfolio webinar: when (a local time in a US zone), how long, where to register. */
export async function addWebinar(
  ctx: Ctx,
  input: unknown,
): Promise<{ webinar: WebinarRow; note: string | undefined }> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  const now = ctx.clock.now();
  const checked = webinarFieldsFrom(input, now);
  if (!checked.ok) throw validationFailed(checked.errors);
  return transact(ctx, async (w) => {
    const webinar = await insertWebinar(w.tx, {
      id: uuidv7(),
      ...checked.fields,
      createdBy: staff.userId,
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'portfolio_webinar.added',
      subjectType: 'portfolio_webinar',
      subjectId: webinar.id,
      after: webinarAudit(webinar),
    });
    return { webinar, note: checked.note };
  });
}
