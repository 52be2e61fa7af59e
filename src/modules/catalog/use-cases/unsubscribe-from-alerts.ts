import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { isUnsubscribeToken } from '../alert-links.js';
import { deleteSubscription, findSubscriptionById } from '../alert-repository.js';

const linkSchema = z.object({
  id: z.string().regex(UUID_PATTERN),
  token: z.string().min(20).max(200),
});

const linkInvalid = () =>
  new DomainError(
    'TOKEN_INVALID',
    'This unsubscribe link is not valid. Check that you copied all of it from the email.',
  );

function checkedLink(ctx: Ctx, raw: unknown): { id: string } {
  const link = linkSchema.safeParse(raw ?? {});
  if (!link.success || !isUnsubscribeToken(ctx.config, link.data.id, link.data.token)) throw linkInvalid();
  return { id: link.data.id };
}

/** Whether the link is genuine and the subscription still exists (the page shows a button). */
export async function checkUnsubscribeLink(ctx: Ctx, raw: unknown): Promise<{ subscribed: boolean }> {
  const { id } = checkedLink(ctx, raw);
  return { subscribed: (await findSubscriptionById(ctx.db, id)) !== undefined };
}

/**
 * Stop the alerts, without signing in: the link's token proves it came from one of our mails. The
 * subscription is deleted, address and all. Pressing again is harmless.
 */
export async function unsubscribeFromAlerts(ctx: Ctx, raw: unknown): Promise<{ removed: boolean }> {
  const { id } = checkedLink(ctx, raw);
  return transact(ctx, async (w) => {
    const removed = await deleteSubscription(w.tx, id);
    if (!removed) return { removed: false };
    await w.audit({
      action: 'catalog_alert.unsubscribed',
      subjectType: 'catalog_alert',
      subjectId: id,
      before: { setId: removed.setId, confirmed: removed.confirmedAt !== null },
    });
    return { removed: true };
  });
}
