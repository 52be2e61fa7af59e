import { z } from 'zod';
import { roles } from '../../platform/context.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { createAccessToken, createAccessTokenInput } from './use-cases/create-access-token.js';
import { getMe } from './use-cases/get-me.js';
import { listAccessTokens } from './use-cases/list-access-tokens.js';
import { requestPasswordReset, requestPasswordResetInput } from './use-cases/request-password-reset.js';
import { revokeAccessToken } from './use-cases/revoke-access-token.js';
import { signUp, signUpInput } from './use-cases/sign-up.js';

const tags = ['accounts'];
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  emailVerified: z.boolean(),
  mfaEnabled: z.boolean(),
  mfaVerified: z.boolean(),
  via: z.enum(['session', 'token']),
});
const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
const createdTokenSchema = tokenSchema.omit({ lastUsedAt: true }).extend({
  token: z.string().describe('The secret token. It is shown only in this answer.'),
});
const accepted = z.object({ message: z.string() });

export function registerAccountsApi(app: App) {
  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'Who is calling', response: { 200: meSchema } } },
    async (req) => getMe(ctxFrom(req)),
  );

  app.get(
    '/api/v1/session/csrf',
    {
      schema: {
        tags,
        summary: 'A CSRF token for cookie clients',
        description:
          'Send it as X-CSRF-Token on writes that use the session cookie (not needed with a bearer token).',
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (req) => ({ csrfToken: req.csrfToken() }),
  );

  app.get(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal access tokens',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (req) => ({
      items: (await listAccessTokens(ctxFrom(req))).map((t) => ({
        ...t,
        createdAt: iso(t.createdAt),
        expiresAt: isoOrNull(t.expiresAt),
        lastUsedAt: isoOrNull(t.lastUsedAt),
      })),
    }),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal access token',
        description: 'Only with the session cookie (a token cannot create tokens).',
        body: createAccessTokenInput,
        response: { 201: createdTokenSchema },
      },
    },
    async (req, reply) => {
      const t = await createAccessToken(ctxFrom(req), req.body);
      return reply.status(201).send({ ...t, createdAt: iso(t.createdAt), expiresAt: isoOrNull(t.expiresAt) });
    },
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal access token',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe('Revoked') },
      },
    },
    async (req, reply) => {
      await revokeAccessToken(ctxFrom(req), { id: req.params.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/sign-up',
    {
      schema: {
        tags,
        summary: 'Create a candidate account',
        description:
          'Always answers 202 with the same message: if the address already has an account, its owner gets an email instead. ' +
          'Anonymous callers send the CSRF token from /api/v1/session/csrf with its cookie.',
        body: signUpInput,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      await signUp(ctxFrom(req), req.body);
      return reply
        .status(202)
        .send({ message: 'Check your email: we have sent a message to the address you gave.' });
    },
  );

  app.post(
    '/api/v1/password/forgot',
    {
      schema: {
        tags,
        summary: 'Email a password reset link',
        description: 'Always answers 202: whether the address has an account is not revealed.',
        body: requestPasswordResetInput,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctxFrom(req), req.body);
      return reply
        .status(202)
        .send({ message: 'If an account uses that address, we have sent it a link to reset the password.' });
    },
  );
}
