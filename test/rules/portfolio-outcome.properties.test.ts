import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/modules/policy/policy.js';
import {
  allRatings,
  type CompetencyRatings,
  compareRatings,
  type PortfolioPolicy,
  type PortfolioResult,
  portfolioOutcome,
  type Rating,
  type Recommendation,
  ratingsForResubmission,
  recommendation,
  reconcileCompetency,
} from '../../src/modules/portfolios/rules/outcome.js';

// Property tests of the portfolio rules; the worked examples are in portfolio-outcome.test.ts.

const ratingArb = fc.constantFrom(...allRatings);
// Uniform sheets rarely approve; mostly-met sheets reach the 70% / 30% edges and the approvals.
const mostlyMetArb = fc.oneof(
  { arbitrary: fc.constant<Rating>('met'), weight: 16 },
  { arbitrary: fc.constant<Rating>('partial'), weight: 3 },
  { arbitrary: fc.constant<Rating>('not_met'), weight: 1 },
);
const percentArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100),
);
const policyArb: fc.Arbitrary<PortfolioPolicy> = fc.oneof(
  fc.constant(defaultPolicy),
  fc.record({
    portfolios: fc.record({
      evaluatorsPerPortfolio: fc.constant(2),
      passMetMinPercent: percentArb,
      partialMaxPercent: percentArb,
      resubmissionsAllowed: fc.integer({ min: 0, max: 2 }),
    }),
  }),
);
const sheetArb = (n: number) =>
  fc.oneof(
    fc.array(ratingArb, { minLength: n, maxLength: n }),
    fc.array(mostlyMetArb, { minLength: n, maxLength: n }),
  );
/** Three evaluators' sheets over the same n competencies (the third is used only if needed). */
const caseArb = fc.record({ n: fc.integer({ min: 1, max: 20 }), policy: policyArb }).chain(({ n, policy }) =>
  fc.record({
    sheets: fc.tuple(sheetArb(n), sheetArb(n), sheetArb(n)),
    policy: fc.constant(policy),
    round: fc.integer({ min: 1, max: 1 + policy.portfolios.resubmissionsAllowed }),
  }),
);

const replaceAt = <T>(list: readonly T[], i: number, value: T): T[] =>
  list.map((x, j) => (j === i ? value : x));
const sheet = (ratings: readonly Rating[]): CompetencyRatings =>
  Object.fromEntries(ratings.map((rating, i) => [`C${i + 1}`, rating]));

/** The process as staff run it: the third sheet is consulted only when the rules ask for it. */
function decide(
  sheets: readonly (readonly Rating[])[],
  round: number,
  policy: PortfolioPolicy,
): PortfolioResult {
  const [a, b, c] = sheets.map(sheet);
  const two = portfolioOutcome({ ratingsByEvaluator: [a!, b!], round, policy });
  return two.outcome === 'needs_third_evaluator'
    ? portfolioOutcome({ ratingsByEvaluator: [a!, b!, c!], round, policy })
    : two;
}

const outcomeRank = { not_satisfactory: 0, more_information: 1, approved: 2, needs_third_evaluator: -1 };
const recommendationRank: Record<Recommendation, number> = {
  not_satisfactory: 0,
  more_information: 1,
  approve: 2,
};
const isFinalRound = (round: number, policy: PortfolioPolicy) =>
  round > policy.portfolios.resubmissionsAllowed;

describe('reconciling one competency', () => {
  it('is symmetric and never lowered by a better rating', () => {
    for (const a of allRatings)
      for (const b of allRatings) {
        expect(reconcileCompetency(a, b)).toBe(reconcileCompetency(b, a));
        for (const better of allRatings.filter((x) => compareRatings(x, a) > 0))
          expect(
            compareRatings(reconcileCompetency(better, b), reconcileCompetency(a, b)),
          ).toBeGreaterThanOrEqual(0);
      }
  });
});

