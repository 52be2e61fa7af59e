import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemCtx } from '../../../platform/context.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendProblem } from '../../../platform/http/errors.js';
import { sendPage } from '../../../platform/http/render.js';
import { seeOther } from '../../applications/http/page-helpers.js';
import { getCheckout } from '../use-cases/get-checkout.js';
import { stripeEventSchema } from './events.js';
import { verifyStripeSignature } from './signature.js';
import { StripeApiError, stripePaths } from './stripe-provider.js';
import { goToStripe } from './use-cases/go-to-stripe.js';
import { handleStripeEvent } from './use-cases/handle-stripe-event.js';
import { StripeUnavailablePage } from './views.js';

export const STRIPE_WEBHOOK_PATH = '/api/v1/payments/stripe/webhook';
const checkoutParams = z.object({ checkoutId: z.string().max(64) });

/** The payer's way to and back from Stripe's hosted checkout, and the webhook Stripe calls. */
export function registerStripeRoutes(app: App): void {
  app.get(
    '/pay/stripe/:checkoutId',
    { schema: { hide: true, params: checkoutParams } },
    async (req, reply) => {
      try {
        const start = await goToStripe(ctxFrom(req), req.params.checkoutId);
        if (start.kind === 'redirect') return reply.redirect(start.url, 303);
        return start.status === 'succeeded'
          ? seeOther(reply, start.returnPath, 'This fee is already paid.')
          : seeOther(reply, start.retryPath, 'That payment was closed. No money was taken by it.');
      } catch (error) {
        if (!(error instanceof StripeApiError)) throw error;
        req.log.warn({ status: error.status, detail: error.detail }, 'stripe could not start a checkout');
        const view = await getCheckout(ctxFrom(req), req.params.checkoutId);
        return sendPage(
          req,
          reply,
          { title: 'The card payment could not start', status: 502 },
          <StripeUnavailablePage
            message={error.message}
            retryHref={stripePaths.start(view.checkout.id)}
            backHref={view.backHref}
          />,
        );
      }
    },
  );

  // Stripe sends the payer here after paying; the webhook, not this visit, is what records the payment.
  app.get(
    '/pay/stripe/:checkoutId/return',
    { schema: { hide: true, params: checkoutParams } },
    async (req, reply) => {
      const { checkout, backHref } = await getCheckout(ctxFrom(req), req.params.checkoutId);
      const returnPath = checkout.returnPath ?? '/application';
      if (checkout.status === 'succeeded') return seeOther(reply, returnPath, 'Payment received. Thank you.');
      if (checkout.status === 'failed')
        return seeOther(
          reply,
          backHref,
          'The card payment did not go through. No money was taken: try again.',
        );
      return seeOther(
        reply,
        returnPath,
        'Thank you. Your card payment is being confirmed; this page shows it as paid within a minute or so.',
      );
    },
  );

  app.get(
    '/pay/stripe/:checkoutId/cancel',
    { schema: { hide: true, params: checkoutParams } },
    async (req, reply) => {
      const { backHref } = await getCheckout(ctxFrom(req), req.params.checkoutId);
      return seeOther(reply, backHref, 'You left the card payment page. No money was taken.');
    },
  );

  // Its own scope: the signature covers the exact bytes Stripe sent, so this route keeps the raw body.
  app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<ZodTypeProvider>().post(
      STRIPE_WEBHOOK_PATH,
      {
        schema: {
          tags: ['payments'],
          summary: 'Stripe webhook (called by Stripe, signed)',
          description:
            'Checkout completed, failed or expired, and charge refunded. Verified with the Stripe-Signature header; ' +
            'each event id is handled once. Answers 400 to a bad signature, 5xx only when we could not process it.',
          security: [],
          response: { 200: z.object({ received: z.literal(true), outcome: z.string() }) },
        },
      },
      receiveWebhook,
    );
  });
}

async function receiveWebhook(req: FastifyRequest, reply: FastifyReply) {
  const { config, clock } = req.server.services;
  const stripe = config.stripe;
  if (!stripe)
    return sendProblem(reply, 404, { code: 'NOT_FOUND', detail: 'Stripe is not configured here.' });
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const header = req.headers['stripe-signature'];
  const check = verifyStripeSignature({
    header: typeof header === 'string' ? header : undefined,
    rawBody,
    secret: stripe.webhookSecret,
    // The real instant: a clock that shifts "today" for a demo must not make every delivery stale.
    now: clock.wallNow?.() ?? clock.now(),
    toleranceSeconds: stripe.webhookToleranceSeconds,
  });
  if (!check.ok) {
    req.log.warn({ reason: check.reason }, 'stripe webhook refused');
    return sendProblem(reply, 400, {
      code: 'SIGNATURE_INVALID',
      detail: 'The Stripe-Signature header does not match this request.',
    });
  }
  let parsed: ReturnType<typeof stripeEventSchema.safeParse>;
  try {
    parsed = stripeEventSchema.safeParse(JSON.parse(rawBody.toString('utf8')));
  } catch {
    return sendProblem(reply, 400, { code: 'VALIDATION_FAILED', detail: 'The body is not JSON.' });
  }
  if (!parsed.success)
    return sendProblem(reply, 400, { code: 'VALIDATION_FAILED', detail: 'The body is not a Stripe event.' });
  try {
    const result = await handleStripeEvent(
      { ...systemCtx(req.server.services, 'stripe-webhook'), requestId: req.id },
      parsed.data,
    );
    return reply.send({ received: true as const, outcome: result.outcome });
  } catch (error) {
    // Nothing was written (the transaction rolled back). A 5xx, whatever the cause, so Stripe retries it.
    req.log.error({ err: error, eventId: parsed.data.id, type: parsed.data.type }, 'stripe event failed');
    return sendProblem(reply, 500, {
      code: 'INTERNAL',
      detail: 'We could not process this event; it can be sent again.',
      requestId: req.id,
    });
  }
}
