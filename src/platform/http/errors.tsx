import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, errorStatus, type FieldErrors } from '../errors.js';
import { sendPage } from './render.js';

const titles: Partial<Record<number, string>> = {
  400: 'There is a problem with your request',
  401: 'Please sign in',
  403: 'You cannot do that',
  404: 'Page not found',
  409: 'That cannot be done now',
  413: 'That is too large',
  422: 'That cannot be done yet',
  429: 'Too many attempts',
  500: 'Sorry, something went wrong',
};

export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/');

export function sendProblem(
  reply: FastifyReply,
  status: number,
  p: { code: string; detail: string; errors?: FieldErrors; requestId?: string },
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://lssc.example/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
      title: titles[status] ?? 'Error',
      status,
      code: p.code,
      detail: p.detail,
      ...(p.errors
        ? { errors: Object.entries(p.errors).map(([field, message]) => ({ field, message })) }
        : {}),
      ...(p.requestId ? { requestId: p.requestId } : {}),
    });
}

function ErrorPage(p: {
  status: number;
  message: string;
  errors?: FieldErrors | undefined;
  signIn?: boolean;
  requestId?: string;
}) {
  return (
    <>
      <h1>{titles[p.status] ?? 'Error'}</h1>
      <p>{p.message}</p>
      {p.errors && (
        <ul>
          {Object.entries(p.errors).map(([field, message]) => (
            <li>
              <strong>{field}</strong>: {message}
            </li>
          ))}
        </ul>
      )}
      {p.signIn && (
        <p>
          <a href="/sign-in">Sign in</a>
        </p>
      )}
      {p.status >= 500 && p.requestId && (
        <p class="hint">If you contact us about this, quote reference {p.requestId}.</p>
      )}
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </>
  );
}

export function sendErrorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  errors?: FieldErrors,
) {
  return sendPage(
    req,
    reply,
    { title: titles[status] ?? 'Error', status },
    <ErrorPage
      status={status}
      message={message}
      errors={errors}
      signIn={status === 401}
      requestId={req.id}
    />,
  );
}

/** One error handler for the whole app: problem+json for the API, a friendly page for people. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    let status: number;
    let code: string;
    let detail: string;
    let fields: FieldErrors | undefined;
    if (err instanceof DomainError) {
      status = errorStatus[err.code as ErrorCode];
      code = err.code;
      detail = err.message;
      fields = err.fields;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      code = 'VALIDATION_FAILED';
      detail = 'Some fields are missing or not valid.';
      fields = {};
      for (const v of err.validation) {
        const path =
          (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
          String(v.params?.issue && (v.params.issue as { path?: unknown[] }).path?.join('.')) ||
          '_';
        fields[path] ??= v.message ?? 'Not valid';
      }
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      code = 'PAYLOAD_TOO_LARGE';
      detail = 'The request is larger than allowed.';
    } else if (err.statusCode === 429) {
      status = 429;
      code = 'RATE_LIMITED';
      detail = 'Too many requests. Please wait a few minutes and try again.';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      code = err.code ?? 'BAD_REQUEST';
      detail = status === 415 ? 'That content type is not accepted.' : 'The request could not be read.';
    } else {
      status = 500;
      code = 'INTERNAL';
      detail = 'Something went wrong on our side. Please try again in a moment.';
      req.log.error({ err }, 'unhandled error');
    }
    if (isApiRequest(req))
      return sendProblem(reply, status, { code, detail, errors: fields, requestId: req.id });
    // MFA_REQUIRED is a 401 too: check it first, or it would send a signed-in person back to the password form.
    if (code === 'MFA_REQUIRED' && req.method === 'GET')
      return reply.redirect(`/sign-in/mfa?next=${encodeURIComponent(req.url)}`);
    if (status === 401 && req.method === 'GET') {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`);
    }
    return sendErrorPage(req, reply, status, detail, fields);
  });

  app.setNotFoundHandler((req, reply) => {
    if (isApiRequest(req))
      return sendProblem(reply, 404, {
        code: 'NOT_FOUND',
        detail: `No route for ${req.method} ${req.url.split('?')[0]}.`,
      });
    return sendErrorPage(
      req,
      reply,
      404,
      'We could not find that page. It may have moved, or the address may be mistyped.',
    );
  });
}
