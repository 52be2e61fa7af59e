import type { Ctx } from '../../platform/context.js';
import { registerProvider } from '../providers/use-cases/register-provider.js';
import { demoAccounts } from './demo-accounts.js';

/** The demo provider member's organisation, registered through the real use case. */
export async function seedDemoProvider(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const account = demoAccounts.find((a) => a.roles.includes('provider_member'))!;
  const as: Ctx = {
    ...ctx,
    actor: {
      kind: 'user',
      userId: userIds.get(account.email)!,
      email: account.email,
      displayName: account.name,
      roles: account.roles,
      emailVerified: true,
      mfaVerified: true,
      mfaEnrolled: false,
      via: 'session',
    },
  };
  await registerProvider(as, {
    name: 'Prairie State Library Association',
    type: 'state_library_association',
    country: 'US',
    region: 'IL',
    city: 'Springfield',
    website: 'https://prairie-libraries.example',
    contactEmail: account.email,
    phone: '+1 217 555 0190',
    description: 'Continuing education for library staff across the state, online and in person.',
  });
}
