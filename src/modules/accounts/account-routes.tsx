import { z } from 'zod';
import { DomainError, forbidden } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { needsMfa, requireFullSignIn, requireUser } from './access.js';
import { withConfirmation } from './fields.js';
import { fieldErrorsOrThrow, seeOther } from './http-helpers.js';
import { changePassword, changePasswordInput } from './use-cases/change-password.js';
import { confirmEmailChange, pendingEmailChange } from './use-cases/confirm-email-change.js';
import { disableMfa, disableMfaInput } from './use-cases/disable-mfa.js';
import { requestEmailChange, requestEmailChangeInput } from './use-cases/request-email-change.js';
import {
  AccountPage,
  ChangeEmailPage,
  ChangePasswordPage,
  ConfirmEmailChangePage,
  DisableMfaPage,
} from './views/account-views.js';
import { LinkProblemPage } from './views/common.js';

const changePasswordForm = withConfirmation(
  changePasswordInput.extend({ confirmPassword: z.string({ error: 'Type the new password again' }) }),
);
const tokenOf = (req: { query: unknown; body: unknown }) => {
  const raw =
    (req.body as Record<string, unknown> | undefined)?.token ?? (req.query as Record<string, unknown>).token;
  return typeof raw === 'string' ? raw : '';
};
const linkProblem =
  'This link has expired or has already been used. Ask for the change again from your account page.';

export function registerAccountPages(app: App) {
  app.get('/account', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireUser(req.actor);
    return sendPage(
      req,
      reply,
      { title: 'Your account' },
      <AccountPage actor={actor} csrfToken={req.csrfToken()} />,
    );
  });

  app.get('/account/password', { schema: { hide: true } }, async (req, reply) => {
    requireFullSignIn(req.actor);
    return sendPage(
      req,
      reply,
      { title: 'Change your password' },
      <ChangePasswordPage csrfToken={req.csrfToken()} />,
    );
  });

  app.post('/account/password', { schema: { hide: true } }, async (req, reply) => {
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Change your password', status: 400 },
        <ChangePasswordPage csrfToken={req.csrfToken()} errors={errors} />,
      );
    const form = parseForm(changePasswordForm, req.body);
    if (!form.ok) return again(form.errors);
    try {
      await changePassword(ctxFrom(req), {
        currentPassword: form.data.currentPassword,
        password: form.data.password,
      });
    } catch (err) {
      return again(fieldErrorsOrThrow(err));
    }
    reply.flash('Your password has been changed. You have been signed out everywhere else.');
    return seeOther(reply, '/account');
  });

  app.get('/account/email', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireFullSignIn(req.actor);
    return sendPage(
      req,
      reply,
      { title: 'Change your email address' },
      <ChangeEmailPage csrfToken={req.csrfToken()} currentEmail={actor.email} />,
    );
  });

  app.post('/account/email', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireFullSignIn(req.actor);
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Change your email address', status: 400 },
        <ChangeEmailPage
          csrfToken={req.csrfToken()}
          currentEmail={actor.email}
          values={formValues(req.body)}
          errors={errors}
        />,
      );
    const form = parseForm(requestEmailChangeInput, req.body);
    if (!form.ok) return again(form.errors);
    try {
      await requestEmailChange(ctxFrom(req), form.data);
    } catch (err) {
      return again(fieldErrorsOrThrow(err));
    }
    reply.flash(`We have sent a link to ${form.data.newEmail}. Your address changes when you open it.`);
    return seeOther(reply, '/account');
  });

  app.get('/account/email/confirm', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    const newEmail = await pendingEmailChange(ctxFrom(req), token);
    if (!newEmail) {
      return sendPage(
        req,
        reply,
        { title: 'This link cannot be used', status: 400 },
        <LinkProblemPage message={linkProblem} />,
      );
    }
    return sendPage(
      req,
      reply,
      { title: 'Confirm your new email address' },
      <ConfirmEmailChangePage csrfToken={req.csrfToken()} token={token} newEmail={newEmail} />,
    );
  });

  app.post('/account/email/confirm', { schema: { hide: true } }, async (req, reply) => {
    let result: { userId: string; email: string };
    try {
      result = await confirmEmailChange(ctxFrom(req), { token: tokenOf(req) });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'TOKEN_INVALID')) throw err;
      return sendPage(
        req,
        reply,
        { title: 'This link cannot be used', status: 400 },
        <LinkProblemPage message={linkProblem} />,
      );
    }
    reply.flash(`Your account now uses ${result.email}.`);
    const here = req.actor.kind === 'user' && req.actor.userId === result.userId;
    return seeOther(reply, here ? '/account' : '/sign-in');
  });

  app.get('/account/mfa/disable', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireFullSignIn(req.actor);
    if (needsMfa(actor.roles))
      throw forbidden('Your role needs an authenticator app, so it cannot be removed.');
    if (!actor.mfaEnrolled) return seeOther(reply, '/account');
    return sendPage(
      req,
      reply,
      { title: 'Remove your authenticator app' },
      <DisableMfaPage csrfToken={req.csrfToken()} />,
    );
  });

  app.post('/account/mfa/disable', { schema: { hide: true } }, async (req, reply) => {
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Remove your authenticator app', status: 400 },
        <DisableMfaPage csrfToken={req.csrfToken()} errors={errors} />,
      );
    const form = parseForm(disableMfaInput, req.body);
    if (!form.ok) return again(form.errors);
    try {
      await disableMfa(ctxFrom(req), form.data);
    } catch (err) {
      return again(fieldErrorsOrThrow(err));
    }
    reply.flash('The authenticator app has been removed from your account.');
    return seeOther(reply, '/account');
  });
}
