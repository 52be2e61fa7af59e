import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { webinarAudit } from '../webinar-audit.js';
import { webinarFieldsFrom } from '../webinar-input.js';
import { lockWebinar, updateWebinar, type WebinarRow } from '../webinar-repository.js';

export const webinarNotFound = () => notFound('That webinar');

/**
 * Staff change a webinar that has not started yet. One that has started is a record of what took
 * place: it can be removed, not changed.
 */
export async function changeWebinar(
  ctx: Ctx,
  id: string,
  input: unknown,
): Promise<{ webinar: WebinarRow; note: string | undefined }> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(id)) throw webinarNotFound();
  const now = ctx.clock.now();
  return transact(ctx, async (w) => {
    const before = await lockWebinar(w.tx, id);
    if (!before) throw webinarNotFound();
    if (before.startsAt.getTime() <= now.getTime())
      throw invalidState('This webinar has already started, so it can no longer be changed.');
    const checked = webinarFieldsFrom(input, now);
    if (!checked.ok) throw validationFailed(checked.errors);
    const webinar = (await updateWebinar(w.tx, id, { ...checked.fields, updatedAt: now }))!;
    await w.audit({
      action: 'portfolio_webinar.changed',
      subjectType: 'portfolio_webinar',
      subjectId: id,
      before: webinarAudit(before),
      after: webinarAudit(webinar),
    });
    return { webinar, note: checked.note };
  });
}
