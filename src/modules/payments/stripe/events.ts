import { z } from 'zod';

/**
 * The parts of Stripe's webhook events we read. Stripe adds fields freely, so unknown ones pass;
 * an event whose object lacks what we need is recorded and ignored, never retried forever.
 */
export const stripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEvent = z.infer<typeof stripeEventSchema>;

/** An id, whether Stripe sent the bare id or the expanded object. */
const idOf = z
  .union([z.string(), z.object({ id: z.string() })])
  .nullish()
  .transform((v) => (v == null ? null : typeof v === 'string' ? v : v.id));

export const checkoutSessionSchema = z.object({
  id: z.string(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_status: z.string().nullish(),
  payment_intent: idOf,
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

export const chargeSchema = z.object({
  id: z.string(),
  payment_intent: idOf,
  amount_refunded: z.number().int().min(0),
  currency: z.string(),
  /** Only in older API versions' payloads; newer ones send amount_refunded alone. */
  refunds: z
    .object({
      data: z.array(z.object({ id: z.string(), amount: z.number().int(), status: z.string().nullish() })),
    })
    .nullish(),
});
export type Charge = z.infer<typeof chargeSchema>;

/** Our checkout id, as we put it on the session. */
export function checkoutIdOf(session: CheckoutSession): string | null {
  return session.client_reference_id ?? session.metadata?.checkout_id ?? null;
}

/** What a payment is recorded under on the ledger: the PaymentIntent (refunds are made against it). */
export function paymentReferenceOf(session: CheckoutSession): string {
  return session.payment_intent ?? session.id;
}

/** The refunds a charge.refunded event reports that moved (or are moving) money back. */
export function refundsOf(charge: Charge): { id: string; amountCents: number }[] | null {
  if (!charge.refunds) return null;
  return charge.refunds.data
    .filter((r) => r.amount > 0 && r.status !== 'failed' && r.status !== 'canceled')
    .map((r) => ({ id: r.id, amountCents: r.amount }));
}
