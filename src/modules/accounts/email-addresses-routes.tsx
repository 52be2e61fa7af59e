import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors, notFound } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { requireFullSignIn } from './access.js';
import { fieldErrorsOrThrow, seeOther } from './http-helpers.js';
import { addEmailAddress, addEmailAddressInput } from './use-cases/add-email-address.js';
import { confirmEmailAddress, pendingEmailAddress } from './use-cases/confirm-email-address.js';
import { listEmailAddresses } from './use-cases/list-email-addresses.js';
import { makeEmailPrimary, makeEmailPrimaryInput } from './use-cases/make-email-primary.js';
import { removeEmailAddress } from './use-cases/remove-email-address.js';
import { LinkProblemPage } from './views/common.js';
import {
  ConfirmEmailAddressPage,
  EmailAddressesPage,
  MakePrimaryPage,
} from './views/email-addresses-views.js';

const linkProblem =
  'This link has expired, has already been used, or was sent for a different account. ' +
  'If you are signed in to the wrong account, sign out and sign in to the one you added the address to. ' +
  'Otherwise add the address again from your account page to get a new link.';

const tokenOf = (req: FastifyRequest) => {
  const raw =
    (req.body as Record<string, unknown> | undefined)?.token ?? (req.query as Record<string, unknown>).token;
  return typeof raw === 'string' ? raw : '';
};
const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

async function showAddresses(req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) {
  requireFullSignIn(req.actor);
  const addresses = await listEmailAddresses(ctxFrom(req));
  return sendPage(
    req,
    reply,
    { title: 'Your email addresses', status: errors ? 400 : 200 },
    <EmailAddressesPage
      csrfToken={req.csrfToken()}
      addresses={addresses}
      values={errors ? formValues(req.body) : undefined}
      errors={errors}
    />,
  );
}

async function showMakePrimary(req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) {
  const actor = requireFullSignIn(req.actor);
  const addresses = await listEmailAddresses(ctxFrom(req));
  const address = addresses.find((a) => a.id === idOf(req) && !a.primary && a.confirmed);
  if (!address) throw notFound('That email address');
  return sendPage(
    req,
    reply,
    { title: 'Make an address primary', status: errors ? 400 : 200 },
    <MakePrimaryPage
      csrfToken={req.csrfToken()}
      id={address.id}
      email={address.email}
      currentEmail={actor.email}
      errors={errors}
    />,
  );
}

function linkCannotBeUsed(req: FastifyRequest, reply: FastifyReply) {
  return sendPage(
    req,
    reply,
    { title: 'This link cannot be used', status: 400 },
    <LinkProblemPage
      message={linkProblem}
      again={{ href: '/account/emails', label: 'Your email addresses' }}
    />,
  );
}

export function registerEmailAddressPages(app: App) {
  app.get('/account/emails', { schema: { hide: true } }, async (req, reply) => showAddresses(req, reply));

  app.post('/account/emails', { schema: { hide: true } }, async (req, reply) => {
    const form = parseForm(addEmailAddressInput, req.body);
    if (!form.ok) return showAddresses(req, reply, form.errors);
    try {
      await addEmailAddress(ctxFrom(req), form.data);
    } catch (err) {
      return showAddresses(req, reply, fieldErrorsOrThrow(err));
    }
    reply.flash(
      `If ${form.data.email} can be added, we have sent a link to it. Open the link while signed in to confirm the address.`,
    );
    return seeOther(reply, '/account/emails');
  });

  app.get('/account/emails/confirm', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    const email = await pendingEmailAddress(ctxFrom(req), token);
    if (!email) return linkCannotBeUsed(req, reply);
    return sendPage(
      req,
      reply,
      { title: 'Add this email address to your account' },
      <ConfirmEmailAddressPage csrfToken={req.csrfToken()} token={token} email={email} />,
    );
  });

  app.post('/account/emails/confirm', { schema: { hide: true } }, async (req, reply) => {
    let email: string;
    try {
      ({ email } = await confirmEmailAddress(ctxFrom(req), { token: tokenOf(req) }));
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'TOKEN_INVALID')) throw err;
      return linkCannotBeUsed(req, reply);
    }
    reply.flash(`${email} has been added to your account. You can sign in with it.`);
    return seeOther(reply, '/account/emails');
  });

  app.get('/account/emails/:id/primary', { schema: { hide: true } }, async (req, reply) =>
    showMakePrimary(req, reply),
  );

  app.post('/account/emails/:id/primary', { schema: { hide: true } }, async (req, reply) => {
    const form = parseForm(makeEmailPrimaryInput, req.body);
    if (!form.ok) return showMakePrimary(req, reply, form.errors);
    let result: { email: string };
    try {
      result = await makeEmailPrimary(ctxFrom(req), { ...form.data, id: idOf(req) });
    } catch (err) {
      return showMakePrimary(req, reply, fieldErrorsOrThrow(err));
    }
    reply.flash(`${result.email} is now your primary email address.`);
    return seeOther(reply, '/account/emails');
  });

  app.post('/account/emails/:id/remove', { schema: { hide: true } }, async (req, reply) => {
    const { email } = await removeEmailAddress(ctxFrom(req), { id: idOf(req) });
    reply.flash(`${email} has been removed from your account.`);
    return seeOther(reply, '/account/emails');
  });
}
