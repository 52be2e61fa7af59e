import type { Work } from '../../../../platform/context.js';
import { UUID_PATTERN } from '../../../../platform/ids.js';
import { lockApplication } from '../../../applications/repository.js';
import { applyPaymentToApplicationFee } from '../../application-fee.js';
import { applyPaymentToFee } from '../../fee-payment.js';
import {
  type CheckoutRow,
  completeCheckout,
  type FeeRow,
  findCheckout,
  findFeeById,
  findPaymentByReference,
  lockFee,
} from '../../repository.js';
import { type CheckoutSession, checkoutIdOf, paymentReferenceOf } from '../events.js';
import { lockPaymentEvents } from '../repository.js';
import type { EventEffect } from './event-effect.js';
import { applyParkedRefunds } from './stripe-refunds.js';

type Locked = { checkout: CheckoutRow; fee: FeeRow };

/** Our Stripe checkout named by the session, with its application and fee locked (in the usual order). */
async function lockSessionCheckout(w: Work, session: CheckoutSession): Promise<Locked | string> {
  const checkoutId = checkoutIdOf(session);
  if (!checkoutId || !UUID_PATTERN.test(checkoutId)) return 'The session does not name one of our checkouts.';
  const found = await findCheckout(w.tx, checkoutId);
  const feeRow = found && (await findFeeById(w.tx, found.feeId));
  if (!found || !feeRow || found.provider !== 'stripe') return 'No Stripe checkout of ours has this id.';
  if (feeRow.kind === 'application') await lockApplication(w.tx, feeRow.subjectId);
  const fee = (await lockFee(w.tx, feeRow.id))!;
  // Read again under the lock: a concurrent event may have closed it meanwhile.
  const checkout = (await findCheckout(w.tx, checkoutId))!;
  return { checkout, fee };
}

/**
 * The payer paid (checkout.session.completed with payment_status paid, or a delayed payment method
 * succeeding): the same path as the sandbox's success (ledger payment, fee settled, subject moves on,
 * receipt mail). Money Stripe took is always recorded, even for a checkout we had closed meanwhile
 * (the fee was settled by check, or a new amount was due): the balance then shows what is owed back.
 */
export async function applyStripePayment(w: Work, session: CheckoutSession, now: Date): Promise<EventEffect> {
  const reference = paymentReferenceOf(session);
  // First, before the application and the fee: a refund of this payment arriving at the same moment
  // waits here (or we wait for it), so the kept refunds read below include it or it sees this payment.
  await lockPaymentEvents(w.tx, reference);
  const locked = await lockSessionCheckout(w, session);
  if (typeof locked === 'string') return { outcome: 'ignored', note: locked, attention: true };
  const { checkout, fee } = locked;
  const amountCents = session.amount_total ?? checkout.amountCents;
  // We never open a checkout for nothing, but a zero "payment" must not reach the ledger (amounts are positive).
  if (amountCents <= 0) return { outcome: 'ignored', note: 'Nothing was paid.', attention: true };
  if (session.currency && session.currency.toUpperCase() !== checkout.currency)
    return {
      outcome: 'ignored',
      note: `Paid in ${session.currency.toUpperCase()}, but the checkout was in ${checkout.currency}: look into it.`,
      attention: true,
    };
  if (await findPaymentByReference(w.tx, fee.id, 'card', reference))
    return { outcome: 'ignored', note: 'This payment is already recorded.' };

  let attention = false;
  if (checkout.status === 'open') {
    await completeCheckout(w.tx, checkout.id, 'succeeded', now);
    await w.audit({
      action: 'checkout.succeeded',
      subjectType: 'checkout',
      subjectId: checkout.id,
      before: { status: 'open' },
      after: { status: 'succeeded' },
    });
  } else {
    attention = true;
    await w.audit({
      action: 'checkout.paid_after_close',
      subjectType: 'checkout',
      subjectId: checkout.id,
      before: { status: checkout.status },
      after: { paidCents: amountCents, reference },
    });
  }
  const payment = {
    amountCents,
    method: 'card' as const,
    reference,
    note: 'Paid by card through Stripe Checkout.',
    actorId: null,
    at: now,
  };
  if (fee.kind === 'application')
    await applyPaymentToApplicationFee(w, { applicationId: fee.subjectId, ...payment });
  else await applyPaymentToFee(w, fee, payment);
  await applyParkedRefunds(w, fee, reference, now);
  return {
    outcome: 'payment_recorded',
    note: attention ? 'Paid after the checkout had been closed: check whether money is owed back.' : null,
    attention,
  };
}

/** The payment failed (a delayed method was refused) or the session expired unpaid: close the checkout. */
export async function applyStripeCheckoutFailure(
  w: Work,
  session: CheckoutSession,
  why: 'declined' | 'expired',
  now: Date,
): Promise<EventEffect> {
  const locked = await lockSessionCheckout(w, session);
  if (typeof locked === 'string') return { outcome: 'ignored', note: locked };
  const { checkout } = locked;
  // "Expired" after "completed" (events arrive in any order) must not undo a payment.
  if (checkout.status !== 'open')
    return { outcome: 'ignored', note: `The checkout had already ${checkout.status}.` };
  await completeCheckout(w.tx, checkout.id, 'failed', now);
  await w.audit({
    action: why === 'declined' ? 'checkout.declined' : 'checkout.expired',
    subjectType: 'checkout',
    subjectId: checkout.id,
    before: { status: 'open' },
    after: { status: 'failed' },
  });
  return {
    outcome: 'checkout_failed',
    note: why === 'declined' ? 'The payment was declined.' : 'The session expired.',
  };
}
