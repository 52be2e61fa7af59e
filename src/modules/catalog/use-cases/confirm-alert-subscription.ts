import { z } from 'zod';
import { sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { findSet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { alertScope } from '../alert-links.js';
import { confirmByTokenHash, findSubscriptionByTokenHash } from '../alert-repository.js';

const tokenSchema = z.string().trim().min(20).max(200);
const linkInvalid = () =>
  new DomainError(
    'TOKEN_INVALID',
    'This confirmation link has expired or has already been used. You can subscribe again to get a new one.',
  );

function hashOf(token: unknown): string {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) throw linkInvalid();
  return sha256Hex(parsed.data);
}

/** Whether the link can still be used (the page shows a button; only the press confirms). */
export async function checkAlertConfirmation(ctx: Ctx, token: unknown): Promise<void> {
  const row = await findSubscriptionByTokenHash(ctx.db, hashOf(token));
  if (!row?.confirmExpiresAt || row.confirmExpiresAt <= ctx.clock.now()) throw linkInvalid();
}

/**
 * Use the link: once, within 7 days. From now on the subscriber hears about courses published after
 * this moment (the watermark starts here).
 */
export async function confirmAlertSubscription(ctx: Ctx, token: unknown): Promise<{ what: string }> {
  const tokenHash = hashOf(token);
  const { framework } = await getActiveProgramData(ctx);
  return transact(ctx, async (w) => {
    const row = await confirmByTokenHash(w.tx, tokenHash, ctx.clock.now());
    if (!row) throw linkInvalid();
    await w.audit({
      action: 'catalog_alert.confirmed',
      subjectType: 'catalog_alert',
      subjectId: row.id,
      after: { setId: row.setId },
    });
    return { what: alertScope(row.setId ? findSet(framework.framework, row.setId) : undefined) };
  });
}