describe('one evaluator’s recommendation', () => {
  const tallyArb = fc
    .record({ met: fc.nat(120), partial: fc.nat(120), notMet: fc.nat(120) })
    .filter((t) => t.met + t.partial + t.notMet > 0);
  const build = (t: { met: number; partial: number; notMet: number }) => [
    ...Array<Rating>(t.met).fill('met'),
    ...Array<Rating>(t.partial).fill('partial'),
    ...Array<Rating>(t.notMet).fill('not_met'),
  ];

  it('approves exactly at the policy’s edges (checked against whole-number thresholds)', () => {
    const integerPolicy = fc.record({
      portfolios: fc.record({
        evaluatorsPerPortfolio: fc.constant(2),
        passMetMinPercent: fc.integer({ min: 0, max: 100 }),
        partialMaxPercent: fc.integer({ min: 0, max: 100 }),
        resubmissionsAllowed: fc.constant(1),
      }),
    });
    fc.assert(
      fc.property(tallyArb, integerPolicy, (t, policy) => {
        const total = t.met + t.partial + t.notMet;
        // The fewest met and the most partial allowed, as whole numbers: p × total / 100 is a
        // multiple of 0.01, so rounding it up or down to a whole number cannot be thrown off.
        const minMet = Math.ceil((policy.portfolios.passMetMinPercent * total) / 100);
        const maxPartial = Math.floor((policy.portfolios.partialMaxPercent * total) / 100);
        const passes = t.notMet === 0 && t.met >= minMet && t.partial <= maxPartial;
        const expected = passes ? 'approve' : 2 * t.notMet > total ? 'not_satisfactory' : 'more_information';
        expect(recommendation(build(t), policy)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('is never lowered by a better rating', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), ({ sheets, policy, round }, at, to) => {
        const before = sheets[0]!;
        const i = at % before.length;
        const better = allRatings.filter((x) => compareRatings(x, before[i]!) > 0);
        fc.pre(better.length > 0);
        const after = replaceAt(before, i, better[to % better.length]!);
        expect(recommendationRank[recommendation(after, policy, round)]).toBeGreaterThanOrEqual(
          recommendationRank[recommendation(before, policy, round)],
        );
      }),
    );
  });
});

describe('the portfolio outcome', () => {
  it('does not depend on which of the two evaluators is first', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets: [a, b, c], policy, round }) => {
        const one = decide([a, b, c], round, policy);
        const other = decide([b, a, c], round, policy);
        expect(other.outcome).toBe(one.outcome);
        expect(other.decidedBy).toBe(one.decidedBy);
        expect(other.flagged).toEqual(one.flagged);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the competencies', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ sheets, policy, round }, shift) => {
        const n = sheets[0].length;
        const rotate = (s: readonly Rating[]) => s.map((_, i) => s[(i + shift) % n]!);
        const one = decide(sheets, round, policy);
        const rotated = decide(sheets.map(rotate), round, policy);
        expect(rotated.outcome).toBe(one.outcome);
        const original = (id: string) => `C${((Number(id.slice(1)) - 1 + shift) % n) + 1}`;
        expect(new Set(rotated.flagged.map(original))).toEqual(new Set(one.flagged));
      }),
      { numRuns: 500 },
    );
  });

  it('is never made worse by improving any rating of any evaluator', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(2), fc.nat(), fc.nat(), ({ sheets, policy, round }, who, at, to) => {
        const i = at % sheets[0].length;
        const better = allRatings.filter((x) => compareRatings(x, sheets[who]![i]!) > 0);
        fc.pre(better.length > 0);
        const improved = sheets.map((s, e) => (e === who ? replaceAt(s, i, better[to % better.length]!) : s));
        const before = decide(sheets, round, policy);
        const after = decide(improved, round, policy);
        expect(outcomeRank[after.outcome]).toBeGreaterThanOrEqual(outcomeRank[before.outcome]);
      }),
      { numRuns: 2000 },
    );
  });

  it('approves a portfolio every evaluator rated met throughout, in any round', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        const allMet = sheets[0].map((): Rating => 'met');
        const result = decide([allMet, allMet, sheets[2]], round, policy);
        expect(result).toMatchObject({ outcome: 'approved', decidedBy: 'reconciled_ratings', flagged: [] });
      }),
    );
  });

  it('approves, without a third evaluator, whenever both evaluators recommend approval', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets: [a, b], policy, round }) => {
        fc.pre(
          recommendation(a, policy, round) === 'approve' && recommendation(b, policy, round) === 'approve',
        );
        expect(decide([a, b], round, policy)).toMatchObject({
          outcome: 'approved',
          decidedBy: 'reconciled_ratings',
        });
      }),
    );
  });

  it('decides every case, and a third evaluator never takes it outside the first two recommendations', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        const result = decide(sheets, round, policy);
        expect(result.outcome).not.toBe('needs_third_evaluator');
        if (result.decidedBy === 'reconciled_ratings') return;
        const [recA, recB] = result.evaluators.map((e) => recommendationRank[e.recommendation]);
        expect(outcomeRank[result.outcome]).toBeGreaterThanOrEqual(Math.min(recA!, recB!));
        expect(outcomeRank[result.outcome]).toBeLessThanOrEqual(Math.max(recA!, recB!));
      }),
      { numRuns: 1000 },
    );
  });

  it('reopens exactly the competencies the table flags, and only for more information', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        const result = decide(sheets, round, policy);
        const flaggedByTable = result.competencies
          .filter((c) => c.needsMoreInformation)
          .map((c) => c.competencyId);
        if (result.outcome === 'more_information') {
          expect(result.flagged.length).toBeGreaterThan(0);
          expect(result.flagged).toEqual(flaggedByTable);
        } else expect(result.flagged).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('never asks for more information on the last round allowed', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        fc.pre(isFinalRound(round, policy));
        expect(decide(sheets, round, policy).outcome).not.toBe('more_information');
      }),
    );
  });

  it('approves only when at least two evaluators rated nothing not met', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        const result = decide(sheets, round, policy);
        fc.pre(result.outcome === 'approved');
        const consulted = result.decidedBy === 'third_evaluator' ? sheets : sheets.slice(0, 2);
        expect(consulted.filter((s) => !s.includes('not_met')).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
  });

  it('in the last round, a not met from either evaluator stands unless the other and a third both approve', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy, round }) => {
        fc.pre(
          isFinalRound(round, policy) && (sheets[0].includes('not_met') || sheets[1].includes('not_met')),
        );
        const result = decide(sheets, round, policy);
        if (result.outcome !== 'approved') {
          expect(result.outcome).toBe('not_satisfactory');
          return;
        }
        expect(result.decidedBy).toBe('third_evaluator');
        expect(result.evaluators.filter((e) => e.recommendation === 'approve')).toHaveLength(2);
      }),
      { numRuns: 1000 },
    );
  });

  it('approves a resubmission in which both evaluators now rate every reopened competency met', () => {
    fc.assert(
      fc.property(caseArb, ({ sheets, policy }) => {
        fc.pre(policy.portfolios.resubmissionsAllowed > 0);
        const first = decide(sheets, 1, policy);
        fc.pre(first.outcome === 'more_information');
        const nowMet = Object.fromEntries(first.flagged.map((id) => [id, 'met' as const]));
        const ratingsByEvaluator = [0, 1].map((e) =>
          ratingsForResubmission(sheet(sheets[e]!), nowMet, first.flagged),
        );
        expect(portfolioOutcome({ ratingsByEvaluator, round: 2, policy }).outcome).toBe('approved');
      }),
      { numRuns: 1000 },
    );
  });
});
