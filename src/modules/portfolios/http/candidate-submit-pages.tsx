import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatMoney } from '../../../lib/money.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireUser } from '../../accounts/access.js';
import { seeOther } from '../../applications/http/page-helpers.js';
import { resubmitPortfolio } from '../use-cases/resubmit-portfolio.js';
import { startPortfolioCheckout } from '../use-cases/start-portfolio-checkout.js';
import { submitPortfolio } from '../use-cases/submit-portfolio.js';
import { submissionFee, viewPortfolio } from '../use-cases/view-portfolio.js';
import { viewPortfolioOutcome } from '../use-cases/view-portfolio-outcome.js';
import { CheckPage } from '../views/candidate-check.js';
import { hide, idParams, shown, titled, unlessLocked } from './candidate-page-helpers.js';

/** The candidate's check page, submission, resubmission and the fee's checkout. */
export function registerPortfolioSubmitPages(app: App) {
  const checkPage = async (req: FastifyRequest, reply: FastifyReply, err?: ReturnType<typeof shown>) => {
    const ctx = ctxFrom(req);
    const v = await viewPortfolio(ctx, (req.params as { id: string }).id);
    const [{ fee }, outcome] = await Promise.all([
      submissionFee(ctx.db, v.portfolio.candidateId),
      viewPortfolioOutcome(ctx, v),
    ]);
    return sendPage(
      req,
      reply,
      {
        title: titled(v.draft ? 'Check and submit your portfolio' : 'Portfolio submission', err?.errors),
        status: err?.status ?? 200,
      },
      <CheckPage
        v={v}
        csrfToken={req.csrfToken()}
        feeAmount={formatMoney(fee)}
        userId={requireUser(req.actor).userId}
        errors={err?.errors}
        outcome={outcome}
      />,
    );
  };
  app.get('/portfolios/:id/check', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    checkPage(req, reply),
  );
  app.post('/portfolios/:id/submit', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      const { portfolio, alreadySubmitted, feeCharged } = await submitPortfolio(ctxFrom(req), req.params.id);
      return seeOther(
        reply,
        `/portfolios/${portfolio.id}/check`,
        alreadySubmitted
          ? `This portfolio was already submitted as ${portfolio.number}.`
          : `Portfolio ${portfolio.number} submitted. It is now locked. ${
              feeCharged
                ? 'Pay the portfolio fee to send it to the evaluators.'
                : 'There is no fee to pay: it goes to the evaluators.'
            }`,
      );
    } catch (err) {
      const problem = shown(err);
      if (!problem) throw err;
      return checkPage(req, reply, problem);
    }
  });
  // Refused states (not "more information", nothing left to resubmit) get the 409 page with the reason.
  app.post('/portfolios/:id/resubmit', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    unlessLocked(req, reply, req.params.id, async () => {
      try {
        const { portfolio, alreadyResubmitted } = await resubmitPortfolio(ctxFrom(req), req.params.id);
        return seeOther(
          reply,
          `/portfolios/${portfolio.id}`,
          alreadyResubmitted
            ? `Portfolio ${portfolio.number} was already resubmitted.`
            : `Portfolio ${portfolio.number} resubmitted. It is locked again while the evaluators look at the reopened competencies.`,
        );
      } catch (err) {
        const problem = shown(err);
        if (!problem) throw err;
        return checkPage(req, reply, problem);
      }
    }),
  );
  app.post('/portfolios/:id/checkout', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const { url } = await startPortfolioCheckout(ctxFrom(req), req.params.id);
    return seeOther(reply, url);
  });
}
