import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { requireFullSignIn } from './access.js';
import { fieldErrorsOrThrow, seeOther } from './http-helpers.js';
import {
  type CreatedAccessToken,
  createAccessToken,
  createAccessTokenInput,
} from './use-cases/create-access-token.js';
import { listAccessTokens } from './use-cases/list-access-tokens.js';
import { revokeAccessToken } from './use-cases/revoke-access-token.js';
import { TokensPage } from './views/token-views.js';

/** The form sends text; an empty "days" means no expiry. */
const tokenForm = createAccessTokenInput.extend({
  expiresInDays: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? Number(s) : undefined))
    .pipe(createAccessTokenInput.shape.expiresInDays),
});

async function showTokens(
  req: FastifyRequest,
  reply: FastifyReply,
  extra: { created?: CreatedAccessToken; errors?: FieldErrors } = {},
) {
  requireFullSignIn(req.actor);
  const tokens = await listAccessTokens(ctxFrom(req));
  return sendPage(
    req,
    reply,
    { title: 'Personal access tokens', status: extra.errors ? 400 : 200 },
    <TokensPage
      csrfToken={req.csrfToken()}
      tokens={tokens}
      created={extra.created}
      now={req.server.services.clock.now()}
      values={extra.errors ? formValues(req.body) : undefined}
      errors={extra.errors}
    />,
  );
}

export function registerTokenPages(app: App) {
  app.get('/account/tokens', { schema: { hide: true } }, async (req, reply) => showTokens(req, reply));

  app.post('/account/tokens', { schema: { hide: true } }, async (req, reply) => {
    const form = parseForm(tokenForm, req.body);
    if (!form.ok) return showTokens(req, reply, { errors: form.errors });
    let created: CreatedAccessToken;
    try {
      created = await createAccessToken(ctxFrom(req), form.data);
    } catch (err) {
      return showTokens(req, reply, { errors: fieldErrorsOrThrow(err) });
    }
    // Shown in this answer only (not through a redirect and a cookie): the secret is never stored.
    return showTokens(req, reply, { created });
  });

  app.post('/account/tokens/:id/revoke', { schema: { hide: true } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await revokeAccessToken(ctxFrom(req), { id });
    reply.flash('The token has been revoked. Programs using it can no longer sign in with it.');
    return seeOther(reply, '/account/tokens');
  });
}
