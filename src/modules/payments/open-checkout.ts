import { type Money, money } from '../../lib/money.js';
import type { Work } from '../../platform/context.js';
import { sandboxProvider } from './provider.js';
import { completeCheckout, type FeeRow, findOpenCheckout, insertCheckout } from './repository.js';

export interface OpenedCheckout {
  checkoutId: string;
  /** Where to send the payer. */
  url: string;
  amount: Money;
}

/**
 * A card checkout for what is due on a fee: the open one is reused (a double click must not start two
 * payments), and one for a different amount is closed first (what is due changed, e.g. after a partial
 * check). The caller has locked the fee and checked that something is due.
 */
export async function openCheckoutForDue(
  w: Work,
  fee: FeeRow,
  dueCents: number,
  now: Date,
  description: string,
): Promise<OpenedCheckout> {
  let checkout = await findOpenCheckout(w.tx, fee.id);
  if (checkout && checkout.amountCents !== dueCents) {
    await completeCheckout(w.tx, checkout.id, 'failed', now);
    checkout = undefined;
  }
  if (!checkout) {
    checkout = await insertCheckout(w.tx, {
      feeId: fee.id,
      amountCents: dueCents,
      currency: fee.currency,
      now,
    });
    await w.audit({
      action: 'checkout.created',
      subjectType: 'checkout',
      subjectId: checkout.id,
      after: { feeId: fee.id, amountCents: checkout.amountCents, provider: checkout.provider },
    });
  }
  const amount = money(checkout.amountCents, checkout.currency);
  const { url } = await sandboxProvider.createCheckout({ checkoutId: checkout.id, amount, description });
  return { checkoutId: checkout.id, url, amount };
}
