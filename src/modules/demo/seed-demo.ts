import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { needsMfa } from '../accounts/access.js';
import { users } from '../accounts/schema.js';
import { createUser } from '../accounts/use-cases/create-user.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo-accounts.js';
import { seedDemoAgreements } from './seed-demo-agreements.js';
import { seedDemoApplications } from './seed-demo-applications.js';
import { seedDemoCatalog } from './seed-demo-catalog.js';
import { seedDemoCertified } from './seed-demo-certified.js';
import { seedDemoInstitution } from './seed-demo-institution.js';
import { seedDemoPortfolios } from './seed-demo-portfolios.js';
import { seedDemoProvider } from './seed-demo-provider.js';

/** Demo data for the embedded default: added once, when the database has no users. */
export async function seedDemoIfEmpty(ctx: Ctx): Promise<void> {
  const [anyUser] = await ctx.db.select({ id: users.id }).from(users).limit(1);
  if (!anyUser) await seedDemo(ctx);
}

export async function seedDemo(ctx: Ctx): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoAccounts[0]!.email))
    .limit(1);
  if (existing) throw new Error('Demo data is already there.');
  const created = new Map<string, string>();
  for (const account of demoAccounts) {
    const user = await createUser(ctx, {
      email: account.email,
      displayName: account.name,
      password: DEMO_PASSWORD,
      roles: account.roles,
      ...(needsMfa(account.roles) ? { totpSecret: DEMO_TOTP_SECRET } : {}),
    });
    created.set(account.email, user.id);
  }
  await seedDemoApplications(ctx, created);
  await seedDemoPortfolios(ctx, created);
  await seedDemoProvider(ctx, created);
  await seedDemoCatalog(ctx, created);
  await seedDemoAgreements(ctx, created);
  await seedDemoCertified(ctx, created);
  await seedDemoInstitution(ctx, created);
}
