import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { needsMfa, requireUser } from './access.js';
import { fieldErrorsOrThrow, nextFrom, seeOther } from './http-helpers.js';
import { landingPath } from './rules/navigation.js';
import { formatSecretForPeople, qrCodeDataUri } from './totp.js';
import { confirmMfaSetup, confirmMfaSetupInput } from './use-cases/confirm-mfa-setup.js';
import { startMfaSetup } from './use-cases/start-mfa-setup.js';
import { MfaSetupPage } from './views/mfa-views.js';

async function showSetup(req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) {
  const actor = requireUser(req.actor);
  const next = nextFrom(req);
  const setup = await startMfaSetup(ctxFrom(req));
  if (setup.enrolled) {
    reply.flash('Your authenticator app is already set up.');
    return seeOther(reply, next ?? '/account');
  }
  return sendPage(
    req,
    reply,
    { title: 'Set up an authenticator app', status: errors ? 400 : 200 },
    <MfaSetupPage
      csrfToken={req.csrfToken()}
      qrDataUri={await qrCodeDataUri(setup.uri)}
      secretForPeople={formatSecretForPeople(setup.secret)}
      required={needsMfa(actor.roles)}
      next={next}
      values={errors ? formValues(req.body) : undefined}
      errors={errors}
    />,
  );
}

export function registerMfaSetupRoutes(app: App) {
  app.get('/account/mfa/setup', { schema: { hide: true } }, async (req, reply) => showSetup(req, reply));

  app.post('/account/mfa/setup', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireUser(req.actor);
    const form = parseForm(confirmMfaSetupInput, req.body);
    if (!form.ok) return showSetup(req, reply, form.errors);
    try {
      await confirmMfaSetup(ctxFrom(req), form.data);
    } catch (err) {
      return showSetup(req, reply, fieldErrorsOrThrow(err));
    }
    reply.flash('Your authenticator app is set up. You will need a code from it each time you sign in.');
    return seeOther(reply, nextFrom(req) ?? landingPath(actor.roles));
  });
}
