import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripeSignatureHeader } from '../../src/modules/payments/stripe/signature.js';
import type { TestApp } from './test-app.js';

export const STRIPE_TEST_KEY = 'sk_test_lssc0123456789';
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_lsscTestSecret0123456789';

/** The environment of a test app that pays through Stripe (at the fake server). */
export const stripeEnv = (apiBase: string) => ({
  STRIPE_SECRET_KEY: STRIPE_TEST_KEY,
  STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
  STRIPE_API_BASE: apiBase,
});

export interface StripeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

export interface StripeTestServer {
  apiBase: string;
  /** Every request that reached the server, in order. */
  requests: StripeRequest[];
  /** Answer the next `count` requests with this status and a Stripe error body. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

/**
 * A small stand-in for the Stripe API on a loopback port: checks the bearer key, honours
 * Idempotency-Key (the same key answers the same object, as Stripe does), creates Checkout Sessions
 * and refunds. Enough to test what we send and how we take its answers and errors.
 */
export async function startStripeTestServer(): Promise<StripeTestServer> {
  const requests: StripeRequest[] = [];
  const byKey = new Map<string, unknown>();
  let failures = { count: 0, status: 500 };
  let serial = 0;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const key = req.headers['idempotency-key'] as string | undefined;
      const request: StripeRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        idempotencyKey: key,
        stripeVersion: req.headers['stripe-version'] as string | undefined,
        contentType: req.headers['content-type'],
        form,
      };
      requests.push(request);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (failures.count > 0) {
        failures.count--;
        return send(failures.status, {
          error: { type: 'api_error', message: 'Something went wrong on our end.' },
        });
      }
      if (request.authorization !== `Bearer ${STRIPE_TEST_KEY}`)
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
      const cacheKey = key && `${request.path} ${key}`;
      if (cacheKey && byKey.has(cacheKey)) return send(200, byKey.get(cacheKey));
      let body: unknown;
      if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
        const id = `cs_test_${++serial}`;
        body = {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          client_reference_id: form.client_reference_id,
          amount_total: Number(form['line_items[0][price_data][unit_amount]']),
          currency: form['line_items[0][price_data][currency]'],
          payment_status: 'unpaid',
          status: 'open',
        };
      } else if (request.method === 'POST' && request.path === '/v1/refunds') {
        body = {
          id: `re_test_${++serial}`,
          object: 'refund',
          amount: Number(form.amount),
          payment_intent: form.payment_intent ?? null,
          charge: form.charge ?? null,
          status: 'succeeded',
        };
      } else {
        return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL.' } });
      }
      if (cacheKey) byKey.set(cacheKey, body);
      send(200, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let eventSerial = 0;

/** A Stripe event of `type` about `object`, as Stripe posts it. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${++eventSerial}_${Date.now()}`,
) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2024-06-20',
    created: 0,
    livemode: false,
    data: { object },
  };
}

/** A paid Checkout Session for our checkout. */
export const paidSession = (checkoutId: string, paymentIntent: string, amountCents: number) => ({
  id: `cs_test_${checkoutId.slice(0, 8)}`,
  object: 'checkout.session',
  client_reference_id: checkoutId,
  metadata: { checkout_id: checkoutId },
  payment_status: 'paid',
  status: 'complete',
  payment_intent: paymentIntent,
  amount_total: amountCents,
  currency: 'usd',
});

/** A charge with the refunds made so far (older API versions list them on the charge). */
export const refundedCharge = (paymentIntent: string, refunds: { id: string; amount: number }[]) => ({
  id: `ch_${paymentIntent.slice(3)}`,
  object: 'charge',
  payment_intent: paymentIntent,
  amount_refunded: refunds.reduce((s, r) => s + r.amount, 0),
  currency: 'usd',
  refunds: { object: 'list', data: refunds.map((r) => ({ ...r, object: 'refund', status: 'succeeded' })) },
});

/**
 * Deliver an event to the webhook as Stripe does: the exact bytes, signed at `at` (default: the test
 * clock's now) with `secret` (default: the test app's).
 */
export function deliver(
  t: TestApp,
  event: unknown,
  opts: { at?: Date; secret?: string; header?: string; body?: string } = {},
) {
  const payload = opts.body ?? JSON.stringify(event);
  const timestamp = Math.floor((opts.at ?? t.clock.now()).getTime() / 1000);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/stripe/webhook',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature':
        opts.header ?? stripeSignatureHeader(opts.secret ?? STRIPE_TEST_WEBHOOK_SECRET, timestamp, payload),
    },
    payload,
  });
}
