import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolioAssignments, portfolioRatings } from '../../src/modules/portfolios/schema.js';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import {
  type AssignedPortfolio,
  assignedPortfolio,
  commentFor,
  currentEvaluators,
  decidedPortfolio,
  decideRound,
  ratingsOf,
} from '../support/portfolio-decision-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())("the candidate's view of portfolio outcomes on %s", (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  const axe = httpAxe();
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  const overview = (p: AssignedPortfolio) => get(t, `/portfolios/${p.id}`, p.candidate.session);
  const detail = async (p: AssignedPortfolio) =>
    (await api(t, 'GET', `/api/v1/portfolios/${p.id}`, { session: p.candidate.session })).json();

  /** No evaluator's name, email or id anywhere in what the candidate is sent. */
  async function expectNoEvaluatorIdentity(p: AssignedPortfolio, body: string) {
    const everyone = await t.services.db
      .select()
      .from(portfolioAssignments)
      .where(eq(portfolioAssignments.portfolioId, p.id));
    expect(everyone.length).toBeGreaterThanOrEqual(2);
    const holders = await currentEvaluators(t, p.id);
    for (const h of holders) {
      expect(body).not.toContain(h.user.displayName);
      expect(body).not.toContain(h.user.email);
    }
    for (const a of everyone) {
      expect(body).not.toContain(a.evaluatorId);
      expect(body).not.toContain(a.id);
    }
  }

  it('more information: what reopened and why, that only those change, and the Resubmit step', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const [c1, c2, c3, , c5] = p.competencyIds;
    expect(p.flagged).toEqual([c1, c3, c5]);
    const page = await overview(p);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<h1/g)).toHaveLength(1);
    expect(page.body).toContain('What the evaluators decided');
    expect(page.body).toContain('More information needed');
    expect(page.body).toContain('The evaluators need more evidence for 3 competencies');
    expect(page.body).toContain('Only these can change now');
    expect(page.body).toContain('You can resubmit once, with no fee.');
    for (const c of p.flagged) expect(page.body).toContain(`href="/portfolios/${p.id}/competencies/${c}"`);
    // Why: every evaluator's comment on each competency, labelled by slot only.
    for (const c of p.competencyIds)
      for (const position of [1, 2]) expect(page.body).toContain(commentFor(1, position, c));
    expect(page.body).toContain('Evaluator 1:');
    expect(page.body).toContain('Evaluator 2:');
    expect(page.body).not.toContain('Third evaluator');
    expect(page.body).toContain(`action="/portfolios/${p.id}/resubmit"`);
    expect(page.body).toContain('Resubmit the portfolio');
    expect(page.body).toContain('Every reopened competency has primary evidence.');
    await expectNoEvaluatorIdentity(p, page.body);

    const json = await detail(p);
    const round = json.outcome.rounds[0];
    expect(round.outcome).toBe('more_information');
    const byId = Object.fromEntries(
      round.competencies.map((c: { id: string; result: string }) => [c.id, c.result]),
    );
    expect(byId[c1!]).toBe('not_met');
    expect(byId[c2!]).toBe('met');
    expect(byId[c3!]).toBe('partial');
    expect(byId[c5!]).toBe('not_met');
    expect(round.competencies[0].ratings).toEqual([
      { evaluator: 'Evaluator 1', rating: 'not_met', comment: commentFor(1, 1, c1!) },
      { evaluator: 'Evaluator 2', rating: 'met', comment: commentFor(1, 2, c1!) },
    ]);
    expect(json.outcome.reopened.map((c: { id: string }) => c.id)).toEqual(p.flagged);
    expect(json.outcome.resubmission).toEqual({ possible: true, lackingPrimary: [] });
    await expectNoEvaluatorIdentity(p, JSON.stringify(json));

    // A reopened competency takes evidence; a locked one says why it cannot.
    const open = await get(t, `/portfolios/${p.id}/competencies/${c1}`, p.candidate.session);
    expect(open.body).toContain('The evaluators asked for more evidence for this competency.');
    expect(open.body).toContain(`action="/portfolios/${p.id}/competencies/${c1}/evidence"`);
    expect(open.body).toContain(commentFor(1, 1, c1!));
    expect(open.body).toContain('Round 1: More information requested');
    await expectNoEvaluatorIdentity(p, open.body);
    const locked = await get(t, `/portfolios/${p.id}/competencies/${c2}`, p.candidate.session);
    expect(locked.body).toContain(
      `This competency is locked: the evaluators did not ask for more evidence here. You can change only the reopened competencies: ${p.flagged.join(', ')}.`,
    );
    expect(locked.body).not.toContain(`/competencies/${c2}/evidence"`);
    expect(locked.body).not.toContain('This portfolio is locked');

    // The check page offers the same step; staff reading the portfolio see the outcome, not the button.
    const check = await get(t, `/portfolios/${p.id}/check`, p.candidate.session);
    expect(check.body).toContain(`action="/portfolios/${p.id}/resubmit"`);
    const asStaff = await get(t, `/portfolios/${p.id}`, staff);
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.body).toContain('More information needed');
    expect(asStaff.body).not.toContain(`action="/portfolios/${p.id}/resubmit"`);
  });

  it('approved: the set is achieved by portfolio, with the way to the dashboard', async () => {
    const p = await decidedPortfolio(t, staff, 'approved');
    const page = await overview(p);
    expect(page.body).toContain('<strong>Approved.</strong>');
    expect(page.body).toContain('You have achieved this set by portfolio.');
    expect(page.body).toContain('href="/dashboard"');
    expect(page.body).not.toContain('/resubmit"');
    expect(page.body).toContain(commentFor(1, 2, p.competencyIds[7]!));
    expect(page.body).toContain('Partially met');
    await expectNoEvaluatorIdentity(p, page.body);
    const json = await detail(p);
    expect(json.status).toBe('approved');
    expect(json.outcome.rounds.map((r: { outcome: string }) => r.outcome)).toEqual(['approved']);
    expect(json.outcome.reopened).toEqual([]);
    expect(json.outcome.resubmission).toBeNull();
  });

  it('not satisfactory: approved courses for the set, and a new portfolio', async () => {
    const p = await decidedPortfolio(t, staff, 'not_satisfactory');
    const page = await overview(p);
    expect(page.body).toContain('<strong>Not satisfactory.</strong>');
    expect(page.body).toContain(`href="/catalog?set=${p.setId}"`);
    expect(page.body).toContain(`href="/portfolios?setId=${p.setId}"`);
    expect(page.body).not.toContain('/resubmit"');
    await expectNoEvaluatorIdentity(p, page.body);
    // The link leads to the catalog filtered to the set.
    const catalog = await get(t, `/catalog?set=${p.setId}`);
    expect(catalog.statusCode).toBe(200);
    const start = await get(t, `/portfolios?setId=${p.setId}`, p.candidate.session);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`value="${p.setId}"`);
  });

  it('labels a third evaluator as such, and names nobody', async () => {
    const p = await assignedPortfolio(t, staff);
    const ids = p.competencyIds;
    const decided = await decideRound(t, staff, p, {
      ratings: {
        1: ratingsOf(ids, 'met'),
        2: ratingsOf(ids, 'met', { 0: 'not_met' }),
        3: ratingsOf(ids, 'met', { 0: 'not_met' }),
      },
    });
    expect(decided).toEqual({ outcome: 'more_information', flagged: [ids[0]] });
    const page = await overview(p);
    expect(page.body).toContain('Third evaluator:');
    expect(page.body).toContain(commentFor(1, 3, ids[0]!));
    await expectNoEvaluatorIdentity(p, page.body);
    const json = await detail(p);
    expect(
      json.outcome.rounds[0].competencies[0].ratings.map((r: { evaluator: string }) => r.evaluator),
    ).toEqual(['Evaluator 1', 'Evaluator 2', 'Third evaluator']);
  });

  it('shows nothing of a round that is not decided yet', async () => {
    const p = await assignedPortfolio(t, staff);
    // The first evaluator has submitted; the second has not, so nothing is decided.
    const [first] = await currentEvaluators(t, p.id);
    await t.services.db.insert(portfolioRatings).values(
      p.competencyIds.map((competencyId) => ({
        assignmentId: first!.assignmentId,
        competencyId,
        rating: 'not_met' as const,
        comment: `Undecided comment on ${competencyId}`,
        updatedAt: t.clock.now(),
      })),
    );
    await t.services.db
      .update(portfolioAssignments)
      .set({ submittedAt: t.clock.now() })
      .where(eq(portfolioAssignments.id, first!.assignmentId));
    const page = await overview(p);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('What the evaluators decided');
    expect(page.body).not.toContain('Undecided comment');
    const competency = await get(
      t,
      `/portfolios/${p.id}/competencies/${p.competencyIds[0]}`,
      p.candidate.session,
    );
    expect(competency.body).not.toContain('Undecided comment');
    expect(competency.body).not.toContain('What the evaluators said');
    const json = await detail(p);
    expect(json.outcome).toEqual({ rounds: [], reopened: [], resubmission: null });
  });

  it('after a resubmission: round 1 stays, round 2 shows once decided, with what was rated again', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const res = await api(t, 'POST', `/api/v1/portfolios/${p.id}/resubmit`, { session: p.candidate.session });
    expect(res.statusCode, res.body).toBe(200);
    const waiting = await overview(p);
    expect(waiting.body).toContain('You resubmitted the portfolio.');
    expect(waiting.body).toContain('Round 1: More information requested');
    expect(waiting.body).not.toContain('Round 2');
    expect(waiting.body).not.toContain(`action="/portfolios/${p.id}/resubmit"`);

    t.clock.advance(60_000);
    const again = Object.fromEntries(p.flagged.map((c) => [c, 'met' as const]));
    const decided = await decideRound(t, staff, p, { ratings: { 1: again, 2: again } });
    expect(decided.outcome).toBe('approved');
    const page = await overview(p);
    expect(page.body).toContain('Round 2 (after your resubmission): Approved');
    expect(page.body).toContain('Only the reopened competencies were rated again');
    expect(page.body).toContain('Round 1: More information requested');
    expect(page.body).toContain(commentFor(2, 1, p.flagged[0]!));
    expect(page.body).toContain('You have achieved this set by portfolio.');
    await expectNoEvaluatorIdentity(p, page.body);
    const json = await detail(p);
    expect(json.outcome.rounds.map((r: { round: number; outcome: string }) => [r.round, r.outcome])).toEqual([
      [1, 'more_information'],
      [2, 'approved'],
    ]);
    const round2 = json.outcome.rounds[1];
    expect(round2.competencies.map((c: { id: string }) => c.id)).toEqual(p.flagged);
    expect(round2.competencies.every((c: { result: string }) => c.result === 'met')).toBe(true);
  });

  // As served, checked with axe in Chromium (browser tier, once): more information (overview, a
  // reopened and a locked competency, the resubmit refused with errors), approved, not satisfactory.
  it.skipIf(!axeTier || backend !== 'pglite')(
    'the outcome pages pass axe',
    async () => {
      const p = await decidedPortfolio(t, staff, 'more_information');
      const me = p.candidate.session;
      const [c1, c2] = p.competencyIds;
      for (const e of (await api(t, 'GET', `/api/v1/portfolios/${p.id}`, { session: me })).json()
        .competencies[0].evidence)
        await api(t, 'DELETE', `/api/v1/portfolios/${p.id}/evidence/${e.id}`, { session: me });
      const pages: Array<[string, string, number]> = [
        [`/portfolios/${p.id}`, 'overview, more information', 200],
        [`/portfolios/${p.id}/competencies/${c1}`, 'reopened competency', 200],
        [`/portfolios/${p.id}/competencies/${c2}`, 'locked competency', 200],
        [`/portfolios/${p.id}/check`, 'check page, more information', 200],
      ];
      for (const [url, where, status] of pages) {
        const res = await get(t, url, me);
        expect(res.statusCode, where).toBe(status);
        await axe.expectAccessible(res.body, where);
      }
      const refused = await postForm(t, `/portfolios/${p.id}/resubmit`, {}, me);
      expect(refused.statusCode).toBe(422);
      await axe.expectAccessible(refused.body, 'resubmit refused');
      for (const outcome of ['approved', 'not_satisfactory'] as const) {
        const q = await decidedPortfolio(t, staff, outcome);
        await axe.expectAccessible((await get(t, `/portfolios/${q.id}`, q.candidate.session)).body, outcome);
        await axe.expectAccessible(
          (await get(t, `/portfolios/${q.id}/competencies/${q.competencyIds[0]}`, q.candidate.session)).body,
          `${outcome} competency`,
        );
      }
    },
    180_000,
  );
});
