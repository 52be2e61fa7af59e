import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { withConfirmation } from './fields.js';
import { currentSessionId, fieldErrorsOrThrow, seeOther, userAgentOf } from './http-helpers.js';
import { landingPath } from './rules/navigation.js';
import { resendVerification } from './use-cases/resend-verification.js';
import { signUp, signUpInput } from './use-cases/sign-up.js';
import { verifyEmail } from './use-cases/verify-email.js';
import { LinkProblemPage } from './views/common.js';
import { CheckEmailPage, EmailVerifiedPage, SignUpPage } from './views/sign-up-views.js';

const signUpForm = withConfirmation(
  signUpInput.extend({ confirmPassword: z.string({ error: 'Type the password again' }) }),
);

export function registerSignUpRoutes(app: App) {
  app.get('/sign-up', { schema: { hide: true } }, async (req, reply) =>
    sendPage(req, reply, { title: 'Create an account' }, <SignUpPage csrfToken={req.csrfToken()} />),
  );

  app.post('/sign-up', { schema: { hide: true } }, async (req, reply) => {
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Create an account', status: 400 },
        <SignUpPage csrfToken={req.csrfToken()} values={formValues(req.body)} errors={errors} />,
      );
    const form = parseForm(signUpForm, req.body);
    if (!form.ok) return again(form.errors);
    try {
      const { confirmPassword: _, ...input } = form.data;
      const result = await signUp(ctxFrom(req), {
        ...input,
        startSession: { userAgent: userAgentOf(req), previousSessionId: currentSessionId(req) },
      });
      if (result.session) reply.startSession(result.session.cookieValue);
    } catch (err) {
      return again(fieldErrorsOrThrow(err));
    }
    // The same answer whether or not the address already had an account.
    return seeOther(reply, '/sign-up/check-email');
  });

  app.get('/sign-up/check-email', { schema: { hide: true } }, async (req, reply) => {
    const canResend = req.actor.kind === 'user' && !req.actor.emailVerified;
    return sendPage(
      req,
      reply,
      { title: 'Check your email' },
      <CheckEmailPage csrfToken={req.csrfToken()} canResend={canResend} />,
    );
  });

  app.get('/verify-email', { schema: { hide: true } }, async (req, reply) => {
    const token = (req.query as Record<string, unknown>).token;
    try {
      await verifyEmail(ctxFrom(req), { token: typeof token === 'string' ? token : '' });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'TOKEN_INVALID')) throw err;
      const again =
        req.actor.kind === 'user'
          ? { href: '/account', label: 'Ask for a new link from your account page' }
          : undefined;
      return sendPage(
        req,
        reply,
        { title: 'This link cannot be used', status: 400 },
        <LinkProblemPage message={err.message} again={again} />,
      );
    }
    const signedIn = req.actor.kind === 'user';
    const continueTo = req.actor.kind === 'user' ? landingPath(req.actor.roles) : '/sign-in';
    return sendPage(
      req,
      reply,
      { title: 'Your email address is confirmed' },
      <EmailVerifiedPage signedIn={signedIn} continueTo={continueTo} />,
    );
  });

  app.post('/verify-email/resend', { schema: { hide: true } }, async (req, reply) => {
    const { alreadyVerified } = await resendVerification(ctxFrom(req));
    reply.flash(
      alreadyVerified
        ? 'Your email address is already confirmed.'
        : 'We have sent a new link. Check your email.',
    );
    return seeOther(reply, alreadyVerified ? '/account' : '/sign-up/check-email');
  });
}
