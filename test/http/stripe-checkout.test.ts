import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { paymentProviderFor, sandboxProvider } from '../../src/modules/payments/provider.js';
import { checkouts } from '../../src/modules/payments/schema.js';
import { STRIPE_API_VERSION, StripeApiError } from '../../src/modules/payments/stripe/stripe-provider.js';
import { testBackends } from '../support/backends.js';
import { candidate, submittedApplication } from '../support/factories.js';
import { api, get, postForm } from '../support/sessions.js';
import {
  deliver,
  paidSession,
  STRIPE_TEST_KEY,
  type StripeTestServer,
  startStripeTestServer,
  stripeEnv,
  stripeEvent,
} from '../support/stripe-test-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('Stripe Checkout on %s', (backend) => {
  let t: TestApp;
  let stripe: StripeTestServer;
  beforeAll(async () => {
    stripe = await startStripeTestServer();
    t = await createTestApp(backend, { ...stripeEnv(stripe.apiBase), BASE_URL: 'https://lssc.example' });
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const checkoutRow = async (id: string) =>
    (await t.services.db.select().from(checkouts).where(eq(checkouts.id, id)))[0]!;

  it('starts a Stripe Checkout Session for the fee and sends the payer to it', async () => {
    const me = await candidate(t);
    const { number } = await submittedApplication(t, me, 'card');
    const start = await postForm(t, '/application/pay', {}, me);
    expect(start.statusCode).toBe(303);
    const checkoutId = /^\/pay\/stripe\/([0-9a-f-]{36})$/.exec(start.headers.location as string)?.[1];
    expect(checkoutId).toBeDefined();
    expect(await checkoutRow(checkoutId!)).toMatchObject({
      provider: 'stripe',
      status: 'open',
      amountCents: 35000,
    });

    const before = stripe.requests.length;
    const go = await get(t, `/pay/stripe/${checkoutId}`, me);
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\d+$/);
    const sent = stripe.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      authorization: `Bearer ${STRIPE_TEST_KEY}`,
      idempotencyKey: `checkout-${checkoutId}`,
      stripeVersion: STRIPE_API_VERSION,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(sent[0]!.form).toEqual({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '35000',
      'line_items[0][price_data][product_data][name]': `Application fee for ${number}`,
      client_reference_id: checkoutId,
      'metadata[checkout_id]': checkoutId,
      'payment_intent_data[metadata][checkout_id]': checkoutId,
      success_url: `https://lssc.example/pay/stripe/${checkoutId}/return`,
      cancel_url: `https://lssc.example/pay/stripe/${checkoutId}/cancel`,
    });

    // Pressing "pay" again (or reloading) reuses the checkout and the session: same key, same URL.
    const again = await postForm(t, '/application/pay', {}, me);
    expect(again.headers.location).toBe(`/pay/stripe/${checkoutId}`);
    const reload = await get(t, `/pay/stripe/${checkoutId}`, me);
    expect(reload.headers.location).toBe(go.headers.location);
    expect(stripe.requests.at(-1)!.idempotencyKey).toBe(`checkout-${checkoutId}`);
    // The API gives the same start page.
    const viaApi = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    expect(viaApi).toMatchObject({ checkoutId, url: `/pay/stripe/${checkoutId}` });
  });

  it('shows a clear message when Stripe fails, and keeps the checkout open for a retry', async () => {
    const me = await candidate(t);
    await submittedApplication(t, me, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    stripe.failNext(1, 500);
    const failed = await get(t, `/pay/stripe/${checkoutId}`, me);
    expect(failed.statusCode).toBe(502);
    expect(failed.body).toContain('The card payment could not start');
    expect(failed.body).toContain('The card payment service is busy. No money was taken.');
    expect(failed.body).toContain(`href="/pay/stripe/${checkoutId}"`);
    expect(failed.body).not.toContain('Something went wrong on our end');
    expect((await checkoutRow(checkoutId)).status).toBe('open');

    stripe.failNext(1, 400);
    expect((await get(t, `/pay/stripe/${checkoutId}`, me)).body).toContain(
      'The card payment service refused the request.',
    );

    const retry = await get(t, `/pay/stripe/${checkoutId}`, me);
    expect(retry.statusCode).toBe(303);
    expect(retry.headers.location).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect((await checkoutRow(checkoutId)).status).toBe('open');
  });

  it('brings the payer back: confirming while the webhook is on its way, paid after it', async () => {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    const cancelled = await get(t, `/pay/stripe/${checkoutId}/cancel`, me);
    expect(cancelled.headers.location).toBe('/application/pay');
    expect((await checkoutRow(checkoutId)).status).toBe('open');

    const waiting = await get(t, `/pay/stripe/${checkoutId}/return`, me);
    expect(waiting.headers.location).toBe('/application');
    expect(String(waiting.headers['set-cookie'])).toContain('being%20confirmed');

    await deliver(t, stripeEvent('checkout.session.completed', paidSession(checkoutId, 'pi_return', 35000)));
    const paid = await get(t, `/pay/stripe/${checkoutId}/return`, me);
    expect(paid.headers.location).toBe('/application');
    expect(String(paid.headers['set-cookie'])).toContain('Payment%20received');
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json().status).toBe('in_review');
    // Paid: going to Stripe again is refused politely, with no call to Stripe.
    const before = stripe.requests.length;
    const late = await get(t, `/pay/stripe/${checkoutId}`, me);
    expect(late.headers.location).toBe('/application');
    expect(stripe.requests.length).toBe(before);
    expect(applicationId).toBeDefined();
  });

  it("keeps each payer's checkout to themselves", async () => {
    const me = await candidate(t);
    await submittedApplication(t, me, 'card');
    const { checkoutId } = (await api(t, 'POST', '/api/v1/application/checkout', { session: me })).json();
    const before = stripe.requests.length;
    const other = await candidate(t);
    for (const path of ['', '/return', '/cancel'])
      expect((await get(t, `/pay/stripe/${checkoutId}${path}`, other)).statusCode).toBe(404);
    const anonymous = await get(t, `/pay/stripe/${checkoutId}`);
    expect(String(anonymous.headers.location ?? '')).not.toContain('stripe.test');
    expect((await get(t, '/pay/stripe/not-a-uuid', me)).statusCode).toBe(404);
    // The sandbox's buttons cannot settle a Stripe checkout for free.
    expect((await get(t, `/pay/sandbox/${checkoutId}`, me)).statusCode).toBe(404);
    const free = await api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, {
      session: me,
      body: { choice: 'pay' },
    });
    expect(free.statusCode).toBe(404);
    expect((await postForm(t, `/pay/sandbox/${checkoutId}`, { choice: 'pay' }, me)).statusCode).toBe(404);
    expect((await checkoutRow(checkoutId)).status).toBe('open');
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json().status).toBe(
      'awaiting_payment',
    );
    expect(stripe.requests.length).toBe(before);
  });
});

