import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { payerChoices } from '../../institutions/use-cases/view-institution.js';
import {
  type ApplicationOverview,
  activeApplicationFees,
  getMyApplication,
} from '../use-cases/get-my-application.js';
import { respondToInfoRequest } from '../use-cases/respond-to-info-request.js';
import { startApplication } from '../use-cases/start-application.js';
import { submitApplication } from '../use-cases/submit-application.js';
import { CheckAnswersPage, RespondPage } from '../views/check-answers.js';
import { Overview, StartApplication } from '../views/overview.js';
import { fieldErrorsOf, seeOther } from './page-helpers.js';

/** Errors a submit page shows in its summary: field problems, missing sections, eligibility, an unconfirmed email. */
function submitErrors(err: unknown): { errors: FieldErrors; status: number } | undefined {
  const fields = fieldErrorsOf(err);
  if (fields && err instanceof DomainError)
    return { errors: fields, status: err.code === 'VALIDATION_FAILED' ? 400 : 422 };
  if (err instanceof DomainError && err.code === 'FORBIDDEN' && !err.fields) {
    return { errors: { 'email-verification': err.message }, status: 403 };
  }
  return undefined;
}

async function overviewOrStart(
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<ApplicationOverview | null> {
  const o = await getMyApplication(ctxFrom(req));
  if (!o) seeOther(reply, '/application');
  return o;
}

/** "Find your institution": the words searched for (the page's `q`, kept by the submit form too), if any. */
function searchedFor(params: unknown): string | undefined {
  return formValues(params).q;
}

/** The institutions a draft may name as its payer; nothing to look up once it is submitted. */
async function payersFor(req: FastifyRequest, o: ApplicationOverview, query: string | undefined) {
  if (o.application.status !== 'draft') return undefined;
  return payerChoices(ctxFrom(req), o.application.id, query);
}

/** The task list, check-your-answers with submit, and the answer to a staff question. */
export function registerSubmitPages(app: App) {
  app.get('/application', { schema: { hide: true } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const o = await getMyApplication(ctx);
    if (!o) {
      const fees = await activeApplicationFees(ctx);
      const verified = req.actor.kind === 'user' && req.actor.emailVerified;
      return sendPage(
        req,
        reply,
        { title: 'Apply for certification' },
        <StartApplication csrfToken={req.csrfToken()} {...fees} emailVerified={verified} />,
      );
    }
    return sendPage(
      req,
      reply,
      { title: 'Your application' },
      <Overview o={o} csrfToken={req.csrfToken()} />,
    );
  });

  app.post('/application/start', { schema: { hide: true } }, async (req, reply) => {
    await startApplication(ctxFrom(req));
    return seeOther(reply, '/application/personal');
  });

  app.get('/application/check', { schema: { hide: true } }, async (req, reply) => {
    const o = await overviewOrStart(req, reply);
    if (!o) return reply;
    const payers = await payersFor(req, o, searchedFor(req.query));
    return sendPage(
      req,
      reply,
      {
        title: o.application.status === 'draft' ? 'Check your answers' : 'Your answers',
        // A refused search (nothing typed, too long) answers 400, like the catalog's.
        status: payers?.search?.error ? 400 : 200,
      },
      <CheckAnswersPage o={o} csrfToken={req.csrfToken()} payers={payers} />,
    );
  });

  app.post('/application/submit', { schema: { hide: true } }, async (req, reply) => {
    try {
      const { application, alreadySubmitted } = await submitApplication(ctxFrom(req), req.body);
      if (alreadySubmitted)
        return seeOther(
          reply,
          application.status === 'awaiting_payment' || application.status === 'awaiting_check'
            ? '/application/pay'
            : '/application',
        );
      const flash = `Application submitted. Your application number is ${application.number}.`;
      return seeOther(reply, application.status === 'in_review' ? '/application' : '/application/pay', flash);
    } catch (err) {
      const problem = submitErrors(err);
      if (!problem) throw err;
      const o = await overviewOrStart(req, reply);
      if (!o) return reply;
      return sendPage(
        req,
        reply,
        { title: 'Check your answers', status: problem.status },
        <CheckAnswersPage
          o={o}
          csrfToken={req.csrfToken()}
          errors={problem.errors}
          values={formValues(req.body)}
          payers={await payersFor(req, o, searchedFor(req.body))}
        />,
      );
    }
  });

  app.get('/application/respond', { schema: { hide: true } }, async (req, reply) => {
    const o = await overviewOrStart(req, reply);
    if (!o) return reply;
    if (o.application.status !== 'info_requested') return seeOther(reply, '/application');
    return sendPage(
      req,
      reply,
      { title: 'Answer the program staff' },
      <RespondPage o={o} csrfToken={req.csrfToken()} />,
    );
  });

  app.post('/application/respond', { schema: { hide: true } }, async (req, reply) => {
    try {
      await respondToInfoRequest(ctxFrom(req), formValues(req.body));
    } catch (err) {
      const problem = submitErrors(err);
      if (!problem) throw err;
      const o = await overviewOrStart(req, reply);
      if (!o) return reply;
      return sendPage(
        req,
        reply,
        { title: 'Answer the program staff', status: problem.status },
        <RespondPage
          o={o}
          csrfToken={req.csrfToken()}
          errors={problem.errors}
          values={formValues(req.body)}
        />,
      );
    }
    return seeOther(
      reply,
      '/application',
      'Your answer was sent. Your application is back with program staff.',
    );
  });
}
