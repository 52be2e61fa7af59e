import { type Money, money } from '../../lib/money.js';
import type { Work } from '../../platform/context.js';
import { type PaymentProvider, sandboxProvider } from './provider.js';
import {
  type CheckoutPurpose,
  completeCheckout,
  type FeeRow,
  findOpenCheckout,
  insertCheckout,
} from './repository.js';

export interface OpenedCheckout {
  checkoutId: string;
  /** Where to send the payer. */
  url: string;
  amount: Money;
}

/**
 * A card checkout for what is due on a fee: the open one is reused (a double click must not start two
 * payments); one for a different amount (what is due changed, e.g. after a partial check), opened
 * by someone else, or with another provider (Stripe was configured since) is closed first. The caller
 * has locked the fee and checked that something is due. `provider` is `paymentProviderFor(ctx.config)`.
 *
 * The payer is sent to the provider's start page on this site, never straight to a hosted provider:
 * calling Stripe here would hold the fee's lock during a network call, and a failure would undo the checkout.
 */
export async function openCheckoutForDue(
  w: Work,
  fee: FeeRow,
  dueCents: number,
  now: Date,
  purpose: CheckoutPurpose,
  provider: PaymentProvider = sandboxProvider,
): Promise<OpenedCheckout> {
  let checkout = await findOpenCheckout(w.tx, fee.id);
  // Reused only by the person who opened it: another member paying the same fee gets their own.
  if (
    checkout &&
    (checkout.amountCents !== dueCents ||
      checkout.openedBy !== purpose.openedBy ||
      checkout.provider !== provider.id)
  ) {
    await completeCheckout(w.tx, checkout.id, 'failed', now);
    checkout = undefined;
  }
  if (!checkout) {
    checkout = await insertCheckout(w.tx, {
      feeId: fee.id,
      amountCents: dueCents,
      currency: fee.currency,
      now,
      provider: provider.id,
      ...purpose,
    });
    await w.audit({
      action: 'checkout.created',
      subjectType: 'checkout',
      subjectId: checkout.id,
      after: { feeId: fee.id, amountCents: checkout.amountCents, provider: checkout.provider },
    });
  }
  const amount = money(checkout.amountCents, checkout.currency);
  return { checkoutId: checkout.id, url: provider.startPath(checkout.id), amount };
}
