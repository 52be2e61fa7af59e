import { type Money, money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { findApplicationById } from '../../applications/repository.js';
import { feeKindLabels } from '../fee-payment.js';
import { type CheckoutRow, type FeeRow, findCheckout, findFeeById } from '../repository.js';

export interface CheckoutView {
  checkout: CheckoutRow;
  amount: Money;
  description: string;
  applicationNumber: string | null;
  /** Where "back to paying your fee" goes. */
  backHref: string;
}

/**
 * A checkout, for the person who opened it only. Someone else's checkout id answers "not found",
 * exactly as an id that does not exist, so ids cannot be probed.
 */
export async function getCheckout(ctx: Ctx, checkoutId: string): Promise<CheckoutView> {
  const user = requireUser(ctx.actor);
  if (!UUID_PATTERN.test(checkoutId)) throw notFound('That payment');
  const checkout = await findCheckout(ctx.db, checkoutId);
  const fee = checkout && (await findFeeById(ctx.db, checkout.feeId));
  if (!checkout || !fee || !mayPay(checkout, fee, user.userId)) throw notFound('That payment');
  const application =
    fee.kind === 'application' ? await findApplicationById(ctx.db, fee.subjectId) : undefined;
  return {
    checkout,
    amount: money(checkout.amountCents, checkout.currency),
    description: checkout.description ?? feeKindLabels[fee.kind],
    applicationNumber: application?.number ?? null,
    backHref: checkout.retryPath ?? '/application/pay',
  };
}

/** The opener completes a checkout; checkouts from before openers were recorded belong to the fee's payer. */
export function mayPay(checkout: CheckoutRow, fee: FeeRow, userId: string): boolean {
  return (checkout.openedBy ?? fee.payerUserId) === userId;
}
