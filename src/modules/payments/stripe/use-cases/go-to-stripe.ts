import { money } from '../../../../lib/money.js';
import type { Ctx } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import { paymentProviderFor } from '../../provider.js';
import { getCheckout } from '../../use-cases/get-checkout.js';

export type StripeStart =
  | { kind: 'redirect'; url: string }
  /** Already paid or closed: back to the fee's page. */
  | { kind: 'closed'; status: 'succeeded' | 'failed'; returnPath: string; retryPath: string };

/**
 * Send the payer of an open Stripe checkout to Stripe's hosted page. Runs outside any transaction (a
 * network call must not hold the fee's lock). The session is made with our checkout id as idempotency
 * key, so coming back here (a reload, a retry after an error) returns the same session. A Stripe error
 * (StripeApiError) leaves the checkout open, so the payer can simply try again.
 */
export async function goToStripe(ctx: Ctx, checkoutId: string): Promise<StripeStart> {
  const view = await getCheckout(ctx, checkoutId);
  const { checkout } = view;
  if (checkout.provider !== 'stripe') throw notFound('That payment');
  const returnPath = checkout.returnPath ?? '/application';
  const retryPath = checkout.retryPath ?? '/application/pay';
  if (checkout.status !== 'open') return { kind: 'closed', status: checkout.status, returnPath, retryPath };
  const provider = paymentProviderFor(ctx.config);
  // Keys removed since the checkout opened: it cannot be paid at Stripe now; starting again opens a sandbox one.
  if (provider.id !== 'stripe') return { kind: 'closed', status: 'failed', returnPath, retryPath };
  const { url } = await provider.createCheckout({
    checkoutId: checkout.id,
    amount: money(checkout.amountCents, checkout.currency),
    description: view.description,
  });
  return { kind: 'redirect', url };
}
