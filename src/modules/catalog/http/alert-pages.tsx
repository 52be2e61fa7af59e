import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { checkAlertConfirmation, confirmAlertSubscription } from '../use-cases/confirm-alert-subscription.js';
import { subscribeToAlerts } from '../use-cases/subscribe-to-alerts.js';
import { checkUnsubscribeLink, unsubscribeFromAlerts } from '../use-cases/unsubscribe-from-alerts.js';
import {
  CheckEmailPage,
  ConfirmPage,
  LinkProblemPage,
  SubscribePage,
  UnsubscribedPage,
  UnsubscribePage,
} from '../views/alert-pages.js';

const hide = true;
const base = '/catalog/alerts';

const isCode = (err: unknown, code: string): err is DomainError =>
  err instanceof DomainError && err.code === code;

/**
 * Email alerts for new courses: a page, not an API (nothing a client program needs). Subscribing,
 * confirming and unsubscribing all work without an account; links from mail only show a button,
 * because mail scanners open links and a GET must never change anything.
 */
export function registerAlertPages(app: App) {
  const subscribeForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
    status = 400,
  ) => {
    const { framework } = await getActiveProgramData(ctxFrom(req));
    return sendPage(
      req,
      reply,
      { title: `${errors ? 'Error: ' : ''}Email alerts for new courses`, status: errors ? status : 200 },
      <SubscribePage
        csrfToken={req.csrfToken()}
        sets={framework.framework.framework.sets}
        values={values}
        errors={errors}
      />,
    );
  };

  app.get(base, { schema: { hide } }, async (req, reply) => subscribeForm(req, reply, {}));
  app.post(base, { schema: { hide } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      await subscribeToAlerts(ctxFrom(req), values, { ip: req.ip });
    } catch (err) {
      if (isCode(err, 'VALIDATION_FAILED')) return subscribeForm(req, reply, values, err.fields);
      if (isCode(err, 'RATE_LIMITED')) return subscribeForm(req, reply, values, { email: err.message }, 429);
      throw err;
    }
    return reply.redirect(`${base}/check-email`, 303);
  });

  app.get(`${base}/check-email`, { schema: { hide } }, async (req, reply) =>
    sendPage(req, reply, { title: 'Check your email' }, <CheckEmailPage />),
  );

  const linkProblem = (req: FastifyRequest, reply: FastifyReply, err: unknown) => {
    if (!isCode(err, 'TOKEN_INVALID')) throw err;
    return sendPage(
      req,
      reply,
      { title: 'This link does not work', status: 400 },
      <LinkProblemPage message={err.message} />,
    );
  };

  app.get(`${base}/confirm`, { schema: { hide } }, async (req, reply) => {
    const token = formValues(req.query).token ?? '';
    try {
      await checkAlertConfirmation(ctxFrom(req), token);
    } catch (err) {
      return linkProblem(req, reply, err);
    }
    return sendPage(
      req,
      reply,
      { title: 'Confirm your email alerts' },
      <ConfirmPage csrfToken={req.csrfToken()} token={token} />,
    );
  });
  app.post(`${base}/confirm`, { schema: { hide } }, async (req, reply) => {
    try {
      const { what } = await confirmAlertSubscription(ctxFrom(req), formValues(req.body).token);
      reply.flash(`Your email alerts are on: we will write when new courses are approved for ${what}.`);
      return reply.redirect('/catalog', 303);
    } catch (err) {
      return linkProblem(req, reply, err);
    }
  });

  app.get(`${base}/unsubscribe`, { schema: { hide } }, async (req, reply) => {
    const link = formValues(req.query);
    try {
      const { subscribed } = await checkUnsubscribeLink(ctxFrom(req), link);
      return sendPage(
        req,
        reply,
        { title: subscribed ? 'Stop email alerts' : 'You are unsubscribed' },
        <UnsubscribePage
          csrfToken={req.csrfToken()}
          id={link.id ?? ''}
          token={link.token ?? ''}
          subscribed={subscribed}
        />,
      );
    } catch (err) {
      return linkProblem(req, reply, err);
    }
  });
  app.post(`${base}/unsubscribe`, { schema: { hide } }, async (req, reply) => {
    try {
      await unsubscribeFromAlerts(ctxFrom(req), formValues(req.body));
    } catch (err) {
      return linkProblem(req, reply, err);
    }
    return sendPage(req, reply, { title: 'You are unsubscribed' }, <UnsubscribedPage />);
  });
}
