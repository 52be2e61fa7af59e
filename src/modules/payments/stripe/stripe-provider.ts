import type { StripeSettings } from '../../../config.js';
import type { CheckoutRequest, PaymentProvider } from '../provider.js';

/** Stripe answered with an error, or could not be reached. The message is safe to show a payer. */
export class StripeApiError extends Error {
  override name = 'StripeApiError';
  constructor(
    message: string,
    /** Stripe's HTTP status; 0 when it could not be reached. */
    readonly status: number,
    /** Stripe's own message, for the log only. */
    readonly detail: string | undefined,
  ) {
    super(message);
  }
}

/** Our pages a payer comes back to from Stripe's hosted checkout. */
export const stripePaths = {
  start: (checkoutId: string) => `/pay/stripe/${checkoutId}`,
  returned: (checkoutId: string) => `/pay/stripe/${checkoutId}/return`,
  cancelled: (checkoutId: string) => `/pay/stripe/${checkoutId}/cancel`,
};

const REQUEST_TIMEOUT_MS = 15_000;
/**
 * The Stripe API version every request asks for, so an account's default moving on never changes the
 * shapes this code reads. Webhook payloads follow the endpoint's own version: stripe-refunds.ts reads
 * refunds both from the listed refunds and from the running total, so either shape works.
 */
export const STRIPE_API_VERSION = '2024-06-20';

/**
 * Stripe Checkout over its HTTP API (form-encoded, the secret key as bearer token). Every write carries
 * an Idempotency-Key, so a retried request (a double click, a timeout) never makes a second session or refund.
 */
export function createStripeProvider(
  settings: StripeSettings,
  baseUrl: string,
): PaymentProvider & {
  createCheckout(request: CheckoutRequest): Promise<{ url: string; sessionId: string }>;
} {
  async function post(
    path: string,
    form: Record<string, string>,
    idempotencyKey: string,
  ): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${settings.apiBase}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${settings.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': idempotencyKey,
          'stripe-version': STRIPE_API_VERSION,
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new StripeApiError(
        'The card payment service could not be reached.',
        0,
        error instanceof Error ? error.message : String(error),
      );
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const detail = (body.error as { message?: string } | undefined)?.message;
      throw new StripeApiError(
        response.status >= 500 || response.status === 429
          ? 'The card payment service is busy.'
          : 'The card payment service refused the request.',
        response.status,
        detail,
      );
    }
    return body;
  }

  return {
    id: 'stripe',
    startPath: stripePaths.start,
    async createCheckout(request) {
      const form: Record<string, string> = {
        mode: 'payment',
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': request.amount.currency.toLowerCase(),
        'line_items[0][price_data][unit_amount]': String(request.amount.amountCents),
        'line_items[0][price_data][product_data][name]': request.description,
        client_reference_id: request.checkoutId,
        'metadata[checkout_id]': request.checkoutId,
        // On the PaymentIntent too, so its charges and refunds can be traced back to our checkout.
        'payment_intent_data[metadata][checkout_id]': request.checkoutId,
        success_url: `${baseUrl}${stripePaths.returned(request.checkoutId)}`,
        cancel_url: `${baseUrl}${stripePaths.cancelled(request.checkoutId)}`,
      };
      // Our checkout id as the key: asking again for the same checkout returns the same session.
      const session = await post('/v1/checkout/sessions', form, `checkout-${request.checkoutId}`);
      if (typeof session.url !== 'string' || typeof session.id !== 'string')
        throw new StripeApiError('The card payment service gave an answer we could not use.', 200, undefined);
      return { url: session.url, sessionId: session.id };
    },
    async refund(paymentReference, amountCents, opts?: { idempotencyKey?: string }) {
      if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
        throw new RangeError('A refund is a positive whole number of cents.');
      const target = paymentReference.startsWith('ch_') ? 'charge' : 'payment_intent';
      const refund = await post(
        '/v1/refunds',
        { [target]: paymentReference, amount: String(amountCents) },
        opts?.idempotencyKey ?? `refund-${paymentReference}-${amountCents}`,
      );
      if (typeof refund.id !== 'string')
        throw new StripeApiError('The card payment service gave an answer we could not use.', 200, undefined);
      return { reference: refund.id };
    },
  };
}
