import { generate, generateSecret } from 'otplib';
import { createUser } from '../../src/modules/accounts/use-cases/create-user.js';
import { type Role, systemCtx } from '../../src/platform/context.js';
import type { Journey } from './browser.js';

export interface StaffMember {
  email: string;
  password: string;
  displayName: string;
  totpSecret: string;
}

/** A staff account with an authenticator app, made with the real use case inside the journey's server. */
export async function createStaffMember(
  journey: Journey,
  opts: { email: string; displayName: string; roles?: Role[] },
): Promise<StaffMember> {
  const member = {
    email: opts.email,
    displayName: opts.displayName,
    password: 'staff-password-for-e2e-2026',
    totpSecret: generateSecret(),
  };
  await createUser(systemCtx(journey.services, 'e2e'), {
    email: member.email,
    displayName: member.displayName,
    password: member.password,
    roles: opts.roles ?? ['staff'],
    totpSecret: member.totpSecret,
  });
  return member;
}

/** The code an authenticator app on the staff member's phone shows right now. */
export function authenticatorCode(secret: string): Promise<string> {
  return generate({ secret });
}
