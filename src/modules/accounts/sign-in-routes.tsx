import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { needsMfa, requireSession } from './access.js';
import {
  currentSessionId,
  fieldErrorsOrThrow,
  nextFrom,
  pathAfterSignIn,
  seeOther,
  userAgentOf,
} from './http-helpers.js';
import { landingPath } from './rules/navigation.js';
import { signIn, signInInput } from './use-cases/sign-in.js';
import { signOut } from './use-cases/sign-out.js';
import { signInCodeInput, verifySignInCode } from './use-cases/verify-sign-in-code.js';
import { TooManyAttemptsPage, withNext } from './views/common.js';
import { MfaCodePage, SignInPage } from './views/sign-in-views.js';

const isRateLimited = (err: unknown): err is DomainError =>
  err instanceof DomainError && err.code === 'RATE_LIMITED';

export function registerSignInRoutes(app: App) {
  app.get('/sign-in', { schema: { hide: true } }, async (req, reply) => {
    const next = nextFrom(req);
    if (req.actor.kind === 'user') {
      if (req.actor.mfaVerified) return seeOther(reply, next ?? landingPath(req.actor.roles));
      // Password done, authenticator step not: continue there (it offers signing out to switch account).
      return seeOther(reply, withNext('/sign-in/mfa', next));
    }
    return sendPage(req, reply, { title: 'Sign in' }, <SignInPage csrfToken={req.csrfToken()} next={next} />);
  });

  app.post('/sign-in', { schema: { hide: true } }, async (req, reply) => {
    const next = nextFrom(req);
    const values = formValues(req.body);
    const again = (status: number, errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Sign in', status },
        <SignInPage csrfToken={req.csrfToken()} next={next} values={values} errors={errors} />,
      );
    const form = parseForm(signInInput, req.body);
    if (!form.ok) return again(400, form.errors);
    try {
      const result = await signIn(ctxFrom(req), {
        ...form.data,
        ip: req.ip,
        userAgent: userAgentOf(req),
        previousSessionId: currentSessionId(req),
      });
      reply.startSession(result.cookieValue);
      return seeOther(reply, pathAfterSignIn(result.step, result.roles, next));
    } catch (err) {
      if (isRateLimited(err)) {
        return sendPage(
          req,
          reply,
          { title: 'Too many attempts', status: 429 },
          <TooManyAttemptsPage message={err.message} />,
        );
      }
      return again(400, fieldErrorsOrThrow(err));
    }
  });

  app.get('/sign-in/mfa', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireSession(req.actor);
    const next = nextFrom(req);
    if (!actor.mfaEnrolled) {
      return seeOther(
        reply,
        needsMfa(actor.roles) ? withNext('/account/mfa/setup', next) : (next ?? landingPath(actor.roles)),
      );
    }
    if (actor.mfaVerified) return seeOther(reply, next ?? landingPath(actor.roles));
    return sendPage(
      req,
      reply,
      { title: 'Enter your authenticator code' },
      <MfaCodePage csrfToken={req.csrfToken()} next={next} />,
    );
  });

  app.post('/sign-in/mfa', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireSession(req.actor);
    const next = nextFrom(req);
    const values = formValues(req.body);
    const again = (errors: Record<string, string>) =>
      sendPage(
        req,
        reply,
        { title: 'Enter your authenticator code', status: 400 },
        <MfaCodePage csrfToken={req.csrfToken()} next={next} values={values} errors={errors} />,
      );
    const form = parseForm(signInCodeInput, req.body);
    if (!form.ok) return again(form.errors);
    try {
      await verifySignInCode(ctxFrom(req), form.data);
    } catch (err) {
      if (isRateLimited(err)) {
        return sendPage(
          req,
          reply,
          { title: 'Too many attempts', status: 429 },
          <TooManyAttemptsPage message={err.message} />,
        );
      }
      return again(fieldErrorsOrThrow(err));
    }
    return seeOther(reply, next ?? landingPath(actor.roles));
  });

  app.post('/sign-out', { schema: { hide: true } }, async (req, reply) => {
    await signOut(ctxFrom(req));
    reply.endSession();
    reply.flash('You have signed out.');
    return seeOther(reply, '/');
  });
}
