import { expect } from 'vitest';
import { findSet } from '../../src/modules/policy/framework.js';
import { findActiveFramework } from '../../src/modules/policy/repository.js';
import { api, type TestSession } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';
import {
  assignmentsOf,
  emptyPool,
  type MadeEvaluator,
  type MadePortfolio,
  portfolioEvaluator,
  submittedPortfolio,
} from './portfolio-assignment-support.js';

/** Ten competencies, like the worked examples in decision 0008. */
export const TEN_SET = 'collection-management';

export interface RatedPortfolio {
  portfolio: MadePortfolio;
  /** Everyone in the pool for the set: the first two assigned, the rest free to be a third. */
  pool: MadeEvaluator[];
  /** The evaluator at position 1, 2 (and 3 once asked) with their assignment id. */
  at: (position: number, round?: number) => Promise<{ evaluator: MadeEvaluator; assignmentId: string }>;
}

/**
 * A paid portfolio of ten competencies assigned by staff through the API to two of three evaluators
 * (the pool is emptied first so these are the only ones qualified).
 */
export async function assignedPortfolio(
  t: TestApp,
  staff: TestSession,
  o: { poolSize?: number; givenName?: string; familyName?: string; employer?: string } = {},
): Promise<RatedPortfolio> {
  await emptyPool(t);
  const pool: MadeEvaluator[] = [];
  for (let i = 0; i < (o.poolSize ?? 3); i++) pool.push(await portfolioEvaluator(t, { setIds: [TEN_SET] }));
  const portfolio = await submittedPortfolio(t, { setId: TEN_SET, ...o });
  const res = await api(t, 'POST', `/api/v1/staff/portfolios/${portfolio.id}/assignments`, {
    session: staff,
    body: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  const at = async (position: number, round = 1) => {
    const row = (await assignmentsOf(t, [portfolio.id])).find(
      (a) => a.position === position && a.round === round && !a.replacedAt,
    );
    if (!row) throw new Error(`No assignment at position ${position} in round ${round}`);
    return { evaluator: pool.find((e) => e.user.id === row.evaluatorId)!, assignmentId: row.id };
  };
  return { portfolio, pool, at };
}

export async function competencyIds(t: TestApp, setId = TEN_SET): Promise<string[]> {
  const framework = (await findActiveFramework(t.services.db))!;
  return findSet(framework.framework, setId)!.competencies.map((c) => c.id);
}

const letters: Record<string, string> = { M: 'met', P: 'partial', N: 'not_met' };

/** Ratings from a pattern like "MMMMMMMPPP" (M met, P partial, N not met), in the set's order. */
export function ratingsOf(ids: readonly string[], pattern: string, comment = 'Seen in the evidence.') {
  return {
    ratings: [...pattern].map((ch, i) => ({ competencyId: ids[i]!, rating: letters[ch]!, comment })),
  };
}

/** Submit through the API; returns the response (status checked by the caller). */
export async function submitRatings(t: TestApp, who: MadeEvaluator, assignmentId: string, body: unknown) {
  return api(t, 'POST', `/api/v1/evaluator/assignments/${assignmentId}/submit`, {
    session: who.session,
    body,
  });
}

/**
 * Rate and expect it accepted: a pattern for the whole set ("MMMMMMMPPP"), or, for a resubmission,
 * the reopened competencies only ({ "COL-1": "M" }). Returns the round's state.
 */
export async function rateAs(
  t: TestApp,
  rated: RatedPortfolio,
  position: number,
  given: string | Record<string, string>,
  round = 1,
): Promise<{ state: string; outcome: string | null }> {
  const { evaluator, assignmentId } = await rated.at(position, round);
  const body =
    typeof given === 'string'
      ? ratingsOf(await competencyIds(t), given)
      : {
          ratings: Object.entries(given).map(([competencyId, ch]) => ({
            competencyId,
            rating: letters[ch]!,
            comment: 'Seen in the resubmitted evidence.',
          })),
        };
  const res = await submitRatings(t, evaluator, assignmentId, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
