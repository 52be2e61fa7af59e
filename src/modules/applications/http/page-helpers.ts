import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';

/** Field errors of a failed save, or undefined when the error is something else (and should propagate). */
export function fieldErrorsOf(err: unknown): FieldErrors | undefined {
  if (
    err instanceof DomainError &&
    err.fields &&
    ['VALIDATION_FAILED', 'APPLICATION_INCOMPLETE', 'APPLICATION_NOT_ELIGIBLE'].includes(err.code)
  ) {
    return err.fields;
  }
  return undefined;
}

/** Where a section form goes after saving: back to the check page if it came from there. */
export function afterSave(req: FastifyRequest, next: string): string {
  const from = (req.body as Record<string, unknown> | undefined)?.from;
  return from === 'check' ? '/application/check' : next;
}

export function fromQuery(req: FastifyRequest): string | undefined {
  const from = (req.query as Record<string, unknown> | undefined)?.from;
  return from === 'check' ? 'check' : undefined;
}

export function seeOther(reply: FastifyReply, url: string, flash?: string) {
  if (flash) reply.flash(flash);
  return reply.redirect(url, 303);
}
