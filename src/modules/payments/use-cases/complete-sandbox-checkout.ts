import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { lockApplication } from '../../applications/repository.js';
import { parseInput } from '../../applications/validate.js';
import { applyPaymentToApplicationFee } from '../application-fee.js';
import { applyPaymentToFee } from '../fee-payment.js';
import { sandboxProvider } from '../provider.js';
import { balanceOf, completeCheckout, findCheckout, findFeeById, lockFee } from '../repository.js';
import type { FeeKind } from '../schema.js';
import { mayPay } from './get-checkout.js';

export const sandboxChoiceSchema = z.object({
  choice: z.enum(['pay', 'decline'], { error: 'Choose to pay or to simulate a declined card' }),
});

export type CheckoutResult = (
  | { outcome: 'succeeded' | 'failed'; repeated: boolean }
  /** The fee was settled another way (a check) before this card payment: no money is taken. */
  | { outcome: 'already_paid'; repeated: boolean }
) & {
  /** What the fee was for, so the page can send the payer back where they came from. */
  feeKind: FeeKind;
  subjectId: string;
  /** Where to go after paying, and where to try again after a decline. */
  returnPath: string;
  retryPath: string;
};

/**
 * The payer pressed a button on the sandbox page. The checkout closes at most once (a retried or
 * doubled request finds it closed and changes nothing), and a success records one card payment.
 */
export async function completeSandboxCheckout(
  ctx: Ctx,
  checkoutId: string,
  raw: unknown,
): Promise<CheckoutResult> {
  const user = requireUser(ctx.actor);
  const { choice } = parseInput(sandboxChoiceSchema, raw);
  if (!UUID_PATTERN.test(checkoutId)) throw notFound('That payment');
  const result = await sandboxProvider.complete({ checkoutId, choice });
  return transact(ctx, async (w) => {
    const found = await findCheckout(w.tx, result.checkoutId);
    const feeRow = found && (await findFeeById(w.tx, found.feeId));
    // A Stripe checkout is paid at Stripe only: the sandbox's "pay" button must not settle it for free.
    if (found?.provider !== 'sandbox' || !feeRow || !mayPay(found, feeRow, user.userId))
      throw notFound('That payment');
    // Locks in the same order as everywhere else (application, then fee), so concurrent requests queue instead of deadlocking.
    if (feeRow.kind === 'application') await lockApplication(w.tx, feeRow.subjectId);
    const fee = (await lockFee(w.tx, feeRow.id))!;
    const checkout = (await findCheckout(w.tx, found.id))!;
    const about = {
      feeKind: fee.kind,
      subjectId: fee.subjectId,
      returnPath: checkout.returnPath ?? '/application',
      retryPath: checkout.retryPath ?? '/application/pay',
    };
    const now = ctx.clock.now();
    if (checkout.status !== 'open')
      return { outcome: checkout.status === 'succeeded' ? 'succeeded' : 'failed', repeated: true, ...about };

    const { balance } = await balanceOf(w.tx, fee.id);
    if (result.outcome === 'failed' || balance.settled) {
      await completeCheckout(w.tx, checkout.id, 'failed', now);
      await w.audit({
        action: balance.settled ? 'checkout.cancelled' : 'checkout.declined',
        subjectType: 'checkout',
        subjectId: checkout.id,
        before: { status: 'open' },
        after: { status: 'failed' },
      });
      return { outcome: balance.settled ? 'already_paid' : 'failed', repeated: false, ...about };
    }
    await completeCheckout(w.tx, checkout.id, 'succeeded', now);
    await w.audit({
      action: 'checkout.succeeded',
      subjectType: 'checkout',
      subjectId: checkout.id,
      before: { status: 'open' },
      after: { status: 'succeeded' },
    });
    if (fee.kind === 'application') {
      await applyPaymentToApplicationFee(w, {
        applicationId: fee.subjectId,
        amountCents: checkout.amountCents,
        method: 'card',
        reference: result.reference,
        note: 'Sandbox test payment: no real money was taken.',
        actorId: user.userId,
        at: now,
      });
    } else {
      await applyPaymentToFee(w, fee, {
        amountCents: checkout.amountCents,
        method: 'card',
        reference: result.reference,
        note: 'Sandbox test payment: no real money was taken.',
        actorId: user.userId,
        at: now,
      });
    }
    return { outcome: 'succeeded', repeated: false, ...about };
  });
}
