import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { applications } from '../../src/modules/applications/schema.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from '../../src/modules/demo/demo-accounts.js';
import { seedDemo, seedDemoIfEmpty } from '../../src/modules/demo/seed-demo.js';
import { providerMembers, providers } from '../../src/modules/providers/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { systemCtx } from '../../src/platform/context.js';
import { codeFor, signInSession } from '../support/accounts.js';
import { api, postForm } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seedDemoIfEmpty(systemCtx(t.services, 'test'));
  });
  afterAll(() => t.close());

  it('gives every demo candidate an application in the state the README promises', async () => {
    const rows = await t.services.db
      .select({ email: users.email, status: applications.status, deadline: applications.deadlineOn })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.candidateId));
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const account of demoAccounts) {
      if (!account.application || account.application === 'none') {
        expect(byEmail.has(account.email), account.email).toBe(false);
      } else {
        expect(byEmail.get(account.email)?.status, account.email).toBe(account.application);
      }
    }
    expect(byEmail.get('admitted@demo.lssc.example')?.deadline).toBe('2030-11-28');
    const orgs = await t.services.db
      .select({ name: providers.name, role: providerMembers.role })
      .from(providerMembers)
      .innerJoin(providers, eq(providers.id, providerMembers.providerId))
      .innerJoin(users, eq(users.id, providerMembers.userId))
      .where(eq(users.email, 'provider@demo.lssc.example'));
    expect(orgs).toEqual([{ name: 'Prairie State Library Association', role: 'admin' }]);
  });

  it('is added once: a second seed is refused, and the audit chain holds', async () => {
    await seedDemoIfEmpty(systemCtx(t.services, 'test')); // no-op: users exist
    await expect(seedDemo(systemCtx(t.services, 'test'))).rejects.toThrow('already there');
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('lets the demo staff account sign in with the published password and authenticator secret', async () => {
    const [staff] = await t.services.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.email, 'staff@demo.lssc.example'));
    const session = await signInSession(t, staff!, DEMO_PASSWORD);
    const code = await postForm(t, '/sign-in/mfa', { code: await codeFor(t, DEMO_TOTP_SECRET) }, session);
    expect(code.statusCode).toBe(303);
    expect((await api(t, 'GET', '/api/v1/me', { session })).json()).toMatchObject({ mfaVerified: true });
  });
});
