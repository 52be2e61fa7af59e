import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/platform/context.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { insertTestUser, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { draftPortfolio, portfolioStatus, type TestPortfolio } from './portfolio-prereview-support.js';

const staffBase = '/staff/portfolios/prereview';
const staffApi = '/api/v1/staff/portfolio-prereviews';

describe.each(testBackends())('who may see and change a pre-review on %s', (backend) => {
  let t: TestApp;
  let staff: { ctx: Ctx; session: TestSession };
  let p: TestPortfolio;
  let other: TestPortfolio;
  let evaluator: TestSession;
  let noMfa: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    p = await draftPortfolio(t, staff.ctx, { status: 'prereview_requested' });
    other = await draftPortfolio(t, staff.ctx);
    evaluator = await sessionOf(t, await insertTestUser(t, ['portfolio_evaluator'], 'Eve Evaluator'));
    noMfa = (await staffMember(t, { mfaVerified: false })).session;
  });
  afterAll(() => t.close());

  it("answers 'not found' to another candidate, exactly as for a portfolio that does not exist", async () => {
    const page = await get(t, `/portfolios/${p.id}/prereview`, other.session);
    expect(page.statusCode).toBe(404);
    expect((await get(t, '/portfolios/not-a-uuid/prereview', other.session)).statusCode).toBe(404);
    expect((await postForm(t, `/portfolios/${p.id}/prereview/withdraw`, {}, other.session)).statusCode).toBe(
      404,
    );
    expect((await postForm(t, `/portfolios/${p.id}/prereview`, {}, other.session)).statusCode).toBe(404);
    const viaApi = await api(t, 'GET', `/api/v1/portfolios/${p.id}/prereview`, { session: other.session });
    expect(viaApi.statusCode).toBe(404);
    expect(
      (await api(t, 'DELETE', `/api/v1/portfolios/${p.id}/prereview`, { session: other.session })).statusCode,
    ).toBe(404);
    expect((await portfolioStatus(t, p.id))?.status).toBe('prereview_requested');
  });

  it('sends anonymous visitors to sign in', async () => {
    const page = await get(t, `/portfolios/${p.id}/prereview`);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toContain('/sign-in?next=');
    expect((await get(t, staffBase)).headers.location).toContain('/sign-in?next=');
    expect((await api(t, 'GET', `/api/v1/portfolios/${p.id}/prereview`)).statusCode).toBe(401);
    expect((await api(t, 'GET', staffApi)).statusCode).toBe(401);
  });

  it('refuses candidates on the staff pages and API with 403', async () => {
    for (const url of [
      staffBase,
      `${staffBase}/${p.id}`,
      `${staffBase}/${p.id}/evidence/${p.fileEvidenceId}`,
    ])
      expect((await get(t, url, p.session)).statusCode).toBe(403);
    expect(
      (await postForm(t, `${staffBase}/${p.id}/comments/CAT-1`, { 'comment-CAT-1': 'Me' }, p.session))
        .statusCode,
    ).toBe(403);
    expect((await postForm(t, `${staffBase}/${p.id}/finish`, {}, p.session)).statusCode).toBe(403);
    expect((await api(t, 'GET', `${staffApi}/${p.id}`, { session: p.session })).statusCode).toBe(403);
    expect(
      (
        await api(t, 'POST', `${staffApi}/${p.id}/comments`, {
          session: p.session,
          body: { competencyId: 'CAT-1', body: 'Me' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses portfolio evaluators: pre-review shows who the candidate is', async () => {
    for (const url of [
      staffBase,
      `${staffBase}/${p.id}`,
      `${staffBase}/${p.id}/evidence/${p.fileEvidenceId}`,
    ]) {
      const res = await get(t, url, evaluator);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(p.candidate.displayName);
    }
    expect((await api(t, 'GET', staffApi, { session: evaluator })).statusCode).toBe(403);
    expect((await api(t, 'POST', `${staffApi}/${p.id}/finish`, { session: evaluator })).statusCode).toBe(403);
    expect((await get(t, `/portfolios/${p.id}/prereview`, evaluator)).statusCode).toBe(403);
  });

  it('asks staff who have not passed MFA for their code first', async () => {
    const page = await get(t, `${staffBase}/${p.id}`, noMfa);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toContain('/sign-in/mfa');
    const res = await api(t, 'GET', staffApi, { session: noMfa });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('MFA_REQUIRED');
    const comment = await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-1`,
      { 'comment-CAT-1': 'Hi' },
      noMfa,
    );
    expect(comment.statusCode).toBe(401);
    expect((await postForm(t, `${staffBase}/${p.id}/finish`, {}, noMfa)).statusCode).toBe(401);
  });

  it('answers 404 to staff for a portfolio or file that does not exist', async () => {
    expect(
      (await get(t, `${staffBase}/00000000-0000-7000-8000-000000000000`, staff.session)).statusCode,
    ).toBe(404);
    expect((await get(t, `${staffBase}/nope`, staff.session)).statusCode).toBe(404);
    expect(
      (await get(t, `${staffBase}/${other.id}/evidence/${p.fileEvidenceId}`, staff.session)).statusCode,
    ).toBe(404);
    expect((await get(t, `${staffBase}/${p.id}/evidence/nope`, staff.session)).statusCode).toBe(404);
  });
});
