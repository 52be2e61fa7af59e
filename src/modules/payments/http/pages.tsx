import { z } from 'zod';
import { notFound } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { seeOther } from '../../applications/http/page-helpers.js';
import { getMyApplication } from '../../applications/use-cases/get-my-application.js';
import type { FeeKind } from '../schema.js';
import { choosePaymentMethod } from '../use-cases/choose-payment-method.js';
import { completeSandboxCheckout } from '../use-cases/complete-sandbox-checkout.js';
import { getCheckout } from '../use-cases/get-checkout.js';
import { startCheckout } from '../use-cases/start-checkout.js';
import { PayPage, SandboxCheckoutPage } from '../views/pay-pages.js';

const checkoutParams = z.object({ checkoutId: z.string().max(64) });
export const SANDBOX_BANNER = 'Test payment: no real money is taken';

/** What happens next, after a fee is paid by card. */
const paidMessage: Record<FeeKind, string> = {
  application: 'Payment received. Thank you: program staff will now review your application.',
  course_approval: 'Payment received. Thank you: course evaluators will now review the course.',
  course_approval_renewal: 'Payment received. Thank you: course evaluators will now review the renewal.',
  portfolio: 'Payment received. Thank you: your portfolio goes to its evaluators.',
  certification_renewal: 'Payment received. Thank you: program staff will now review your renewal.',
};

export function registerPaymentPages(app: App) {
  app.get('/application/pay', { schema: { hide: true } }, async (req, reply) => {
    const o = await getMyApplication(ctxFrom(req));
    if (!o?.fee || o.application.status === 'rejected') return seeOther(reply, '/application');
    return sendPage(
      req,
      reply,
      { title: 'Pay the application fee' },
      <PayPage o={o} csrfToken={req.csrfToken()} />,
    );
  });

  app.post('/application/pay', { schema: { hide: true } }, async (req, reply) => {
    const { url } = await startCheckout(ctxFrom(req));
    return seeOther(reply, url);
  });

  app.post('/application/payment-method', { schema: { hide: true } }, async (req, reply) => {
    const changed = await choosePaymentMethod(ctxFrom(req), req.body);
    return seeOther(
      reply,
      '/application/pay',
      changed.paymentMethod === 'check' ? 'You will pay by check.' : 'You will pay by card.',
    );
  });

  app.get(
    '/pay/sandbox/:checkoutId',
    { schema: { hide: true, params: checkoutParams } },
    async (req, reply) => {
      const view = await getCheckout(ctxFrom(req), req.params.checkoutId);
      if (view.checkout.provider !== 'sandbox') throw notFound('That payment');
      return sendPage(
        req,
        reply,
        { title: 'Test payment', banner: SANDBOX_BANNER },
        <SandboxCheckoutPage view={view} csrfToken={req.csrfToken()} />,
      );
    },
  );

  app.post(
    '/pay/sandbox/:checkoutId',
    { schema: { hide: true, params: checkoutParams } },
    async (req, reply) => {
      const result = await completeSandboxCheckout(ctxFrom(req), req.params.checkoutId, req.body);
      if (result.repeated && result.outcome === 'failed')
        return seeOther(
          reply,
          result.retryPath,
          'That payment was already closed. No money was taken by it.',
        );
      // The application's pay page says so itself; other fees' pages show this message.
      if (result.outcome === 'failed')
        return result.feeKind === 'application'
          ? seeOther(reply, result.retryPath)
          : seeOther(reply, result.retryPath, 'The card was declined. No money was taken: try again.');
      if (result.outcome === 'already_paid')
        return seeOther(reply, result.returnPath, 'The fee was already paid, so no card payment was taken.');
      return seeOther(reply, result.returnPath, paidMessage[result.feeKind]);
    },
  );
}
