import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';

export const hide = { hide: true };
export const idParams = z.object({ id: z.string().max(64) });
export const courseParams = z.object({ id: z.string().max(64), courseId: z.string().max(64) });

/**
 * Errors a form page shows at its fields (and the status to answer with). A refusal without a
 * field (a second signing, an ended agreement) is shown at the form's main field. Other errors
 * (not found, forbidden) propagate to the error handler.
 */
export function shownErrors(
  err: unknown,
  mainField: string,
): { errors: FieldErrors; status: number } | undefined {
  if (!(err instanceof DomainError)) return undefined;
  if (!['VALIDATION_FAILED', 'CONFLICT', 'INVALID_STATE', 'PAYLOAD_TOO_LARGE'].includes(err.code))
    return undefined;
  return { errors: err.fields ?? { [mainField]: err.message }, status: errorStatus[err.code] };
}

export function seeOther(reply: FastifyReply, url: string, flash: string) {
  reply.flash(flash);
  return reply.redirect(url, 303);
}

/** Form bodies as strings, keeping repeated fields (checkboxes) as lists. */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
  return out;
}
