import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { findActivePolicy } from '../../src/modules/policy/repository.js';
import { insertDecision } from '../../src/modules/portfolios/rating-repository.js';
import {
  type CompetencyRatings,
  portfolioOutcome,
  type Rating,
  ratingsForResubmission,
} from '../../src/modules/portfolios/rules/outcome.js';
import { portfolioAssignments, portfolioRatings, portfolios } from '../../src/modules/portfolios/schema.js';
import { systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { portfolioEvaluator } from '../http/portfolio-assignment-support.js';
import {
  admittedCandidate,
  CAT,
  completePortfolio,
  type PortfolioCandidate,
  payPortfolio,
  setInfo,
  startPortfolio,
} from './portfolio-factories.js';
import { api, type TestSession } from './sessions.js';
import type { UserRef } from './staff-factories.js';
import type { TestApp } from './test-app.js';

/**
 * Portfolios with a decided round, for the candidate's outcome pages and the resubmission. The
 * candidate, the portfolio, its submission, the card payment and the evaluators' assignment all go
 * through the real use cases (over HTTP). The rating pages and the code that decides a round are
 * being built alongside, so `decideRound` writes what that code writes when the last rating needed
 * is in: each evaluator's submitted ratings (portfolio_ratings, assignment.submittedAt), one
 * portfolio_decisions row (outcome, decidedBy and flagged from the real rules in rules/outcome.ts),
 * and the portfolio's status = outcome, decidedAt and, for "more information", unlockedCompetencyIds
 * = flagged; for "approved" the set achievement. It sends no mail (the decision code's mail is not
 * what these tests are about). Replace it with the real rating calls once they land.
 */

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

export interface SlotHolder {
  position: number;
  assignmentId: string;
  user: UserRef;
}

export interface AssignedPortfolio {
  id: string;
  number: string;
  setId: string;
  competencyIds: string[];
  candidate: PortfolioCandidate;
  /** The current round's evaluators by position (1 and 2). */
  evaluators: SlotHolder[];
}

/**
 * An admitted candidate's complete portfolio, submitted, paid by card and given two evaluators by
 * staff (two fresh evaluators for the set are added to the pool first, so it can always be taken).
 */
export async function assignedPortfolio(
  t: TestApp,
  staff: TestSession,
  o: { setId?: string } = {},
): Promise<AssignedPortfolio> {
  const setId = o.setId ?? CAT;
  await portfolioEvaluator(t, { setIds: [setId], capacity: 100 });
  await portfolioEvaluator(t, { setIds: [setId], capacity: 100 });
  const candidate = await admittedCandidate(t);
  const id = await startPortfolio(t, candidate.session, setId);
  await completePortfolio(t, candidate.session, id, setId);
  const submitted = await ok(
    api(t, 'POST', `/api/v1/portfolios/${id}/submit`, { session: candidate.session }),
  );
  await payPortfolio(t, candidate.session, id);
  await ok(api(t, 'POST', `/api/v1/staff/portfolios/${id}/assignments`, { session: staff, body: {} }));
  const made = {
    id,
    number: submitted.json().number as string,
    setId,
    competencyIds: (await setInfo(t, setId)).competencyIds,
    candidate,
    evaluators: [] as SlotHolder[],
  };
  made.evaluators = await currentEvaluators(t, made.id);
  return made;
}

/** The live (not replaced) slots of the portfolio's current round, by position. */
export async function currentEvaluators(t: TestApp, portfolioId: string): Promise<SlotHolder[]> {
  const db = t.services.db;
  const [p] = await db.select().from(portfolios).where(eq(portfolios.id, portfolioId));
  const rows = await db
    .select({ a: portfolioAssignments, u: users })
    .from(portfolioAssignments)
    .innerJoin(users, eq(users.id, portfolioAssignments.evaluatorId))
    .where(
      and(
        eq(portfolioAssignments.portfolioId, portfolioId),
        eq(portfolioAssignments.round, p!.round),
        isNull(portfolioAssignments.replacedAt),
      ),
    );
  return rows
    .map(({ a, u }) => ({
      position: a.position,
      assignmentId: a.id,
      user: { id: u.id, email: u.email, displayName: u.displayName },
    }))
    .sort((x, y) => x.position - y.position);
}

/** A whole set rated one way, with some competencies (by index) rated another. */
export function ratingsOf(
  competencyIds: readonly string[],
  base: Rating,
  except: Record<number, Rating> = {},
): CompetencyRatings {
  return Object.fromEntries(competencyIds.map((id, i) => [id, except[i] ?? base]));
}

/** The comment written for a rating: unique, so a test can look for it on the candidate's pages. */
export const commentFor = (round: number, position: number, competencyId: string) =>
  `Round ${round} slot ${position} on ${competencyId}: the evidence was read with care.`;

export interface DecideInput {
  /** Ratings by position (1, 2 and, when the first two disagree, 3). In round 2, only the reopened competencies. */
  ratings: Record<number, CompetencyRatings>;
}

/**
 * Submit the current round's ratings and record its decision, as the decision code will. In round 2
 * each evaluator's other competencies keep their round-1 ratings (rules' ratingsForResubmission).
 * A third evaluator (position 3) is assigned through the real staff call before rating.
 */
export async function decideRound(t: TestApp, staff: TestSession, p: AssignedPortfolio, input: DecideInput) {
  const db = t.services.db;
  const now = t.clock.now();
  const [portfolio] = await db.select().from(portfolios).where(eq(portfolios.id, p.id));
  const round = portfolio!.round;
  const submit = async (position: number) => {
    const slot = (await currentEvaluators(t, p.id)).find((s) => s.position === position)!;
    const given = input.ratings[position]!;
    await db.insert(portfolioRatings).values(
      Object.entries(given).map(([competencyId, rating]) => ({
        assignmentId: slot.assignmentId,
        competencyId,
        rating,
        comment: commentFor(round, position, competencyId),
        updatedAt: now,
      })),
    );
    await db
      .update(portfolioAssignments)
      .set({ submittedAt: now })
      .where(eq(portfolioAssignments.id, slot.assignmentId));
  };
  await submit(1);
  await submit(2);
  if (input.ratings[3]) {
    await ok(
      api(t, 'POST', `/api/v1/staff/portfolios/${p.id}/assignments`, {
        session: staff,
        body: { third: true },
      }),
    );
    await submit(3);
  }
  const previous = round > 1 ? await standingRatings(t, p.id, round - 1) : {};
  const reopened = portfolio!.unlockedCompetencyIds ?? [];
  const byEvaluator = Object.keys(input.ratings)
    .map(Number)
    .sort((a, b) => a - b)
    .map((position) => {
      const given = input.ratings[position]!;
      const before = previous[position];
      // A replacement (or third) evaluator rates everything; the same evaluator only what reopened.
      return before && Object.keys(given).length < p.competencyIds.length
        ? ratingsForResubmission(before, given, reopened)
        : given;
    });
  const policy = (await findActivePolicy(db))!.policy;
  const result = portfolioOutcome({ ratingsByEvaluator: byEvaluator, round, policy });
  if (result.outcome === 'needs_third_evaluator') throw new Error('These ratings need a third evaluator');
  const outcome = result.outcome;
  await transact(systemCtx(t.services, 'test-decision'), async (w) => {
    await insertDecision(w.tx, {
      id: uuidv7(now.getTime()),
      portfolioId: p.id,
      round,
      setId: p.setId,
      outcome,
      decidedBy: result.decidedBy,
      flagged: result.flagged,
      decidedAt: now,
    });
    await w.tx
      .update(portfolios)
      .set({
        status: outcome,
        decidedAt: now,
        updatedAt: now,
        ...(outcome === 'more_information' ? { unlockedCompetencyIds: result.flagged } : {}),
      })
      .where(eq(portfolios.id, p.id));
    if (outcome === 'approved')
      await w.tx.insert(setAchievements).values({
        id: uuidv7(now.getTime()),
        candidateId: p.candidate.user.id,
        setId: p.setId,
        how: 'portfolio',
        achievedOn: t.clock.today(),
        sourceRef: p.number,
        createdAt: now,
      });
    await w.audit({
      action: 'portfolio.decided',
      subjectType: 'portfolio',
      subjectId: p.id,
      before: { status: portfolio!.status },
      after: { status: outcome, round, decidedBy: result.decidedBy, flagged: result.flagged },
    });
  });
  return { outcome, flagged: result.flagged };
}

/** Each position's ratings of a decided round, as they then stood. */
async function standingRatings(t: TestApp, portfolioId: string, round: number) {
  const rows = await t.services.db
    .select({ position: portfolioAssignments.position, r: portfolioRatings })
    .from(portfolioRatings)
    .innerJoin(portfolioAssignments, eq(portfolioAssignments.id, portfolioRatings.assignmentId))
    .where(
      and(
        eq(portfolioAssignments.portfolioId, portfolioId),
        inArray(portfolioAssignments.round, [round]),
        isNull(portfolioAssignments.replacedAt),
      ),
    );
  const out: Record<number, Record<string, Rating>> = {};
  for (const { position, r } of rows) out[position] = { ...out[position], [r.competencyId]: r.rating };
  return out;
}

/** The ratings that give each outcome on an 8-competency set (decision 0008's rules). */
export function ratingsFor(
  outcome: 'approved' | 'more_information' | 'not_satisfactory',
  ids: readonly string[],
): Record<number, CompetencyRatings> {
  if (outcome === 'approved') return { 1: ratingsOf(ids, 'met'), 2: ratingsOf(ids, 'met', { 7: 'partial' }) };
  if (outcome === 'more_information')
    // One not met each (the 1st, the 5th) and partial + partial on the 3rd: both recommend more
    // information, and the table flags all three.
    return {
      1: ratingsOf(ids, 'met', { 0: 'not_met', 2: 'partial' }),
      2: ratingsOf(ids, 'met', { 2: 'partial', 4: 'not_met' }),
    };
  const mostlyNotMet = { 0: 'not_met', 1: 'not_met', 2: 'not_met', 3: 'not_met', 4: 'not_met' } as const;
  return { 1: ratingsOf(ids, 'met', mostlyNotMet), 2: ratingsOf(ids, 'partial', mostlyNotMet) };
}

/** A portfolio whose first round is decided with the given outcome. */
export async function decidedPortfolio(
  t: TestApp,
  staff: TestSession,
  outcome: 'approved' | 'more_information' | 'not_satisfactory',
  o: { setId?: string } = {},
) {
  const p = await assignedPortfolio(t, staff, o);
  const decided = await decideRound(t, staff, p, { ratings: ratingsFor(outcome, p.competencyIds) });
  expect(decided.outcome).toBe(outcome);
  return { ...p, flagged: decided.flagged };
}
