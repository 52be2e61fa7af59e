import type { Ctx, Role } from '../../../platform/context.js';
import { requireSession } from '../access.js';

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerified: boolean;
  mfaEnabled: boolean;
  /** False while a session waits for the authenticator code (or for set-up, where the role needs it). */
  mfaVerified: boolean;
  via: 'session' | 'token';
}

/** Who is calling. Answers during the authenticator step too, so clients can tell what is missing. */
export function getMe(ctx: Ctx): Me {
  const actor = requireSession(ctx.actor);
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.displayName,
    roles: actor.roles,
    emailVerified: actor.emailVerified,
    mfaEnabled: actor.mfaEnrolled,
    mfaVerified: actor.mfaVerified,
    via: actor.via,
  };
}
