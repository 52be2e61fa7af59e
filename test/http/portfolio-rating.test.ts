import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { portfolioDecisions } from '../../src/modules/portfolios/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { systemCtx } from '../../src/platform/context.js';
import { runSweeps } from '../../src/sweeps.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  assignmentsOf,
  emptyPool,
  mailsTo,
  portfolioEvaluator,
  statusOf,
  submittedPortfolio,
} from './portfolio-assignment-support.js';
import {
  assignedPortfolio,
  competencyIds,
  rateAs,
  ratingsOf,
  submitRatings,
  TEN_SET,
} from './portfolio-rating-support.js';

describe.each(testBackends())('rating portfolios on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
    ids = await competencyIds(t);
  });
  afterAll(() => t.close());

  const decisionOf = async (portfolioId: string) =>
    t.services.db.select().from(portfolioDecisions).where(eq(portfolioDecisions.portfolioId, portfolioId));

  it('keeps drafts, hides the other rating until both submit, then approves and achieves the set', async () => {
    const rated = await assignedPortfolio(t, staff);
    const one = await rated.at(1);
    const two = await rated.at(2);
    const list = await api(t, 'GET', '/api/v1/evaluator/assignments', { session: one.evaluator.session });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: one.assignmentId, number: rated.portfolio.number, state: 'to_rate' }),
    ]);
    const listPage = await get(t, '/evaluator/assignments', one.evaluator.session);
    expect(listPage.body).toContain(rated.portfolio.number);
    expect(listPage.body).toContain(`/evaluator/assignments/${one.assignmentId}`);

    // A draft: two competencies now, saved through the page form.
    const draft = await postForm(
      t,
      `/evaluator/assignments/${one.assignmentId}`,
      {
        action: 'save',
        [`rating_${ids[0]}`]: 'met',
        [`comment_${ids[0]}`]: 'Clear policy document.',
        [`rating_${ids[1]}`]: 'partial',
      },
      one.evaluator.session,
    );
    expect(draft.statusCode, draft.body).toBe(303);
    const mine = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${one.assignmentId}`, {
        session: one.evaluator.session,
      })
    ).json();
    expect(mine.competencies[0].mine).toEqual({ rating: 'met', comment: 'Clear policy document.' });
    expect(mine.competencies[1].mine).toEqual({ rating: 'partial', comment: '' });
    expect(mine.competencies[2].mine).toBeNull();

    // Submitting with gaps is refused, naming what is missing, and nothing is submitted.
    const early = await postForm(
      t,
      `/evaluator/assignments/${one.assignmentId}`,
      { action: 'submit' },
      one.evaluator.session,
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('write a comment saying what the evidence shows or lacks');
    expect(early.body).toContain('choose Met, Partially met or Not met');
    expect((await assignmentsOf(t, [rated.portfolio.id])).every((a) => a.submittedAt === null)).toBe(true);

    expect(await rateAs(t, rated, 1, 'MMMMMMMPPP')).toEqual({ state: 'waiting', outcome: null });
    // Evaluator 2 sees nothing of evaluator 1's ratings before submitting; evaluator 1 nothing of 2's.
    const before = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${two.assignmentId}`, {
        session: two.evaluator.session,
      })
    ).json();
    expect(before.othersVisible).toBe(false);
    expect(before.competencies.every((c: { others: unknown[] }) => c.others.length === 0)).toBe(true);
    const waiting = await get(t, `/evaluator/assignments/${one.assignmentId}`, one.evaluator.session);
    expect(waiting.body).toContain(
      'The other evaluator’s ratings show here once they have submitted theirs.',
    );

    expect(await rateAs(t, rated, 2, 'MMMMMMMMMM')).toEqual({ state: 'decided', outcome: 'approved' });
    const after = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${one.assignmentId}`, {
        session: one.evaluator.session,
      })
    ).json();
    expect(after.othersVisible).toBe(true);
    expect(after.decision).toEqual({ outcome: 'approved', decidedBy: 'reconciled_ratings' });
    expect(after.competencies[9].others).toEqual([
      { label: 'Evaluator 2', rating: 'met', comment: 'Seen in the evidence.' },
    ]);

    expect((await statusOf(t, rated.portfolio.id)).status).toBe('approved');
    const [decision] = await decisionOf(rated.portfolio.id);
    expect(decision).toMatchObject({ round: 1, outcome: 'approved', setId: TEN_SET, flagged: [] });
    // Stored for the agreement statistics: evaluator 1's M×7, P×3 against evaluator 2's M×10.
    expect(decision?.ratingPairs).toEqual([7, 0, 0, 3, 0, 0, 0, 0, 0]);
    const [achieved] = await t.services.db
      .select()
      .from(setAchievements)
      .where(
        and(
          eq(setAchievements.candidateId, rated.portfolio.candidate.id),
          eq(setAchievements.setId, TEN_SET),
        ),
      );
    expect(achieved).toMatchObject({
      how: 'portfolio',
      sourceRef: rated.portfolio.number,
      achievedOn: '2026-11-28',
    });
    const [approvedMail] = await mailsTo(t, rated.portfolio.candidate.email, 'portfolio-approved');
    expect(approvedMail?.text).toContain('You have achieved this competency set by portfolio.');
    expect(await mailsTo(t, one.evaluator.user.email, 'portfolio-evaluation-decided')).toHaveLength(1);

    // Submitted ratings no longer change.
    const again = await submitRatings(t, one.evaluator, one.assignmentId, ratingsOf(ids, 'NNNNNNNNNN'));
    expect(again.statusCode).toBe(409);
    const change = await api(t, 'PUT', `/api/v1/evaluator/assignments/${one.assignmentId}/ratings`, {
      session: one.evaluator.session,
      body: ratingsOf(ids, 'N'),
    });
    expect(change.statusCode).toBe(409);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('asks a third evaluator when the recommendations differ, and the middle recommendation decides', async () => {
    const rated = await assignedPortfolio(t, staff);
    await rateAs(t, rated, 1, 'MMMMMMMMMM');
    expect(await rateAs(t, rated, 2, 'NMMMMMMMMM')).toEqual({ state: 'third_evaluator', outcome: null });
    const third = await rated.at(3);
    expect(rated.pool.map((e) => e.user.id)).toContain(third.evaluator.user.id);
    expect((await mailsTo(t, third.evaluator.user.email, 'portfolio-evaluation-assigned'))[0]?.subject).toBe(
      `Please evaluate portfolio ${rated.portfolio.number}`,
    );
    // The third rates blind too: the first two's ratings stay hidden until they submit.
    const blind = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${third.assignmentId}`, {
        session: third.evaluator.session,
      })
    ).json();
    expect(blind.othersVisible).toBe(false);
    expect(await rateAs(t, rated, 3, 'NMMMMMMMMM')).toEqual({
      state: 'decided',
      outcome: 'more_information',
    });
    const [decision] = await decisionOf(rated.portfolio.id);
    expect(decision).toMatchObject({
      outcome: 'more_information',
      decidedBy: 'third_evaluator',
      flagged: [ids[0]],
    });
    const portfolio = await statusOf(t, rated.portfolio.id);
    expect(portfolio.status).toBe('more_information');
    expect(portfolio.unlockedCompetencyIds).toEqual([ids[0]]);
    const [mail] = await mailsTo(t, rated.portfolio.candidate.email, 'portfolio-more-information');
    expect(mail?.text).toContain('Only these competencies are open again');
    const seen = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${third.assignmentId}`, {
        session: third.evaluator.session,
      })
    ).json();
    expect(seen.competencies[0].others.map((o: { label: string }) => o.label)).toEqual([
      'Evaluator 1',
      'Evaluator 2',
    ]);
  });

  it('finds the portfolio not satisfactory when both evaluators find more than half not met', async () => {
    const rated = await assignedPortfolio(t, staff);
    await rateAs(t, rated, 1, 'NNNNNNMMMM');
    expect(await rateAs(t, rated, 2, 'MNNNNNNMMM')).toEqual({
      state: 'decided',
      outcome: 'not_satisfactory',
    });
    const [mail] = await mailsTo(t, rated.portfolio.candidate.email, 'portfolio-not-satisfactory');
    expect(mail?.text).toContain(`/catalog?set=${TEN_SET}`);
    expect((await statusOf(t, rated.portfolio.id)).status).toBe('not_satisfactory');
  });

  it('tells staff when a third evaluator is needed and nobody is free', async () => {
    const rated = await assignedPortfolio(t, staff, { poolSize: 2 });
    await rateAs(t, rated, 1, 'MMMMMMMMMM');
    expect(await rateAs(t, rated, 2, 'NMMMMMMMMM')).toEqual({ state: 'third_evaluator', outcome: null });
    const [mail] = await mailsTo(t, staff.email, 'portfolio-third-evaluator-needed');
    expect(mail?.text).toContain(`/staff/portfolios/${rated.portfolio.id}/assignment`);
    expect((await statusOf(t, rated.portfolio.id)).status).toBe('in_evaluation');
    expect(await decisionOf(rated.portfolio.id)).toEqual([]);
  });

  it('refuses bad ratings with a clear message and stores nothing', async () => {
    const rated = await assignedPortfolio(t, staff);
    const { evaluator, assignmentId } = await rated.at(1);
    const put = (body: unknown) =>
      api(t, 'PUT', `/api/v1/evaluator/assignments/${assignmentId}/ratings`, {
        session: evaluator.session,
        body,
      });
    const cases: Array<[unknown, string]> = [
      [
        { ratings: [{ competencyId: ids[0], rating: 'excellent', comment: 'x' }] },
        'choose Met, Partially met or Not met',
      ],
      [
        { ratings: [{ competencyId: 'TECH-1', rating: 'met', comment: 'x' }] },
        'is not rated by you in this round',
      ],
      [
        { ratings: [{ competencyId: ids[0], comment: 'A comment without a rating' }] },
        'choose a rating so your comment can be saved',
      ],
      [
        { ratings: [{ competencyId: ids[0], rating: 'met', comment: 'x'.repeat(4001) }] },
        'use 4,000 or fewer',
      ],
      [
        {
          ratings: [
            { competencyId: ids[0], rating: 'met', comment: 'a' },
            { competencyId: ids[0], rating: 'partial', comment: 'b' },
          ],
        },
        'rated twice in one request',
      ],
      [{ ratings: 'met' }, 'Give the ratings as a list'],
    ];
    for (const [body, message] of cases) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toContain(message);
    }
    const view = (
      await api(t, 'GET', `/api/v1/evaluator/assignments/${assignmentId}`, { session: evaluator.session })
    ).json();
    expect(view.competencies.every((c: { mine: unknown }) => c.mine === null)).toBe(true);
    // The page keeps what was typed and shows the message at the field.
    const page = await postForm(
      t,
      `/evaluator/assignments/${assignmentId}`,
      { action: 'save', [`comment_${ids[2]}`]: 'Typed but not rated' },
      evaluator.session,
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Typed but not rated');
    expect(page.body).toContain(`href="#f-rating_${ids[2]}"`);
  });

  it('shows an assignment only to its evaluator, and refuses everyone else', async () => {
    const rated = await assignedPortfolio(t, staff);
    const { evaluator, assignmentId } = await rated.at(1);
    const other = await rated.at(2);
    const url = `/api/v1/evaluator/assignments/${assignmentId}`;
    expect((await api(t, 'GET', url, { session: other.evaluator.session })).statusCode).toBe(404);
    expect(
      (await api(t, 'GET', '/api/v1/evaluator/assignments/not-a-uuid', { session: evaluator.session }))
        .statusCode,
    ).toBe(404);
    expect((await get(t, `/evaluator/assignments/${assignmentId}`, other.evaluator.session)).statusCode).toBe(
      404,
    );
    expect(
      (await submitRatings(t, other.evaluator, assignmentId, ratingsOf(ids, 'MMMMMMMMMM'))).statusCode,
    ).toBe(404);
    expect((await api(t, 'GET', url, { session: staff })).statusCode).toBe(403);
    const candidate = await signedInAs(t, ['candidate']);
    expect((await api(t, 'GET', url, { session: candidate })).statusCode).toBe(403);
    expect((await api(t, 'GET', url)).statusCode).toBe(401);
    const page = await get(t, `/evaluator/assignments/${assignmentId}`);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toContain('/sign-in');
    // No CSRF token, no change.
    const noCsrf = await postForm(
      t,
      `/evaluator/assignments/${assignmentId}`,
      { action: 'save', [`rating_${ids[0]}`]: 'met' },
      evaluator.session,
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    // Once staff give it to someone else, it is no longer theirs.
    const reassign = await api(
      t,
      'POST',
      `/api/v1/staff/portfolios/${rated.portfolio.id}/assignments/${assignmentId}/reassign`,
      {
        session: staff,
        body: {
          evaluatorId: rated.pool.find(
            (e) => e.user.id !== evaluator.user.id && e.user.id !== other.evaluator.user.id,
          )!.user.id,
        },
      },
    );
    expect(reassign.statusCode, reassign.body).toBe(200);
    expect((await api(t, 'GET', url, { session: evaluator.session })).statusCode).toBe(404);
  });

  it('lets only one of two simultaneous submissions of the same ratings through', async () => {
    const rated = await assignedPortfolio(t, staff);
    const { evaluator, assignmentId } = await rated.at(1);
    const body = ratingsOf(ids, 'MMMMMMMMMM');
    const results = await Promise.all([
      submitRatings(t, evaluator, assignmentId, body),
      submitRatings(t, evaluator, assignmentId, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('gives paid portfolios their evaluators in the hourly sweep, once', async () => {
    await emptyPool(t);
    const pair = [
      await portfolioEvaluator(t, { setIds: [TEN_SET] }),
      await portfolioEvaluator(t, { setIds: [TEN_SET] }),
    ];
    const paid = await submittedPortfolio(t, { setId: TEN_SET });
    const first = await runSweeps(systemCtx(t.services, 'test:sweeps'));
    expect(first['portfolio-assignment']).toEqual({ assigned: 1, unassigned: 0 });
    expect((await statusOf(t, paid.id)).status).toBe('in_evaluation');
    const rows = await assignmentsOf(t, [paid.id]);
    expect(rows.map((r) => r.evaluatorId).sort()).toEqual(pair.map((e) => e.user.id).sort());
    expect(rows.every((r) => r.assignedBy === null)).toBe(true);
    const second = await runSweeps(systemCtx(t.services, 'test:sweeps'));
    expect(second['portfolio-assignment']).toEqual({ assigned: 0, unassigned: 0 });
  });

  describe('the resubmission round', () => {
    /** More information on the first two competencies (decision 0008, fifth example), then resubmitted. */
    async function resubmitted() {
      const rated = await assignedPortfolio(t, staff);
      await rateAs(t, rated, 1, 'NMMMMMMMMP');
      expect(await rateAs(t, rated, 2, 'MNMMMMMMMM')).toEqual({
        state: 'decided',
        outcome: 'more_information',
      });
      const candidate = await sessionOf(t, rated.portfolio.candidate);
      for (const competencyId of ids.slice(0, 2)) {
        const added = await api(
          t,
          'POST',
          `/api/v1/portfolios/${rated.portfolio.id}/competencies/${competencyId}/evidence`,
          {
            session: candidate,
            body: {
              kind: 'text',
              role: 'primary',
              title: 'New evidence',
              explanation: 'Shows it.',
              body: 'What I did.',
            },
          },
        );
        expect(added.statusCode, added.body).toBe(201);
      }
      const res = await api(t, 'POST', `/api/v1/portfolios/${rated.portfolio.id}/resubmit`, {
        session: candidate,
      });
      expect(res.statusCode, res.body).toBe(200);
      return rated;
    }

    it('has the same evaluators rate only the reopened competencies; their other ratings stand', async () => {
      const rated = await resubmitted();
      const one = await rated.at(1, 2);
      expect(one.evaluator.user.id).toBe((await rated.at(1, 1)).evaluator.user.id);
      const view = (
        await api(t, 'GET', `/api/v1/evaluator/assignments/${one.assignmentId}`, {
          session: one.evaluator.session,
        })
      ).json();
      expect(
        view.competencies.filter((c: { rateNow: boolean }) => c.rateNow).map((c: { id: string }) => c.id),
      ).toEqual(ids.slice(0, 2));
      expect(view.competencies[9]).toMatchObject({ rateNow: false, earlier: { rating: 'partial' } });
      // A competency that stayed locked cannot be rated again.
      const locked = await submitRatings(t, one.evaluator, one.assignmentId, {
        ratings: [{ competencyId: ids[9], rating: 'met', comment: 'Changed my mind.' }],
      });
      expect(locked.statusCode).toBe(400);
      expect(locked.body).toContain('is not rated by you in this round');
      // C1 met + partial, C2 partial + met: met by the table; C10 keeps evaluator 1's partial (within 30%).
      expect(await rateAs(t, rated, 1, { [ids[0]!]: 'M', [ids[1]!]: 'P' }, 2)).toEqual({
        state: 'waiting',
        outcome: null,
      });
      expect(await rateAs(t, rated, 2, { [ids[0]!]: 'P', [ids[1]!]: 'M' }, 2)).toEqual({
        state: 'decided',
        outcome: 'approved',
      });
      const decisions = await decisionOf(rated.portfolio.id);
      expect(decisions.map((d) => [d.round, d.outcome])).toEqual([
        [1, 'more_information'],
        [2, 'approved'],
      ]);
      expect((await statusOf(t, rated.portfolio.id)).status).toBe('approved');
    });

    it('ends in not satisfactory, not another round, when the reopened competencies are still not met', async () => {
      const rated = await resubmitted();
      await rateAs(t, rated, 1, { [ids[0]!]: 'N', [ids[1]!]: 'M' }, 2);
      expect(await rateAs(t, rated, 2, { [ids[0]!]: 'N', [ids[1]!]: 'M' }, 2)).toEqual({
        state: 'decided',
        outcome: 'not_satisfactory',
      });
      expect((await statusOf(t, rated.portfolio.id)).status).toBe('not_satisfactory');
    });
  });
});
