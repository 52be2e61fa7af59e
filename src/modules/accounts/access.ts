import type { Actor, Role, UserActor } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';

/** Roles that can change other people's records; they must pass MFA before acting. */
export const MFA_REQUIRED_ROLES: readonly Role[] = [
  'staff',
  'admin',
  'portfolio_evaluator',
  'course_evaluator',
  'appeals_member',
];

export function needsMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => MFA_REQUIRED_ROLES.includes(r));
}

/** Signed in, possibly still between the password and the authenticator code (sign-out, the code page). */
export function requireSession(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
  return actor;
}

const mfaRequired = () =>
  new DomainError('MFA_REQUIRED', 'Please confirm your sign-in with your authenticator code first.');

/** Signed in; someone who has an authenticator app must also have entered its code in this session. */
export function requireUser(actor: Actor): UserActor {
  const user = requireSession(actor);
  if (user.mfaEnrolled && !user.mfaVerified) throw mfaRequired();
  return user;
}

/**
 * Signed in with every factor the account needs: people whose role requires MFA must have set it up
 * and passed it. For changes that could lock the owner out or outlive the session (password, email, tokens).
 */
export function requireFullSignIn(actor: Actor): UserActor {
  const user = requireSession(actor);
  if (!user.mfaVerified) throw mfaRequired();
  return user;
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
    throw mfaRequired();
  }
  return user;
}

export const isStaff = (actor: Actor) => hasRole(actor, 'staff', 'admin');
