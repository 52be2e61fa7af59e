import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';
import { sendPage } from '../../../platform/http/render.js';
import { LockedPage } from '../views/candidate-common.js';

export const hide = { hide: true };
export const idParams = z.object({ id: z.string().max(64) });

const SHOWN_AT_FIELDS = new Set([
  'VALIDATION_FAILED',
  'APPLICATION_INCOMPLETE',
  'PAYLOAD_TOO_LARGE',
  'CONFLICT',
]);

/** Field errors and the status to answer with, or undefined when the error should propagate. */
export function shown(err: unknown): { errors: FieldErrors; status: number } | undefined {
  if (err instanceof DomainError && err.fields && SHOWN_AT_FIELDS.has(err.code))
    return { errors: err.fields, status: errorStatus[err.code] };
  return undefined;
}

/** A re-shown form says so first in its title, whatever the status (400, 409, 413, 422). */
export const titled = (title: string, errors?: FieldErrors) => (errors ? `Error: ${title}` : title);

/**
 * A change refused because the portfolio is locked (submitted): 409 with the reason and the way
 * back, rather than the site's generic error page.
 */
export async function unlessLocked(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  change: () => Promise<unknown>,
): Promise<unknown> {
  try {
    return await change();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'INVALID_STATE') throw err;
    return sendPage(
      req,
      reply,
      { title: 'This portfolio cannot be changed', status: 409 },
      <LockedPage id={id} message={err.message} />,
    );
  }
}
