import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';

export const idParams = z.object({ id: z.string().max(64) });
export const competencyParams = z.object({ id: z.string().max(64), competencyId: z.string().max(64) });
export const fileParams = z.object({ id: z.string().max(64), fileId: z.string().max(64) });
export const partParams = z.object({ id: z.string().max(64), partId: z.string().max(64) });

const SHOWN_AT_FIELDS = new Set(['VALIDATION_FAILED', 'APPLICATION_INCOMPLETE', 'PAYLOAD_TOO_LARGE']);

/** Field errors and the status to answer with, or undefined when the error should propagate. */
export function fieldErrorsOf(err: unknown): { errors: FieldErrors; status: number } | undefined {
  if (err instanceof DomainError && err.fields && SHOWN_AT_FIELDS.has(err.code))
    return { errors: err.fields, status: errorStatus[err.code] };
  return undefined;
}

export function seeOther(reply: FastifyReply, url: string, flash?: string) {
  if (flash) reply.flash(flash);
  return reply.redirect(url, 303);
}

export const strings = (o: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      typeof v === 'boolean' ? (v ? 'yes' : 'no') : v == null ? '' : String(v),
    ]),
  );
