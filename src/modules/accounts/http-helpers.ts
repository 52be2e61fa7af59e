import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../platform/context.js';
import { DomainError, type FieldErrors } from '../../platform/errors.js';
import { landingPath, safeNextPath } from './rules/navigation.js';
import type { SignInStep } from './use-cases/sign-in.js';

/** The field problems of a failed use case, for re-showing the form; anything else goes to the error handler. */
export function fieldErrorsOrThrow(err: unknown): FieldErrors {
  if (err instanceof DomainError && err.code === 'VALIDATION_FAILED' && err.fields) return err.fields;
  throw err;
}

export const userAgentOf = (req: FastifyRequest) => req.headers['user-agent']?.slice(0, 300) ?? null;

export const currentSessionId = (req: FastifyRequest) =>
  req.actor.kind === 'user' ? req.actor.sessionId : undefined;

/** `next` from the query string or a hidden form field, only when it stays on this site. */
export function nextFrom(req: FastifyRequest): string | undefined {
  const fromBody = (req.body as Record<string, unknown> | undefined)?.next;
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.next;
  return safeNextPath(fromBody ?? fromQuery);
}

/** Where a fresh session goes: the authenticator step first when there is one, then `next` or the person's home. */
export function pathAfterSignIn(step: SignInStep, roles: Role[], next: string | undefined): string {
  const carry = next ? `?next=${encodeURIComponent(next)}` : '';
  if (step === 'mfa') return `/sign-in/mfa${carry}`;
  if (step === 'mfa-setup') return `/account/mfa/setup${carry}`;
  return next ?? landingPath(roles);
}

export const seeOther = (reply: FastifyReply, url: string) => reply.redirect(url, 303);