describe.each(testBackends())('card payments without Stripe keys on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('uses the sandbox, and has no Stripe webhook', async () => {
    const me = await candidate(t);
    await submittedApplication(t, me, 'card');
    const { checkoutId, url } = (
      await api(t, 'POST', '/api/v1/application/checkout', { session: me })
    ).json();
    expect(url).toBe(`/pay/sandbox/${checkoutId}`);
    const [row] = await t.services.db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
    expect(row!.provider).toBe('sandbox');
    expect((await get(t, `/pay/stripe/${checkoutId}`, me)).statusCode).toBe(404);
    const hook = await deliver(
      t,
      stripeEvent('checkout.session.completed', paidSession(checkoutId, 'pi_x', 35000)),
    );
    expect(hook.statusCode).toBe(404);
    // Documented in the API reference all the same.
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/payments/stripe/webhook'].post.summary).toBe(
      'Stripe webhook (called by Stripe, signed)',
    );
  });
});

describe('Stripe settings', () => {
  const base = { NODE_ENV: 'test' as const, LSSC_DATA_DIR: '/tmp/lssc-config-test' };
  it('needs both secrets or neither', () => {
    expect(loadConfig(base).stripe).toBeUndefined();
    expect(() => loadConfig({ ...base, STRIPE_SECRET_KEY: STRIPE_TEST_KEY })).toThrow(
      /both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/,
    );
    expect(() => loadConfig({ ...base, STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toThrow(/both/);
    expect(loadConfig({ ...base, ...stripeEnv('http://127.0.0.1:1/') }).stripe).toEqual({
      secretKey: STRIPE_TEST_KEY,
      webhookSecret: 'whsec_lsscTestSecret0123456789',
      apiBase: 'http://127.0.0.1:1',
      webhookToleranceSeconds: 300,
    });
  });
  it('refuses malformed settings', () => {
    const ok = stripeEnv('https://api.stripe.com');
    expect(() => loadConfig({ ...base, ...ok, STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(
      /STRIPE_SECRET_KEY must be/,
    );
    expect(() => loadConfig({ ...base, ...ok, STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(
      /STRIPE_WEBHOOK_SECRET must be/,
    );
    expect(() => loadConfig({ ...base, ...ok, STRIPE_API_BASE: 'ftp://x' })).toThrow(/STRIPE_API_BASE/);
    expect(() => loadConfig({ ...base, ...ok, STRIPE_WEBHOOK_TOLERANCE_SECONDS: '0' })).toThrow(/at least 1/);
    expect(
      loadConfig({ ...base, ...ok, STRIPE_WEBHOOK_TOLERANCE_SECONDS: '60' }).stripe?.webhookToleranceSeconds,
    ).toBe(60);
  });
});

describe('the refund seam', () => {
  let stripe: StripeTestServer;
  beforeAll(async () => {
    stripe = await startStripeTestServer();
  });
  afterAll(() => stripe.close());

  it('refunds through Stripe with an idempotency key and returns the refund id', async () => {
    const provider = paymentProviderFor(loadConfig({ NODE_ENV: 'test', ...stripeEnv(stripe.apiBase) }));
    expect(provider.id).toBe('stripe');
    const first = await provider.refund('pi_123', 2500, { idempotencyKey: 'refund-request-1' });
    expect(first.reference).toMatch(/^re_test_\d+$/);
    expect(stripe.requests.at(-1)).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: 'refund-request-1',
      authorization: `Bearer ${STRIPE_TEST_KEY}`,
      form: { payment_intent: 'pi_123', amount: '2500' },
    });
    // A retry of the same refund gets the same answer; a charge id is refunded as a charge.
    expect(await provider.refund('pi_123', 2500, { idempotencyKey: 'refund-request-1' })).toEqual(first);
    await provider.refund('ch_9', 100);
    expect(stripe.requests.at(-1)!.form).toEqual({ charge: 'ch_9', amount: '100' });
    stripe.failNext(1, 502);
    await expect(provider.refund('pi_123', 1)).rejects.toBeInstanceOf(StripeApiError);
    await expect(provider.refund('pi_123', 0)).rejects.toThrow(RangeError);
  });

  it('is a no-op in the sandbox, where no money moved', async () => {
    expect(sandboxProvider.id).toBe('sandbox');
    expect(await sandboxProvider.refund('any', 100)).toEqual({ reference: null });
  });
});
