import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remindOverduePortfolioEvaluations } from '../../src/modules/portfolios/assignment-reminders.js';
import { portfolioAssignments, portfolios } from '../../src/modules/portfolios/schema.js';
import { systemCtx } from '../../src/platform/context.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  assignmentsOf,
  emptyPool,
  type MadeEvaluator,
  mailsTo,
  portfolioEvaluator,
  submittedPortfolio,
} from './portfolio-assignment-support.js';

describe.each(testBackends())('reassigning portfolio evaluators on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  beforeEach(() => emptyPool(t));
  afterAll(() => t.close());

  /** A portfolio in evaluation with its two evaluators (the least loaded of `pool`). */
  async function inEvaluation(setId: string, pool: MadeEvaluator[], o: { employer?: string } = {}) {
    const p = await submittedPortfolio(t, { setId, ...o });
    const res = await api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {
      session: staff,
      body: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await assignmentsOf(t, [p.id]);
    const holder = (id: string) => pool.find((e) => e.user.id === id)!;
    return { p, rows, holders: rows.map((r) => holder(r.evaluatorId)) };
  }

  it('gives a slot to another eligible evaluator; the old one is kept as replaced and both are told', async () => {
    const set = 'technology';
    const pool = await Promise.all(
      [1, 2, 3].map((i) =>
        portfolioEvaluator(t, { setIds: [set], capacity: 10 + i, name: `Evaluator ${i}` }),
      ),
    );
    const colleague = await portfolioEvaluator(t, { setIds: [set], employer: 'Shared Employer Library' });
    const { p, rows } = await inEvaluation(set, pool, { employer: 'Shared Employer Library' });
    const slot = rows.find((r) => r.position === 1)!;
    const spare = pool.find((e) => !rows.some((r) => r.evaluatorId === e.user.id))!;
    const other = rows.find((r) => r.position === 2)!;
    const url = `/staff/portfolios/${p.id}/assignment/${slot.id}/reassign`;
    const field = `evaluator-${slot.id}`;
    const panel = await get(t, `/staff/portfolios/${p.id}/assignment`, staff);
    expect(panel.body).toContain(spare.user.email);
    expect(panel.body).not.toContain(`value="${colleague.user.id}"`);
    for (const [chosen, message] of [
      ['', 'Choose the evaluator who takes this portfolio instead'],
      [colleague.user.id, 'has a conflict with the candidate (the same library)'],
      [other.evaluatorId, 'already on this portfolio'],
      ['not-a-user', 'Choose a portfolio evaluator from the list'],
    ] as const) {
      const res = await postForm(t, url, { [field]: chosen }, staff);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain('<title>Error: ');
      expect(res.body).toContain(message);
    }
    const done = await postForm(t, url, { [field]: spare.user.id }, staff);
    expect(done.statusCode).toBe(303);
    const after = await assignmentsOf(t, [p.id]);
    const old = after.find((r) => r.id === slot.id)!;
    expect(old.replacedAt).not.toBe(null);
    const replacement = after.find((r) => r.position === 1 && !r.replacedAt)!;
    expect(replacement.evaluatorId).toBe(spare.user.id);
    expect(replacement.dueOn).toBe('2026-12-28');
    const oldHolder = pool.find((e) => e.user.id === slot.evaluatorId)!;
    const [withdrawn] = await mailsTo(t, oldHolder.user.email, 'portfolio-evaluation-withdrawn');
    expect(withdrawn?.text).toContain(p.number);
    const [assigned] = await mailsTo(t, spare.user.email, 'portfolio-evaluation-assigned');
    expect(assigned?.text).toContain(p.number);
    for (const mail of [withdrawn!, assigned!])
      for (const secret of [p.candidate.displayName, p.candidate.email, p.employer])
        expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
    // The replaced evaluator does not come back, and a replaced slot cannot be reassigned again.
    const twice = await api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments/${slot.id}/reassign`, {
      session: staff,
      body: { evaluatorId: oldHolder.user.id },
    });
    expect(twice.statusCode).toBe(409);
    const history = (
      await api(t, 'GET', `/api/v1/staff/portfolios/${p.id}/assignments`, { session: staff })
    ).json();
    expect(history.history).toHaveLength(1);
    expect(history.eligible.map((e: { id: string }) => e.id)).not.toContain(oldHolder.user.id);
  });

  it('refuses to reassign a slot whose ratings are submitted, or through another portfolio', async () => {
    const set = 'foundations';
    const pool = await Promise.all([1, 2, 3].map(() => portfolioEvaluator(t, { setIds: [set] })));
    const { p, rows } = await inEvaluation(set, pool);
    const spare = pool.find((e) => !rows.some((r) => r.evaluatorId === e.user.id))!;
    await t.services.db
      .update(portfolioAssignments)
      .set({ submittedAt: t.clock.now() })
      .where(eq(portfolioAssignments.id, rows[0]!.id));
    const submitted = await api(
      t,
      'POST',
      `/api/v1/staff/portfolios/${p.id}/assignments/${rows[0]!.id}/reassign`,
      {
        session: staff,
        body: { evaluatorId: spare.user.id },
      },
    );
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().detail).toBe('This evaluator has already submitted their ratings.');
    const other = await submittedPortfolio(t, { setId: set, paid: false });
    const wrong = await api(
      t,
      'POST',
      `/api/v1/staff/portfolios/${other.id}/assignments/${rows[1]!.id}/reassign`,
      {
        session: staff,
        body: { evaluatorId: spare.user.id },
      },
    );
    expect(wrong.statusCode).toBe(404);
  });

  it('adds a third evaluator, different from the first two, once both have submitted', async () => {
    const set = 'communication-teamwork';
    const pool = await Promise.all([1, 2, 3].map(() => portfolioEvaluator(t, { setIds: [set] })));
    const { p, rows } = await inEvaluation(set, pool);
    const early = await api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {
      session: staff,
      body: { third: true },
    });
    expect(early.statusCode).toBe(409);
    await t.services.db
      .update(portfolioAssignments)
      .set({ submittedAt: t.clock.now() })
      .where(
        inArray(
          portfolioAssignments.id,
          rows.map((r) => r.id),
        ),
      );
    const third = await postForm(t, `/staff/portfolios/${p.id}/assignment/third`, {}, staff);
    expect(third.statusCode).toBe(303);
    const after = await assignmentsOf(t, [p.id]);
    const added = after.find((r) => r.position === 3)!;
    expect(rows.map((r) => r.evaluatorId)).not.toContain(added.evaluatorId);
    const again = await api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {
      session: staff,
      body: { third: true },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This portfolio already has a third evaluator.');
  });

  it('round 2 goes back to the same evaluators while they are still eligible', async () => {
    const set = 'youth-services';
    const pool = await Promise.all([1, 2].map(() => portfolioEvaluator(t, { setIds: [set] })));
    const { p, rows } = await inEvaluation(set, pool);
    // Newcomers with no load would win on balance alone.
    await Promise.all([1, 2].map(() => portfolioEvaluator(t, { setIds: [set] })));
    await t.services.db
      .update(portfolios)
      .set({ status: 'resubmitted', round: 2 })
      .where(eq(portfolios.id, p.id));
    const res = await api(t, 'POST', '/api/v1/staff/portfolio-assignment', { session: staff });
    expect(res.json().assigned.map((a: { portfolioId: string }) => a.portfolioId)).toContain(p.id);
    const round2 = (await assignmentsOf(t, [p.id])).filter((r) => r.round === 2);
    expect(round2.map((r) => [r.position, r.evaluatorId]).sort()).toEqual(
      rows.map((r) => [r.position, r.evaluatorId]).sort(),
    );
  });

  it('reminds overdue evaluators once, then weekly, naming the portfolio only by number', async () => {
    const set = 'access-services';
    const pool = await Promise.all([1, 2].map(() => portfolioEvaluator(t, { setIds: [set] })));
    const { p, holders } = await inEvaluation(set, pool, { employer: 'Reminder Test Library' });
    const ctx = () => systemCtx(t.services, 'test-sweep');
    expect((await remindOverduePortfolioEvaluations(ctx())).reminded).toBe(0);
    t.clock.set('2026-12-29T15:00:00Z');
    expect((await remindOverduePortfolioEvaluations(ctx())).reminded).toBeGreaterThanOrEqual(2);
    expect((await remindOverduePortfolioEvaluations(ctx())).reminded).toBe(0);
    const [mail] = await mailsTo(t, holders[0]!.user.email, 'portfolio-evaluation-overdue');
    expect(mail?.text).toContain(p.number);
    expect(mail?.text).toContain('28 December 2026');
    expect(mail?.text).not.toContain('Reminder Test Library');
    expect(mail?.text).not.toContain(p.candidate.displayName);
    t.clock.set('2027-01-05T15:00:00Z');
    try {
      expect((await remindOverduePortfolioEvaluations(ctx())).reminded).toBeGreaterThanOrEqual(2);
      // A session of its own: the shared one would lapse over these five weeks.
      const now = (await staffMember(t)).session;
      const overview = (await api(t, 'GET', '/api/v1/staff/portfolio-assignment', { session: now })).json();
      expect(overview.counts.overdueAssignments).toBeGreaterThanOrEqual(2);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('denies candidates, evaluators, staff without MFA and anonymous callers', async () => {
    const set = 'technology';
    const pool = await Promise.all([1, 2, 3].map(() => portfolioEvaluator(t, { setIds: [set] })));
    const { p, rows } = await inEvaluation(set, pool);
    const candidate = await signedInAs(t, ['candidate']);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    const calls = [
      ['GET', '/api/v1/staff/portfolio-assignment', undefined],
      ['POST', '/api/v1/staff/portfolio-assignment', undefined],
      ['GET', `/api/v1/staff/portfolios/${p.id}/assignments`, undefined],
      ['POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {}],
      [
        'POST',
        `/api/v1/staff/portfolios/${p.id}/assignments/${rows[0]!.id}/reassign`,
        { evaluatorId: pool[2]!.user.id },
      ],
    ] as const;
    for (const [method, url, body] of calls) {
      expect((await api(t, method, url, { session: candidate, body })).statusCode).toBe(403);
      expect((await api(t, method, url, { session: pool[0]!.session, body })).statusCode).toBe(403);
      const mfa = await api(t, method, url, { session: noMfa, body });
      expect(mfa.statusCode).toBe(401);
      expect(mfa.json().code).toBe('MFA_REQUIRED');
      // Anonymous: reads need a sign-in; writes without a session fail the CSRF check first.
      expect((await api(t, method, url, { body })).statusCode).toBe(method === 'GET' ? 401 : 403);
    }
    expect((await get(t, '/staff/portfolios/assignment', candidate)).statusCode).toBe(403);
    expect((await get(t, `/staff/portfolios/${p.id}/assignment`, pool[0]!.session)).statusCode).toBe(403);
    expect((await postForm(t, '/staff/portfolios/assignment', {}, candidate)).statusCode).toBe(403);
  });
});
