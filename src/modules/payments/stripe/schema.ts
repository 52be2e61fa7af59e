import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const paymentEventOutcomes = [
  /** Claimed but not finished: only ever seen inside the transaction that claimed it. */
  'pending',
  'payment_recorded',
  'checkout_failed',
  'refund_recorded',
  /** Did not apply (already done, unknown checkout or payment, an event we do not act on): kept so it is never retried. */
  'ignored',
] as const;
export type PaymentEventOutcome = (typeof paymentEventOutcomes)[number];

/**
 * One row per event a payment provider sent us, written in the same transaction as its effect: the
 * unique event id makes a redelivered (or concurrently delivered) event a no-op.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider', { enum: ['stripe'] }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: paymentEventOutcomes }).notNull(),
    /** Why it was ignored, or what it did, in plain words (for people looking into a payment). */
    note: text('note'),
    /** Our checkout, when the event names one. */
    checkoutId: uuid('checkout_id'),
    /** The provider's payment reference the event is about (a Stripe PaymentIntent id). */
    paymentReference: text('payment_reference'),
    /** What a refund event said, kept only when its payment is not known yet, to apply it once the payment arrives. */
    parked: jsonb('parked'),
  },
  (t) => [
    uniqueIndex('payment_events_event_uq').on(t.provider, t.eventId),
    index('payment_events_reference_idx').on(t.paymentReference),
  ],
);
