import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { withConfirmation } from './fields.js';
import {
  currentSessionId,
  fieldErrorsOrThrow,
  pathAfterSignIn,
  seeOther,
  userAgentOf,
} from './http-helpers.js';
import { requestPasswordReset, requestPasswordResetInput } from './use-cases/request-password-reset.js';
import { checkResetLink, resetPassword, resetPasswordInput } from './use-cases/reset-password.js';
import { LinkProblemPage } from './views/common.js';
import { ForgotPasswordPage, ResetLinkSentPage, ResetPasswordPage } from './views/password-views.js';

const resetForm = withConfirmation(
  resetPasswordInput.extend({ confirmPassword: z.string({ error: 'Type the new password again' }) }),
);
const askAgain = { href: '/password/forgot', label: 'Ask for a new link' };

export function registerPasswordRoutes(app: App) {
  app.get('/password/forgot', { schema: { hide: true } }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: 'Reset your password' },
      <ForgotPasswordPage csrfToken={req.csrfToken()} />,
    ),
  );

  app.post('/password/forgot', { schema: { hide: true } }, async (req, reply) => {
    const form = parseForm(requestPasswordResetInput, req.body);
    if (!form.ok) {
      return sendPage(
        req,
        reply,
        { title: 'Reset your password', status: 400 },
        <ForgotPasswordPage csrfToken={req.csrfToken()} values={formValues(req.body)} errors={form.errors} />,
      );
    }
    await requestPasswordReset(ctxFrom(req), form.data);
    return seeOther(reply, '/password/forgot/sent');
  });

  app.get('/password/forgot/sent', { schema: { hide: true } }, async (req, reply) =>
    sendPage(req, reply, { title: 'Check your email' }, <ResetLinkSentPage />),
  );

  app.get('/password/reset', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query as Record<string, unknown>).token;
    const token = typeof raw === 'string' ? raw : '';
    if (!(await checkResetLink(ctxFrom(req), token))) {
      return sendPage(
        req,
        reply,
        { title: 'This link cannot be used', status: 400 },
        <LinkProblemPage
          message="This password reset link has expired or has already been used."
          again={askAgain}
        />,
      );
    }
    return sendPage(
      req,
      reply,
      { title: 'Choose a new password' },
      <ResetPasswordPage csrfToken={req.csrfToken()} token={token} />,
    );
  });

  app.post('/password/reset', { schema: { hide: true } }, async (req, reply) => {
    const values = formValues(req.body);
    const token = values.token ?? '';
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Choose a new password', status: 400 },
        <ResetPasswordPage csrfToken={req.csrfToken()} token={token} errors={errors} />,
      );
    const form = parseForm(resetForm, req.body);
    if (!form.ok && !form.errors.token) return again(form.errors);
    try {
      if (!form.ok) throw new DomainError('TOKEN_INVALID', 'This link is not complete.');
      const result = await resetPassword(ctxFrom(req), {
        token: form.data.token,
        password: form.data.password,
        userAgent: userAgentOf(req),
        previousSessionId: currentSessionId(req),
      });
      reply.startSession(result.cookieValue);
      reply.flash('Your password has been changed. You have been signed out everywhere else.');
      return seeOther(reply, pathAfterSignIn(result.step, result.roles, undefined));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'TOKEN_INVALID') {
        return sendPage(
          req,
          reply,
          { title: 'This link cannot be used', status: 400 },
          <LinkProblemPage
            message="This password reset link has expired or has already been used."
            again={askAgain}
          />,
        );
      }
      return again(fieldErrorsOrThrow(err));
    }
  });
}
