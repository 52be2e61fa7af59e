import { describe, expect, it } from 'vitest';
import {
  assessPortfolio,
  assignBatch,
  compareByLoad,
  explainShortfall,
  type PoolEvaluator,
  type PortfolioToAssign,
  rankEligible,
} from '../../src/modules/portfolios/rules/assignment.js';
import { candidateKeys, evaluatorConflictKeys } from '../../src/modules/portfolios/rules/conflicts.js';

const today = '2026-11-28';

function evaluator(
  id: string,
  o: Partial<Omit<PoolEvaluator, 'conflicts'>> & {
    employer?: string;
    declared?: Array<{ kind: 'library' | 'person'; value: string }>;
  } = {},
): PoolEvaluator {
  const { employer = null, declared = [], ...rest } = o;
  return {
    id,
    active: true,
    trainedOn: '2026-01-10',
    setIds: ['technology'],
    capacity: 10,
    load: 0,
    total: 0,
    conflicts: evaluatorConflictKeys({ employer, declared }),
    ...rest,
  };
}

function portfolio(
  id: string,
  o: Partial<PortfolioToAssign> & { employer?: string; email?: string } = {},
): PortfolioToAssign {
  const { employer = 'Springfield Public Library', email = `${id}@example.org`, ...rest } = o;
  return {
    id,
    setId: 'technology',
    candidate: candidateKeys({
      email,
      displayName: `Candidate ${id}`,
      names: [],
      employers: [employer],
      libraries: [],
    }),
    positions: [1, 2],
    ...rest,
  };
}

