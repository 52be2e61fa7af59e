import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignBatch,
  compareByLoad,
  ineligibility,
  type PoolEvaluator,
  type PortfolioToAssign,
} from '../../src/modules/portfolios/rules/assignment.js';
import {
  candidateKeys,
  conflictBetween,
  evaluatorConflictKeys,
} from '../../src/modules/portfolios/rules/conflicts.js';

// Property tests of the assignment rule; the worked examples are in portfolio-assignment.test.ts.

const today = '2026-11-28';
const sets = ['foundations', 'technology', 'youth-services'];
const libraries = [
  'Springfield Public Library',
  'Shelbyville Library',
  'Ogdenville Library',
  'Capital City Library',
];

const evaluatorArb = (id: string): fc.Arbitrary<PoolEvaluator> =>
  fc
    .record({
      active: fc.oneof(
        { arbitrary: fc.constant(true), weight: 6 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      trainedOn: fc.constantFrom<string | null>('2026-01-01', '2026-11-28', '2026-12-01', null),
      setIds: fc.subarray(sets, { minLength: 1 }),
      capacity: fc.integer({ min: 1, max: 6 }),
      load: fc.integer({ min: 0, max: 6 }),
      total: fc.integer({ min: 0, max: 20 }),
      employer: fc.option(fc.constantFrom(...libraries), { nil: null }),
      declaredLibrary: fc.option(fc.constantFrom(...libraries.map((l) => l.toUpperCase())), { nil: null }),
      declaredPerson: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    })
    .map((r) => ({
      id,
      active: r.active,
      trainedOn: r.trainedOn,
      setIds: r.setIds,
      capacity: r.capacity,
      load: r.load,
      total: Math.max(r.total, r.load),
      conflicts: evaluatorConflictKeys({
        employer: r.employer,
        declared: [
          ...(r.declaredLibrary ? [{ kind: 'library' as const, value: r.declaredLibrary }] : []),
          ...(r.declaredPerson !== null
            ? [{ kind: 'person' as const, value: `candidate${r.declaredPerson}@example.org` }]
            : []),
        ],
      }),
    }));

const poolArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => evaluatorArb(`e${String(i).padStart(2, '0')}`))),
  );

const portfoliosArb = fc
  .array(
    fc.record({
      setId: fc.constantFrom(...sets),
      employer: fc.constantFrom(...libraries, 'Elsewhere Library'),
      who: fc.integer({ min: 0, max: 9 }),
    }),
    { maxLength: 25 },
  )
  .map((ps) =>
    ps.map(
      (p, i): PortfolioToAssign => ({
        id: `p${String(i).padStart(2, '0')}`,
        setId: p.setId,
        candidate: candidateKeys({
          email: `candidate${p.who}@example.org`,
          displayName: `Candidate ${p.who}`,
          names: [],
          employers: [p.employer],
          libraries: [],
        }),
        positions: [1, 2],
      }),
    ),
  );

describe('portfolio assignment properties', () => {
  it('never assigns a conflicted, unqualified, inactive, untrained or over-capacity evaluator; always two distinct', () => {
    fc.assert(
      fc.property(poolArb, portfoliosArb, (pool, portfolios) => {
        const r = assignBatch(pool, portfolios, today);
        const byId = new Map(pool.map((e) => [e.id, e]));
        const loads = new Map(pool.map((e) => [e.id, e.load]));
        const byPortfolio = new Map<string, string[]>();
        for (const a of r.assignments) {
          const e = byId.get(a.evaluatorId)!;
          const p = portfolios.find((x) => x.id === a.portfolioId)!;
          expect(e.active).toBe(true);
          expect(e.trainedOn !== null && e.trainedOn <= today).toBe(true);
          expect(e.setIds).toContain(p.setId);
          expect(conflictBetween(e.conflicts, p.candidate)).toBe(null);
          // Counted in order: the load before this assignment was under capacity.
          expect(loads.get(e.id)!).toBeLessThan(e.capacity);
          loads.set(e.id, loads.get(e.id)! + 1);
          byPortfolio.set(a.portfolioId, [...(byPortfolio.get(a.portfolioId) ?? []), a.evaluatorId]);
        }
        for (const [, evaluators] of byPortfolio) {
          expect(evaluators).toHaveLength(2);
          expect(new Set(evaluators).size).toBe(2);
        }
        // Every portfolio is either assigned in full or reported, never both.
        const reported = new Set(r.unassigned.map((u) => u.portfolioId));
        for (const p of portfolios) expect(byPortfolio.has(p.id) !== reported.has(p.id)).toBe(true);
        for (const u of r.unassigned) expect(u.shortfall.eligible).toBeLessThan(2);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same inputs give the same choices', () => {
    fc.assert(
      fc.property(poolArb, portfoliosArb, (pool, portfolios) => {
        expect(assignBatch(pool, portfolios, today)).toEqual(assignBatch(pool, portfolios, today));
        // The order of the pool does not matter either.
        const reversed = assignBatch([...pool].reverse(), portfolios, today);
        expect(reversed.assignments).toEqual(assignBatch(pool, portfolios, today).assignments);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps loads balanced: in a plain pool, load ratios differ by at most one portfolio’s share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 15 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 60 }),
        (evaluators, capacity, count) => {
          const pool = Array.from({ length: evaluators }, (_, i) => ({
            id: `e${String(i).padStart(2, '0')}`,
            active: true,
            trainedOn: '2026-01-01',
            setIds: ['technology'],
            capacity,
            load: 0,
            total: 0,
            conflicts: evaluatorConflictKeys({ employer: null, declared: [] }),
          }));
          const portfolios = Array.from({ length: count }, (_, i) => ({
            id: `p${i}`,
            setId: 'technology',
            candidate: candidateKeys({
              email: `c${i}@x.org`,
              displayName: null,
              names: [],
              employers: [],
              libraries: [],
            }),
            positions: [1, 2],
          }));
          const r = assignBatch(pool, portfolios, today);
          const ratios = [...r.loads.values()].map((l) => l.load / capacity);
          expect(Math.max(...ratios) - Math.min(...ratios)).toBeLessThanOrEqual(1 / capacity + 1e-9);
          // Everything fits until the pool is full: 2 per portfolio, capacity per evaluator.
          const fits = Math.min(count, Math.floor((evaluators * capacity) / 2));
          expect(r.assignments.length).toBeGreaterThanOrEqual(2 * Math.min(fits, count) - 2);
        },
      ),
    );
  });

  it('each portfolio gets the least loaded eligible evaluators at its turn (by ratio, then total, then id)', () => {
    fc.assert(
      fc.property(poolArb, portfoliosArb, (pool, portfolios) => {
        const r = assignBatch(pool, portfolios, today);
        const loads = new Map(pool.map((e) => [e.id, { load: e.load, total: e.total }]));
        for (const p of portfolios) {
          const ranked = pool
            .filter((e) => ineligibility(e, p, today, loads.get(e.id)!.load) === null)
            .map((e) => ({ ...e, ...loads.get(e.id)! }))
            .sort(compareByLoad);
          const chosen = r.assignments.filter((a) => a.portfolioId === p.id).map((a) => a.evaluatorId);
          if (ranked.length < 2) {
            expect(chosen).toEqual([]);
            continue;
          }
          expect(chosen).toEqual(ranked.slice(0, 2).map((e) => e.id));
          for (const id of chosen) {
            const l = loads.get(id)!;
            loads.set(id, { load: l.load + 1, total: l.total + 1 });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
