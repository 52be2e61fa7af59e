import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  assignmentsOf,
  emptyPool,
  mailsTo,
  portfolioEvaluator,
  statusOf,
  submittedPortfolio,
} from './portfolio-assignment-support.js';

interface Outcome {
  assigned: Array<{ portfolioId: string; number: string; evaluatorIds: string[] }>;
  unassigned: Array<{ portfolioId: string; number: string; reason: string }>;
}

describe.each(testBackends())('assigning portfolio evaluators on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  const run = async (): Promise<Outcome> => {
    const res = await api(t, 'POST', '/api/v1/staff/portfolio-assignment', { session: staff });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  beforeEach(() => emptyPool(t));
  afterAll(() => t.close());

  it('assigns paid portfolios to two evaluators, due in 30 days, and leaves unpaid ones waiting', async () => {
    const evaluators = await Promise.all(
      [1, 2, 3].map(() => portfolioEvaluator(t, { setIds: ['foundations'] })),
    );
    const paid = await submittedPortfolio(t, { setId: 'foundations' });
    const unpaid = await submittedPortfolio(t, { setId: 'foundations', paid: false });
    const free = await submittedPortfolio(t, { setId: 'foundations', noFee: true });
    const outcome = await run();
    // Oldest first; a portfolio with no fee charged owes nothing and goes too.
    expect(outcome.assigned.map((a) => a.portfolioId)).toEqual([paid.id, free.id]);
    expect(await assignmentsOf(t, [free.id])).toHaveLength(2);
    const rows = await assignmentsOf(t, [paid.id, unpaid.id]);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.evaluatorId)).size).toBe(2);
    expect(rows.map((r) => r.position).sort()).toEqual([1, 2]);
    expect(rows.every((r) => r.dueOn === '2026-12-28' && r.round === 1)).toBe(true);
    expect(rows.every((r) => evaluators.some((e) => e.user.id === r.evaluatorId))).toBe(true);
    expect((await statusOf(t, paid.id)).status).toBe('in_evaluation');
    expect((await statusOf(t, unpaid.id)).status).toBe('submitted');
    // Running again finds nothing new: nobody is given the same portfolio twice.
    expect((await run()).assigned).toEqual([]);
    expect(await assignmentsOf(t, [paid.id])).toHaveLength(2);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it("mails each evaluator the PF number, set, due date and link, never the candidate's identity", async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() => portfolioEvaluator(t, { setIds: ['readers-advisory'] })),
    );
    const p = await submittedPortfolio(t, {
      setId: 'readers-advisory',
      givenName: 'Quentin',
      familyName: 'Uniquename',
      employer: 'Zebulon Memorial Library',
      libraries: ['Yarrow Township Library'],
    });
    await run();
    for (const e of [a!, b!]) {
      const [mail] = await mailsTo(t, e.user.email, 'portfolio-evaluation-assigned');
      expect(mail?.subject).toBe(`Please evaluate portfolio ${p.number}`);
      expect(mail?.text).toContain(p.number);
      expect(mail?.text).toContain("Adult Readers' Advisory Services");
      expect(mail?.text).toContain('28 December 2026');
      expect(mail?.text).toContain('/evaluator/assignments');
      for (const secret of ['Quentin', 'Uniquename', p.candidate.email, 'Zebulon', 'Yarrow'])
        expect(`${mail?.subject}\n${mail?.text}`).not.toContain(secret);
    }
  });

  it('never assigns an evaluator with a conflict: same employer, declared library or declared person', async () => {
    const set = 'cataloging-classification';
    const colleague = await portfolioEvaluator(t, {
      setIds: [set],
      employer: 'the springfield public library',
    });
    const declaredLibrary = await portfolioEvaluator(t, {
      setIds: [set],
      conflicts: [{ kind: 'library', value: 'Example County Library' }],
    });
    const declaredPerson = await portfolioEvaluator(t, {
      setIds: [set],
      conflicts: [{ kind: 'person', value: 'Casey Conflicted' }],
    });
    const byEmail = await portfolioEvaluator(t, { setIds: [set] });
    const clean = await portfolioEvaluator(t, { setIds: [set], capacity: 50 });
    const p = await submittedPortfolio(t, {
      setId: set,
      givenName: 'Casey',
      familyName: 'Conflicted',
      employer: 'Springfield Public Library',
      libraries: ['Example County Library'],
    });
    await api(t, 'POST', `/api/v1/staff/portfolio-evaluators/${byEmail.user.id}/conflicts`, {
      session: staff,
      body: { kind: 'person', value: p.candidate.email.toUpperCase() },
    });
    const first = await run();
    expect(first.assigned.find((a) => a.portfolioId === p.id)).toBeUndefined();
    const reported = first.unassigned.find((u) => u.portfolioId === p.id)!;
    expect(reported.reason).toBe(
      '2 evaluators are needed but only 1 can take it: 5 evaluators are qualified for the set, 4 have a conflict.',
    );
    expect(await assignmentsOf(t, [p.id])).toEqual([]);
    // The staff page lists it with the same reason.
    const page = await get(t, '/staff/portfolios/assignment', staff);
    expect(page.body).toContain(p.number);
    expect(page.body).toContain('4 have a conflict');
    // Evaluator conflicts kept, one more clean evaluator: the two clean ones get it.
    const clean2 = await portfolioEvaluator(t, { setIds: [set] });
    const second = await run();
    expect(second.assigned.find((a) => a.portfolioId === p.id)?.evaluatorIds.sort()).toEqual(
      [clean.user.id, clean2.user.id].sort(),
    );
    for (const e of [colleague, declaredLibrary, declaredPerson, byEmail])
      expect(await mailsTo(t, e.user.email, 'portfolio-evaluation-assigned')).toEqual([]);
  });

  it('balances the load, respects capacity and reports the portfolios left over', async () => {
    const set = 'collection-management';
    const pool = await Promise.all(
      [1, 2, 3, 4].map(() => portfolioEvaluator(t, { setIds: [set], capacity: 2 })),
    );
    const made = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      made.push(await submittedPortfolio(t, { setId: set }));
    }
    const outcome = await run();
    const mine = new Set(made.map((m) => m.id));
    expect(outcome.assigned.filter((a) => mine.has(a.portfolioId))).toHaveLength(4);
    // Oldest first: the last submitted is the one left over.
    const left = outcome.unassigned.filter((u) => mine.has(u.portfolioId));
    expect(left.map((u) => u.portfolioId)).toEqual([made[4]!.id]);
    expect(left[0]!.reason).toContain('4 are at capacity');
    const rows = await assignmentsOf(t, [...mine]);
    const perEvaluator = pool.map((e) => rows.filter((r) => r.evaluatorId === e.user.id).length);
    expect(perEvaluator).toEqual([2, 2, 2, 2]);
    // One mail per evaluator for the whole run, listing both of their portfolios.
    const [mail] = await mailsTo(t, pool[0]!.user.email, 'portfolio-evaluation-assigned');
    expect(mail?.subject).toBe('Please evaluate 2 portfolios');
    const pool2 = (await api(t, 'GET', '/api/v1/staff/portfolio-evaluators', { session: staff })).json();
    const loads = pool2.items.filter((i: { userId: string }) => pool.some((e) => e.user.id === i.userId));
    expect(loads.map((i: { loadThisYear: number }) => i.loadThisYear)).toEqual([2, 2, 2, 2]);
    // Raising one capacity lets the last portfolio through on the next run.
    await api(t, 'PUT', `/api/v1/staff/portfolio-evaluators/${pool[0]!.user.id}`, {
      session: staff,
      body: {
        setIds: [set],
        yearlyCapacity: 3,
        trainingCompletedOn: '2026-01-15',
        employer: null,
        active: true,
      },
    });
    expect((await run()).unassigned.filter((u) => mine.has(u.portfolioId))).toHaveLength(1);
    await api(t, 'PUT', `/api/v1/staff/portfolio-evaluators/${pool[1]!.user.id}`, {
      session: staff,
      body: {
        setIds: [set],
        yearlyCapacity: 3,
        trainingCompletedOn: '2026-01-15',
        employer: null,
        active: true,
      },
    });
    expect((await run()).assigned.map((a) => a.portfolioId)).toEqual([made[4]!.id]);
  });

  it('skips inactive and untrained evaluators and those trained for other sets', async () => {
    const set = 'supervision-management';
    await portfolioEvaluator(t, { setIds: [set], active: false });
    await portfolioEvaluator(t, { setIds: [set], trainedOn: null });
    await portfolioEvaluator(t, { setIds: ['youth-services'] });
    const ok = await portfolioEvaluator(t, { setIds: [set] });
    const p = await submittedPortfolio(t, { setId: set });
    const outcome = await run();
    expect(outcome.unassigned.find((u) => u.portfolioId === p.id)?.reason).toBe(
      '2 evaluators are needed but only 1 can take it: 1 evaluator is qualified for the set.',
    );
    expect(await mailsTo(t, ok.user.email)).toEqual([]);
  });

  it('staff use the assignment page: figures, the button and the panel', async () => {
    await Promise.all([1, 2].map(() => portfolioEvaluator(t, { setIds: ['access-services'] })));
    const p = await submittedPortfolio(t, { setId: 'access-services' });
    const before = await get(t, '/staff/portfolios/assignment', staff);
    expect(before.statusCode).toBe(200);
    expect(before.body.match(/<h1/g)).toHaveLength(1);
    expect(before.body).toContain('Assign evaluators to paid portfolios');
    expect(before.body).toContain('Yes, at the next run');
    const noCsrf = await postForm(t, '/staff/portfolios/assignment', {}, staff, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const pressed = await postForm(t, '/staff/portfolios/assignment', {}, staff);
    expect(pressed.statusCode).toBe(303);
    expect(pressed.headers.location).toBe('/staff/portfolios/assignment');
    expect((await statusOf(t, p.id)).status).toBe('in_evaluation');
    const panel = await get(t, `/staff/portfolios/${p.id}/assignment`, staff);
    expect(panel.statusCode).toBe(200);
    expect(panel.body).toContain(`Evaluators for portfolio ${p.number}`);
    expect(panel.body).toContain('Evaluator 1');
    expect(panel.body).toContain('Due 28 December 2026');
    const json = (
      await api(t, 'GET', `/api/v1/staff/portfolios/${p.id}/assignments`, { session: staff })
    ).json();
    expect(json.current).toHaveLength(2);
    expect(json.feeSettled).toBe(true);
    const home = await get(t, '/staff', staff);
    expect(home.body).toContain('href="/staff/portfolios/assignment"');
    expect(home.body).toContain('href="/staff/portfolio-evaluators"');
    const overview = (await api(t, 'GET', '/api/v1/staff/portfolio-assignment', { session: staff })).json();
    expect(overview.counts.inEvaluation).toBeGreaterThanOrEqual(1);
  });

  it('assigns one portfolio from its panel, refusing an unpaid or already assigned one', async () => {
    await Promise.all([1, 2].map(() => portfolioEvaluator(t, { setIds: ['reference-information'] })));
    const unpaid = await submittedPortfolio(t, { setId: 'reference-information', paid: false });
    const refused = await api(t, 'POST', `/api/v1/staff/portfolios/${unpaid.id}/assignments`, {
      session: staff,
      body: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('fee is not paid');
    const p = await submittedPortfolio(t, { setId: 'reference-information' });
    const viaPage = await postForm(t, `/staff/portfolios/${p.id}/assignment`, {}, staff);
    expect(viaPage.statusCode).toBe(303);
    expect(await assignmentsOf(t, [p.id])).toHaveLength(2);
    const again = await api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {
      session: staff,
      body: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Evaluators are already assigned.');
    const nobody = await submittedPortfolio(t, { setId: 'youth-services' });
    const none = await api(t, 'POST', `/api/v1/staff/portfolios/${nobody.id}/assignments`, {
      session: staff,
      body: {},
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toContain('No active, trained evaluator is qualified for this set');
    expect(
      (await api(t, 'GET', '/api/v1/staff/portfolios/not-a-uuid/assignments', { session: staff })).statusCode,
    ).toBe(404);
  });
});
