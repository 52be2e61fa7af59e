import type { Actor, Role, UserActor } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';

/** Roles that can change other people's records; they must pass MFA before acting. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['staff', 'admin', 'portfolio_evaluator', 'course_evaluator', 'appeals_member'];

export function needsMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => MFA_REQUIRED_ROLES.includes(r));
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
  return actor;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => wanted.includes(r));
}

/** The actor must hold one of the roles, and have passed MFA if that role requires it. */
export function requireRole(actor: Actor, ...wanted: Role[]): UserActor {
  const user = requireUser(actor);
  const held = user.roles.filter((r) => wanted.includes(r));
  if (held.length === 0) throw new DomainError('FORBIDDEN', 'You do not have permission to do that.');
  if (needsMfa(held) && !user.mfaVerified) {
    throw new DomainError('MFA_REQUIRED', 'Please confirm your sign-in with your authenticator code first.');
  }
  return user;
}

export const isStaff = (actor: Actor) => hasRole(actor, 'staff', 'admin');
