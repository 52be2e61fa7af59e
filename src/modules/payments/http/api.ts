import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { submitSchema } from '../../applications/forms.js';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import { choosePaymentMethod } from '../use-cases/choose-payment-method.js';
import { completeSandboxCheckout, sandboxChoiceSchema } from '../use-cases/complete-sandbox-checkout.js';
import { startCheckout } from '../use-cases/start-checkout.js';

const tags = ['payments'];

export function registerPaymentApi(app: App) {
  app.post(
    '/api/v1/application/checkout',
    {
      schema: {
        tags,
        summary: 'Start (or reuse) a card checkout for your application fee',
        description: 'Send the payer to `url`. A repeated call returns the same open checkout.',
        response: { 200: z.object({ checkoutId: z.uuid(), url: z.string(), amount: moneySchema }) },
      },
    },
    async (req) => {
      const started = await startCheckout(ctxFrom(req));
      return { checkoutId: started.checkoutId, url: started.url, amount: moneyOut(started.amount) };
    },
  );

  app.post(
    '/api/v1/application/payment-method',
    {
      schema: {
        tags,
        summary: 'Switch between paying by card and by check while the fee is unpaid',
        body: submitSchema,
        response: {
          200: z.object({
            status: z.string(),
            paymentMethod: z.enum(['card', 'check', 'institution']).nullable(),
          }),
        },
      },
    },
    async (req) => {
      const app = await choosePaymentMethod(ctxFrom(req), req.body);
      return { status: app.status, paymentMethod: app.paymentMethod };
    },
  );

  app.post(
    '/api/v1/payments/sandbox/:checkoutId',
    {
      schema: {
        tags,
        summary: 'Finish a sandbox (test) checkout: pay or simulate a declined card',
        description: 'Only in the sandbox: no real money moves. Repeating it changes nothing.',
        params: z.object({ checkoutId: z.uuid() }),
        body: sandboxChoiceSchema,
        response: {
          200: z.object({ outcome: z.enum(['succeeded', 'failed', 'already_paid']), repeated: z.boolean() }),
        },
      },
    },
    async (req) => completeSandboxCheckout(ctxFrom(req), req.params.checkoutId, req.body),
  );
}
