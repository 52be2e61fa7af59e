import { type Ctx, transact, type Work } from '../../../../platform/context.js';
import {
  type CheckoutSession,
  chargeSchema,
  checkoutIdOf,
  checkoutSessionSchema,
  type StripeEvent,
} from '../events.js';
import { claimPaymentEvent, finishPaymentEvent } from '../repository.js';
import type { EventEffect } from './event-effect.js';
import { applyStripeCheckoutFailure, applyStripePayment } from './stripe-checkout-events.js';
import { applyStripeRefundEvent, chargePaymentReference } from './stripe-refunds.js';

export type StripeEventResult = { outcome: EventEffect['outcome'] | 'duplicate'; note: string | null };

type Action = {
  about: { checkoutId: string | null; paymentReference: string | null };
  run: (w: Work, now: Date) => Promise<EventEffect>;
};

const UUID = /^[0-9a-f-]{36}$/i;

function sessionAction(
  event: StripeEvent,
  run: (w: Work, session: CheckoutSession, now: Date) => Promise<EventEffect>,
): Action {
  const session = checkoutSessionSchema.safeParse(event.data.object);
  if (!session.success) return unusable();
  const checkoutId = checkoutIdOf(session.data);
  return {
    about: {
      checkoutId: checkoutId && UUID.test(checkoutId) ? checkoutId : null,
      paymentReference: session.data.payment_intent ?? null,
    },
    run: (w, now) => run(w, session.data, now),
  };
}

const ignore = (note: string): Action => ({
  about: { checkoutId: null, paymentReference: null },
  run: async () => ({ outcome: 'ignored', note }),
});
const unusable = () => ignore('The event did not carry the fields we read.');

/** What each event type does; every other type is recorded and ignored. */
function actionFor(event: StripeEvent): Action {
  switch (event.type) {
    case 'checkout.session.completed':
      return sessionAction(event, async (w, session, now) =>
        session.payment_status === 'paid' || session.payment_status === 'no_payment_required'
          ? applyStripePayment(w, session, now)
          : // A delayed method (a bank debit): async_payment_succeeded or _failed follows.
            { outcome: 'ignored', note: 'Completed but not yet paid: waiting for the bank.' },
      );
    case 'checkout.session.async_payment_succeeded':
      return sessionAction(event, applyStripePayment);
    case 'checkout.session.async_payment_failed':
      return sessionAction(event, (w, s, now) => applyStripeCheckoutFailure(w, s, 'declined', now));
    case 'checkout.session.expired':
      return sessionAction(event, (w, s, now) => applyStripeCheckoutFailure(w, s, 'expired', now));
    case 'charge.refunded': {
      const charge = chargeSchema.safeParse(event.data.object);
      if (!charge.success) return unusable();
      return {
        about: { checkoutId: null, paymentReference: chargePaymentReference(charge.data) },
        run: (w, now) => applyStripeRefundEvent(w, charge.data, now),
      };
    }
    default:
      return ignore('Not an event we act on.');
  }
}

/**
 * One verified Stripe event, handled at most once: its payment_events row and its effect commit
 * together, so a redelivery (even at the same moment) finds the row and does nothing. An event that no
 * longer applies is recorded as ignored with a log line, never an error (Stripe would retry it for days).
 */
export async function handleStripeEvent(ctx: Ctx, event: StripeEvent): Promise<StripeEventResult> {
  const now = ctx.clock.now();
  const action = actionFor(event);
  const result = await transact(ctx, async (w): Promise<EventEffect | null> => {
    const claimed = await claimPaymentEvent(w.tx, {
      eventId: event.id,
      type: event.type,
      receivedAt: now,
      ...action.about,
    });
    if (!claimed) return null;
    const effect = await action.run(w, now);
    await finishPaymentEvent(w.tx, claimed.id, effect);
    return effect;
  });
  if (!result) {
    ctx.log.info({ eventId: event.id, type: event.type }, 'stripe event already handled');
    return { outcome: 'duplicate', note: null };
  }
  if (result.outcome === 'ignored' || result.attention) {
    const line = { eventId: event.id, type: event.type, outcome: result.outcome, note: result.note };
    if (result.attention) ctx.log.warn(line, 'stripe event needs a look');
    else ctx.log.info(line, 'stripe event ignored');
  }
  return { outcome: result.outcome, note: result.note };
}