describe('assignBatch', () => {
  it('gives each portfolio two distinct evaluators, least loaded first', () => {
    const pool = [evaluator('a', { load: 3 }), evaluator('b', { load: 1 }), evaluator('c', { load: 0 })];
    const r = assignBatch(pool, [portfolio('p1')], today);
    expect(r.assignments).toEqual([
      { portfolioId: 'p1', evaluatorId: 'c', position: 1 },
      { portfolioId: 'p1', evaluatorId: 'b', position: 2 },
    ]);
    expect(r.unassigned).toEqual([]);
    expect(r.loads.get('c')).toEqual({ load: 1, total: 1 });
  });

  it('balances by load against capacity, then by fewest ever, then by id', () => {
    // 4 of 20 (20%) goes before 1 of 2 (50%).
    const pool = [evaluator('small', { load: 1, capacity: 2 }), evaluator('big', { load: 4, capacity: 20 })];
    expect(rankEligible(pool, portfolio('p'), today).map((e) => e.id)).toEqual(['big', 'small']);
    const tie = [evaluator('x', { total: 9 }), evaluator('y', { total: 2 }), evaluator('w', { total: 2 })];
    expect(rankEligible(tie, portfolio('p'), today).map((e) => e.id)).toEqual(['w', 'y', 'x']);
    expect(compareByLoad(tie[1]!, tie[1]!)).toBe(0);
  });

  it('counts each choice before the next portfolio, so a batch spreads the work', () => {
    const pool = ['a', 'b', 'c', 'd'].map((id) => evaluator(id));
    const r = assignBatch(
      pool,
      ['p1', 'p2', 'p3', 'p4'].map((id) => portfolio(id)),
      today,
    );
    const counts = [...r.loads.values()].map((l) => l.load);
    expect(counts).toEqual([2, 2, 2, 2]);
  });

  it('never picks an inactive, untrained, unqualified, over-capacity or conflicted evaluator', () => {
    const pool = [
      evaluator('inactive', { active: false }),
      evaluator('untrained', { trainedOn: null }),
      evaluator('trains-tomorrow', { trainedOn: '2026-11-29' }),
      evaluator('other-set', { setIds: ['youth-services'] }),
      evaluator('full', { load: 10, capacity: 10 }),
      evaluator('colleague', { employer: 'springfield public library' }),
      evaluator('declared', { declared: [{ kind: 'library', value: 'The Springfield Public Library' }] }),
      evaluator('knows', { declared: [{ kind: 'person', value: 'P1@example.org' }] }),
      evaluator('ok1', { load: 5 }),
      evaluator('ok2', { load: 6 }),
    ];
    const r = assignBatch(pool, [portfolio('p1')], today);
    expect(r.assignments.map((a) => a.evaluatorId)).toEqual(['ok1', 'ok2']);
  });

  it('reports a portfolio it cannot fill in full and assigns nobody to it', () => {
    const pool = [
      evaluator('ok'),
      evaluator('colleague', { employer: 'Springfield Public Library' }),
      evaluator('full', { load: 1, capacity: 1 }),
      evaluator('inactive', { active: false }),
    ];
    const r = assignBatch(pool, [portfolio('p1'), portfolio('p2', { employer: 'Elsewhere' })], today);
    expect(r.assignments.map((a) => [a.portfolioId, a.evaluatorId])).toEqual([
      ['p2', 'colleague'],
      ['p2', 'ok'],
    ]);
    expect(r.unassigned).toEqual([
      {
        portfolioId: 'p1',
        shortfall: { needed: 2, eligible: 1, qualified: 3, conflicted: 1, atCapacity: 1, alreadyOn: 0 },
      },
    ]);
    expect(explainShortfall(r.unassigned[0]!.shortfall)).toBe(
      '2 evaluators are needed but only 1 can take it: 3 evaluators are qualified for the set, 1 has a conflict, 1 is at capacity.',
    );
  });

  it('explains an empty pool for the set', () => {
    const r = assignBatch([evaluator('a', { setIds: ['youth-services'] })], [portfolio('p1')], today);
    expect(explainShortfall(r.unassigned[0]!.shortfall)).toContain(
      'No active, trained evaluator is qualified',
    );
  });

  it('round 2 keeps the earlier evaluators in their slots while they are still eligible', () => {
    const pool = [
      evaluator('new', { load: 0 }),
      evaluator('first', { load: 8 }),
      evaluator('second', { load: 9 }),
    ];
    const r = assignBatch(pool, [portfolio('p', { prefer: { 1: 'second', 2: 'first' } })], today);
    expect(r.assignments).toEqual([
      { portfolioId: 'p', evaluatorId: 'second', position: 1 },
      { portfolioId: 'p', evaluatorId: 'first', position: 2 },
    ]);
    // One has since declared a conflict: the slot goes to the least loaded eligible evaluator.
    const changed = [...pool];
    changed[2] = evaluator('second', { load: 9, employer: 'Springfield Public Library' });
    const r2 = assignBatch(changed, [portfolio('p', { prefer: { 1: 'second', 2: 'first' } })], today);
    expect(r2.assignments).toEqual([
      { portfolioId: 'p', evaluatorId: 'new', position: 1 },
      { portfolioId: 'p', evaluatorId: 'first', position: 2 },
    ]);
  });

  it('a third evaluator differs from the first two', () => {
    const pool = [evaluator('a'), evaluator('b'), evaluator('c', { load: 7 })];
    const third = portfolio('p', { positions: [3], exclude: ['a', 'b'] });
    expect(assignBatch(pool, [third], today).assignments).toEqual([
      { portfolioId: 'p', evaluatorId: 'c', position: 3 },
    ]);
    const none = assignBatch(pool.slice(0, 2), [third], today);
    expect(none.unassigned[0]!.shortfall).toMatchObject({ needed: 1, eligible: 0, alreadyOn: 2 });
    expect(explainShortfall(none.unassigned[0]!.shortfall)).toBe(
      '1 evaluator is needed but only 0 can take it: 2 evaluators are qualified for the set, 2 already evaluate it.',
    );
  });

  it('assessPortfolio judges one portfolio against current loads', () => {
    const pool = [evaluator('a'), evaluator('b', { load: 10 })];
    expect(assessPortfolio(pool, portfolio('p'), today)).toMatchObject({
      ready: false,
      shortfall: { eligible: 1, atCapacity: 1 },
    });
    expect(assessPortfolio([...pool, evaluator('c')], portfolio('p'), today).ready).toBe(true);
  });
});
