import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { applications } from '../../src/modules/applications/schema.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from '../../src/modules/demo/demo-accounts.js';
import { seedDemo, seedDemoIfEmpty } from '../../src/modules/demo/seed-demo.js';
import { evaluatorProfiles, portfolios } from '../../src/modules/portfolios/schema.js';
import { providerMembers, providers } from '../../src/modules/providers/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { systemCtx } from '../../src/platform/context.js';
import { codeFor, signInSession } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, sessionFor, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('demo data on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedDemoIfEmpty(systemCtx(t.services, 'test'));
  }, 180_000);
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

  const signedIn = async (email: string): Promise<TestSession> => {
    const [user] = await t.services.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return sessionFor(t, user!.id, email);
  };
  const portfolioOf = async (session: TestSession) => {
    const list = (await api(t, 'GET', '/api/v1/portfolios', { session })).json();
    expect(list.items).toHaveLength(1);
    const res = await api(t, 'GET', `/api/v1/portfolios/${list.items[0].id}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('gives both demo portfolio evaluators a trained profile for the demo set, at libraries of their own', async () => {
    const rows = await t.services.db
      .select({ email: users.email, profile: evaluatorProfiles })
      .from(evaluatorProfiles)
      .innerJoin(users, eq(users.id, evaluatorProfiles.userId));
    const byEmail = new Map(rows.map((r) => [r.email, r.profile]));
    for (const email of ['portfolio.evaluator@demo.lssc.example', 'portfolio.evaluator2@demo.lssc.example']) {
      const profile = byEmail.get(email);
      expect(profile, email).toMatchObject({ yearlyCapacity: 12, active: true });
      expect(profile!.setIds).toContain('cataloging-classification');
      expect(profile!.setIds.length).toBeGreaterThanOrEqual(2);
      expect(profile!.trainingCompletedOn! < t.clock.today()).toBe(true);
      expect(profile!.employer).not.toMatch(/Springfield|Prairie|Riverside|Oak Grove/);
    }
  });

  it('shows Pat, signed in with the published code, one portfolio to rate with draft ratings kept', async () => {
    const [pat] = await t.services.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.email, 'portfolio.evaluator@demo.lssc.example'));
    const session = await signInSession(t, pat!, DEMO_PASSWORD);
    const mfa = await postForm(t, '/sign-in/mfa', { code: await codeFor(t, DEMO_TOTP_SECRET) }, session);
    expect(mfa.statusCode).toBe(303);
    const list = (await api(t, 'GET', '/api/v1/evaluator/assignments', { session })).json();
    const toRate = list.items.filter((i: { state: string }) => i.state === 'to_rate');
    expect(toRate).toHaveLength(1);
    expect(list.items.map((i: { state: string }) => i.state).sort()).toEqual(['decided', 'to_rate']);
    const view = (await api(t, 'GET', `/api/v1/evaluator/assignments/${toRate[0].id}`, { session })).json();
    const mine = view.competencies.filter((c: { mine: unknown }) => c.mine !== null);
    expect(mine.map((c: { id: string }) => c.id)).toEqual(['CAT-1', 'CAT-2', 'CAT-3']);
    expect(view.competencies).toHaveLength(8);
    expect(view.othersVisible).toBe(false);
    expect(view.assignment.submittedAt).toBeNull();
    const page = await get(t, '/evaluator/assignments', session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(toRate[0].number);
  });

  it('shows Paz both portfolios rated: one waiting for Pat, one decided', async () => {
    const session = await signedIn('portfolio.evaluator2@demo.lssc.example');
    const list = (await api(t, 'GET', '/api/v1/evaluator/assignments', { session })).json();
    expect(list.items.map((i: { state: string }) => i.state).sort()).toEqual(['decided', 'waiting']);
  });

  it('has Polly building, Eve in evaluation and paid, and Mo asked for more on two competencies', async () => {
    const polly = await portfolioOf(await signedIn('portfolio@demo.lssc.example'));
    expect(polly).toMatchObject({ status: 'draft', editable: true, number: null });
    expect(polly.progress.complete).toBe(false);
    expect(polly.progress.lackingPrimary).toEqual(['CAT-4', 'CAT-5', 'CAT-6', 'CAT-7', 'CAT-8']);
    expect(polly.progress.statementWords).toBeGreaterThan(0);
    const kinds = polly.competencies.flatMap((c: { evidence: Array<{ kind: string }> }) =>
      c.evidence.map((e) => e.kind),
    );
    expect(kinds.sort()).toEqual(['file', 'link', 'text', 'text']);

    const eve = await portfolioOf(await signedIn('evaluation@demo.lssc.example'));
    expect(eve).toMatchObject({ status: 'in_evaluation', editable: false });
    expect(eve.fee).toMatchObject({ paid: true, due: { amountCents: 0 } });
    expect(eve.fee.amount.amountCents).toBeGreaterThan(0);
    expect(eve.outcome.rounds).toEqual([]);

    const mo = await portfolioOf(await signedIn('moreinfo@demo.lssc.example'));
    expect(mo.status).toBe('more_information');
    expect(mo.outcome.rounds).toHaveLength(1);
    expect(mo.outcome.rounds[0].outcome).toBe('more_information');
    expect(mo.outcome.reopened.map((c: { id: string }) => c.id)).toEqual(['CAT-5', 'CAT-6']);
    expect(mo.outcome.resubmission).toEqual({ possible: true, lackingPrimary: [] });
    const cat5 = mo.outcome.rounds[0].competencies.find((c: { id: string }) => c.id === 'CAT-5');
    expect(cat5.ratings.map((r: { evaluator: string }) => r.evaluator).sort()).toEqual([
      'Evaluator 1',
      'Evaluator 2',
    ]);
    expect(cat5.ratings.every((r: { comment: string }) => r.comment.length > 20)).toBe(true);
    const [row] = await t.services.db
      .select({ unlocked: portfolios.unlockedCompetencyIds })
      .from(portfolios)
      .where(eq(portfolios.id, mo.id));
    expect(row!.unlocked).toEqual(['CAT-5', 'CAT-6']);
    const page = await get(t, `/portfolios/${mo.id}`, await signedIn('moreinfo@demo.lssc.example'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(cat5.ratings[0].comment);
  });

  it('has a certified holder with six sets by course and portfolio, verifiable and in the registry', async () => {
    const session = await signedIn('certified@demo.lssc.example');
    const me = (await api(t, 'GET', '/api/v1/me/certification', { session })).json();
    expect(me.state).toBe('certified');
    const number = me.certification.number as string;
    expect(number).toMatch(/^CLSS-2026-\d{6}$/);
    const verified = (await api(t, 'GET', `/api/v1/verifications/${number}`)).json();
    expect(verified.standing).toBe('valid');
    expect(new Set(verified.sets.map((s: { how: string }) => s.how))).toEqual(
      new Set(['course', 'portfolio']),
    );
    expect(verified.sets).toHaveLength(6);
    expect((await get(t, '/registry?name=Certified')).body).toContain(number);
    const credentials = (await api(t, 'GET', '/api/v1/me/credentials', { session })).json();
    expect(credentials.credentials).toHaveLength(7);
  });

  it('has an institution whose purchase order is invoiced and partly paid, with the invitations mailed', async () => {
    const session = await signedIn('institution@demo.lssc.example');
    const list = await get(t, '/institution', session);
    expect(list.statusCode).toBe(303);
    const page = await get(t, list.headers.location as string, session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Prairie Public Library System');
    expect(page.body).toMatch(/INV-2026-\d{6}/);
    const mail = await get(t, '/dev/mail.json?to=lee.nguyen%40prairie-libraries.example');
    expect(mail.json().items.length).toBeGreaterThan(0);
  });

  it('has a transfer on that invoice waiting for approval, which the administrator (not its recorder) approves', async () => {
    // Sessions made directly: the published code was used a moment ago by the staff sign-in test, and a
    // code is accepted once.
    const admin = await signedIn('admin@demo.lssc.example');
    const pending = (
      await api(t, 'GET', '/api/v1/institutions/pending-invoice-payments', { session: admin })
    ).json();
    expect(pending.payments).toHaveLength(1);
    const [transfer] = pending.payments;
    expect(transfer).toMatchObject({ method: 'bank_transfer', amountCents: 70_000 });
    const path = `/api/v1/institutions/invoices/${transfer.invoiceId}/payments/${transfer.id}/approve`;
    const staff = await signedIn('staff@demo.lssc.example');
    expect((await api(t, 'POST', path, { session: staff })).statusCode).toBe(403);
    const approved = await api(t, 'POST', path, { session: admin });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ paidCents: 105_000, dueCents: 0 });
  });
});
