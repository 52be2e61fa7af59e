import { describe, expect, it } from 'vitest';
import { defaultPolicy, type ProgramPolicy } from '../../src/modules/policy/policy.js';
import {
  allRatings,
  type CompetencyRatings,
  needsMoreInformation,
  needsThirdEvaluator,
  type PortfolioResult,
  portfolioOutcome,
  type Rating,
  type Recommendation,
  ratingsForResubmission,
  recommendation,
  reconcileCompetency,
} from '../../src/modules/portfolios/rules/outcome.js';

// Table tests of the portfolio rules; the properties are in portfolio-outcome.properties.test.ts and
// the rules in words are docs/decisions/0008-portfolio-outcome-rules.md (its examples are below).

const letter: Record<string, Rating> = { M: 'met', P: 'partial', N: 'not_met' };
/** 'MMPN' → { C1: met, C2: met, C3: partial, C4: not_met }. */
function r(spec: string): CompetencyRatings {
  return Object.fromEntries([...spec].map((l, i) => [`C${i + 1}`, letter[l]!]));
}
const repeat = (counts: { M?: number; P?: number; N?: number }) =>
  'M'.repeat(counts.M ?? 0) + 'P'.repeat(counts.P ?? 0) + 'N'.repeat(counts.N ?? 0);

function withPortfolios(overrides: Partial<ProgramPolicy['portfolios']>): ProgramPolicy {
  return { ...defaultPolicy, portfolios: { ...defaultPolicy.portfolios, ...overrides } };
}

/** The process as staff run it: two evaluators rate; a third rates only if the rules ask for one. */
function decide(specs: string[], round = 1, policy = defaultPolicy): PortfolioResult {
  const [a, b, c] = specs.map(r);
  const first = portfolioOutcome({ ratingsByEvaluator: [a!, b!], round, policy });
  if (first.outcome !== 'needs_third_evaluator' || !c) return first;
  return portfolioOutcome({ ratingsByEvaluator: [a!, b!, c], round, policy });
}

describe('reconciling one competency (all 9 pairs)', () => {
  it.each([
    ['met', 'met', 'met'],
    ['met', 'partial', 'met'],
    ['partial', 'met', 'met'],
    ['partial', 'partial', 'partial'],
    ['met', 'not_met', 'not_met'],
    ['not_met', 'met', 'not_met'],
    ['partial', 'not_met', 'not_met'],
    ['not_met', 'partial', 'not_met'],
    ['not_met', 'not_met', 'not_met'],
  ] as const)('%s + %s → %s', (a, b, expected) => {
    expect(reconcileCompetency(a, b)).toBe(expected);
    expect(needsMoreInformation(reconcileCompetency(a, b))).toBe(expected !== 'met');
  });
});

describe('one evaluator’s recommendation at the 70% and 30% edges', () => {
  it.each([
    // 10 competencies: exactly 70% met and exactly 30% partial pass. 0.3 × 100 is 30.000000000000004
    // in floating point, which is why the rule compares integers.
    [repeat({ M: 7, P: 3 }), 'approve'],
    [repeat({ M: 6, P: 4 }), 'more_information'],
    [repeat({ M: 9, N: 1 }), 'more_information'],
    [repeat({ M: 14, P: 6 }), 'approve'],
    [repeat({ M: 13, P: 7 }), 'more_information'],
    // 8 competencies: 70% is 5.6, so 6 met (75%) is the edge; 30% is 2.4, so 2 partial is the most.
    [repeat({ M: 6, P: 2 }), 'approve'],
    [repeat({ M: 5, P: 3 }), 'more_information'],
    [repeat({ M: 7, N: 1 }), 'more_information'],
    // 16 competencies: 11.2 → 12 met (75%) at the edge; 4.8 → 4 partial at most.
    [repeat({ M: 12, P: 4 }), 'approve'],
    [repeat({ M: 11, P: 5 }), 'more_information'],
    [repeat({ M: 15, N: 1 }), 'more_information'],
    // not satisfactory only when MORE than half is not met
    [repeat({ M: 4, N: 4 }), 'more_information'],
    [repeat({ M: 3, N: 5 }), 'not_satisfactory'],
    [repeat({ P: 8, N: 8 }), 'more_information'],
    [repeat({ P: 7, N: 9 }), 'not_satisfactory'],
    [repeat({ P: 16 }), 'more_information'],
    ['M', 'approve'],
    ['P', 'more_information'],
    ['N', 'not_satisfactory'],
  ])('%s → %s', (spec, expected) => {
    expect(recommendation(r(spec), defaultPolicy)).toBe(expected);
    // Order of competencies does not matter.
    expect(recommendation(r([...spec].reverse().join('')), defaultPolicy)).toBe(expected);
  });

  it('reads the edges from the policy, exactly, for 8- and 16-competency sets', () => {
    const policy = withPortfolios({ passMetMinPercent: 75, partialMaxPercent: 25 });
    expect(recommendation(r(repeat({ M: 6, P: 2 })), policy)).toBe('approve'); // exactly 75% / 25%
    expect(recommendation(r(repeat({ M: 5, P: 3 })), policy)).toBe('more_information');
    expect(recommendation(r(repeat({ M: 12, P: 4 })), policy)).toBe('approve');
    expect(recommendation(r(repeat({ M: 11, P: 5 })), policy)).toBe('more_information');
    // A met minimum above the partial complement: 80% met of 10 with partials allowed up to 30%.
    const strict = withPortfolios({ passMetMinPercent: 80 });
    expect(recommendation(r(repeat({ M: 7, P: 3 })), strict)).toBe('more_information');
    expect(recommendation(r(repeat({ M: 8, P: 2 })), strict)).toBe('approve');
  });

  it('compares percentages with two decimals exactly', () => {
    const policy = withPortfolios({ passMetMinPercent: 66.67, partialMaxPercent: 33.33 });
    expect(recommendation(r('MMP'), policy)).toBe('more_information'); // 66.666…% < 66.67%
    const looser = withPortfolios({ passMetMinPercent: 66.66, partialMaxPercent: 33.34 });
    expect(recommendation(r('MMP'), looser)).toBe('approve');
  });

  it('is not satisfactory instead of more information on the last round', () => {
    expect(recommendation(r(repeat({ M: 6, P: 4 })), defaultPolicy, 2)).toBe('not_satisfactory');
    expect(recommendation(r(repeat({ M: 7, P: 3 })), defaultPolicy, 2)).toBe('approve');
  });
});

describe('every rating combination of a 3-competency set, two evaluators (729 cases)', () => {
  // An independent oracle worked out by hand for 3 competencies under the default policy: 70% of 3
  // needs all 3 met, and 1 partial is already 33%, so a recommendation approves only all-met;
  // 2 or 3 not met is more than half.
  const oracleRecommendation = (spec: string): Recommendation =>
    spec === 'MMM'
      ? 'approve'
      : [...spec].filter((l) => l === 'N').length >= 2
        ? 'not_satisfactory'
        : 'more_information';
  const table: Record<string, string> = { MM: 'M', MP: 'M', PM: 'M', PP: 'P' };
  const oracleReconcile = (a: string, b: string) => table[a + b] ?? 'N';
  const specs = allRatings
    .flatMap((x) => allRatings.flatMap((y) => allRatings.map((z) => [x, y, z])))
    .map((rs) => rs.map((x) => x[0]!.toUpperCase()).join(''));
  const pairs = specs.flatMap((a) => specs.map((b) => [a, b] as const));

  it('has 27 evaluator sheets and 729 pairs', () => {
    expect(specs).toHaveLength(27);
    expect(new Set(specs).size).toBe(27);
    expect(pairs).toHaveLength(729);
  });

  it('matches the oracle for every pair, and for every third evaluator where one is needed', () => {
    const rank: Record<Recommendation, number> = { not_satisfactory: 0, more_information: 1, approve: 2 };
    let thirdNeeded = 0;
    for (const [a, b] of pairs) {
      const reconciled = [0, 1, 2].map((i) => oracleReconcile(a[i]!, b[i]!)).join('');
      const recA = oracleRecommendation(a);
      const recB = oracleRecommendation(b);
      const flagged = [...reconciled].flatMap((l, i) => (l === 'M' ? [] : [`C${i + 1}`]));
      const result = portfolioOutcome({ ratingsByEvaluator: [r(a), r(b)], round: 1, policy: defaultPolicy });
      expect(result.competencies.map((c) => c.reconciled[0]!.toUpperCase()).join('')).toBe(reconciled);
      expect(result.evaluators.map((e) => e.recommendation)).toEqual([recA, recB]);
      if (reconciled === 'MMM') {
        expect(result.outcome).toBe('approved');
        continue;
      }
      if (recA === recB) {
        expect(result.outcome).toBe(recA);
        expect(result.flagged).toEqual(recA === 'more_information' ? flagged : []);
        continue;
      }
      thirdNeeded += 1;
      expect(result.outcome).toBe('needs_third_evaluator');
      for (const c of specs) {
        const recs = [recA, recB, oracleRecommendation(c)].sort((x, y) => rank[x] - rank[y]);
        const expected = recs[1] === 'approve' ? 'approved' : recs[1];
        const third = decide([a, b, c]);
        expect(third.outcome).toBe(expected);
        expect(third.flagged).toEqual(expected === 'more_information' ? flagged : []);
      }
    }
    // Counted by hand from the oracle: 27 pairs reconcile to all met, 398 agree, 304 need a third.
    expect(thirdNeeded).toBe(304);
  });
});

describe('the worked examples of decision 0008 (10 competencies)', () => {
  it.each([
    ['both approve', ['MMMMMMMMMM', 'MMMMMMMPPP'], 'approved', 'reconciled_ratings', ''],
    [
      'the same 3 partials: exactly 70% / 30%',
      ['MMMMMMMPPP', 'MMMMMMMPPP'],
      'approved',
      'reconciled_ratings',
      '',
    ],
    [
      'partials on different competencies',
      ['PPPPMMMMMM', 'MMMMPPPPMM'],
      'approved',
      'reconciled_ratings',
      '',
    ],
    ['4 shared partials', ['PPPPMMMMMM', 'PPPPMMMMMM'], 'more_information', 'both_evaluators', 'C1 C2 C3 C4'],
    [
      'one not met, two agree on more',
      ['NMMMMMMMMP', 'MNMMMMMMMM'],
      'more_information',
      'both_evaluators',
      'C1 C2',
    ],
    [
      'one not met, third approves',
      ['MMMMMMMMMM', 'NMMMMMMMMM', 'MMMMMMMMMP'],
      'approved',
      'third_evaluator',
      '',
    ],
    [
      'one not met, third agrees',
      ['MMMMMMMMMM', 'NMMMMMMMMM', 'NMMMMMMMMM'],
      'more_information',
      'third_evaluator',
      'C1',
    ],
    [
      'all three differ',
      ['MMMMMMMMMM', 'NNNNNNMMMM', 'NMMMMMMMMM'],
      'more_information',
      'third_evaluator',
      'C1 C2 C3 C4 C5 C6',
    ],
    [
      'mostly not met, third agrees',
      ['NNNNNNMMMM', 'NMMMMMMMMM', 'NNNNNNNPPP'],
      'not_satisfactory',
      'third_evaluator',
      '',
    ],
    ['both mostly not met', ['NNNNNNMMMM', 'MNNNNNNMMM'], 'not_satisfactory', 'both_evaluators', ''],
  ])('%s', (_name, specs, outcome, decidedBy, flagged) => {
    const result = decide(specs);
    expect(result.outcome).toBe(outcome);
    expect(result.decidedBy).toBe(decidedBy);
    expect(result.flagged.join(' ')).toBe(flagged);
  });

  it('asks for a third evaluator only when the first two leave the outcome open', () => {
    const input = (specs: string[]) => ({
      ratingsByEvaluator: specs.map(r),
      round: 1,
      policy: defaultPolicy,
    });
    expect(needsThirdEvaluator(input(['MMMMMMMMMM', 'NMMMMMMMMM']))).toBe(true);
    expect(needsThirdEvaluator(input(['NNNNNNMMMM', 'NMMMMMMMMM']))).toBe(true);
    expect(needsThirdEvaluator(input(['MMMMMMMMMM', 'NNNNNNMMMM']))).toBe(true);
    // Recommendations differ (approve / more), but the table settles every competency as met.
    expect(needsThirdEvaluator(input(['MMMMMMMPPP', 'PPPPMMMMMM']))).toBe(false);
    expect(needsThirdEvaluator(input(['NMMMMMMMMM', 'MNMMMMMMMM']))).toBe(false);
    // A third sheet passed along is ignored when it was not needed.
    expect(decide(['MMMMMMMMMM', 'MMMMMMMMMM', 'NNNNNNNNNN']).outcome).toBe('approved');
  });
});

describe('the resubmission (round 2)', () => {
  const round1 = decide(['NMMMMMMMMP', 'MNMMMMMMMM']);
  const carry = (before: string, after: string) =>
    ratingsForResubmission(
      r(before),
      Object.fromEntries(Object.entries(r(after)).filter(([id]) => round1.flagged.includes(id))),
      round1.flagged,
    );

  it.each([
    ['both now met', ['MMMMMMMMMP', 'MMMMMMMMMM'], 'approved', 'reconciled_ratings'],
    ['met + partial reconciles to met', ['MPMMMMMMMP', 'PMMMMMMMMM'], 'approved', 'reconciled_ratings'],
    [
      'partial for both, within the 30% allowance',
      ['PMMMMMMMMP', 'PMMMMMMMMM'],
      'approved',
      'reconciled_ratings',
    ],
    [
      'still not met for both: no more rounds',
      ['NMMMMMMMMP', 'NMMMMMMMMM'],
      'not_satisfactory',
      'both_evaluators',
    ],
  ])('%s', (_name, [a, b], outcome, decidedBy) => {
    const result = portfolioOutcome({
      ratingsByEvaluator: [carry('NMMMMMMMMP', a!), carry('MNMMMMMMMM', b!)],
      round: 2,
      policy: defaultPolicy,
    });
    expect(result.outcome).toBe(outcome);
    expect(result.decidedBy).toBe(decidedBy);
    expect(result.flagged).toEqual([]);
  });

  it('settles a remaining not met by a third evaluator, with no "more information" left', () => {
    expect(decide(['MMMMMMMMMP', 'NMMMMMMMMM'], 2).outcome).toBe('needs_third_evaluator');
    expect(decide(['MMMMMMMMMP', 'NMMMMMMMMM', 'MMMMMMMMMM'], 2)).toMatchObject({
      outcome: 'approved',
      decidedBy: 'third_evaluator',
    });
    expect(decide(['MMMMMMMMMP', 'NMMMMMMMMM', 'MNMMMMMMMM'], 2)).toMatchObject({
      outcome: 'not_satisfactory',
      decidedBy: 'third_evaluator',
      flagged: [],
    });
    // In round 1 the same disagreement (more vs not satisfactory) needs a third; in round 2 both say no.
    expect(decide(['NMMMMMMMMM', 'NNNNNNMMMM'], 1).outcome).toBe('needs_third_evaluator');
    expect(decide(['NMMMMMMMMM', 'NNNNNNMMMM'], 2)).toMatchObject({
      outcome: 'not_satisfactory',
      decidedBy: 'both_evaluators',
    });
  });

  it('keeps the locked competencies’ ratings and refuses ratings for anything not reopened', () => {
    expect(ratingsForResubmission(r('NMP'), { C1: 'met' }, ['C1'])).toEqual(r('MMP'));
    expect(() => ratingsForResubmission(r('NMP'), { C2: 'met' }, ['C1'])).toThrow(/not reopened/);
    expect(() => ratingsForResubmission(r('NMP'), {}, ['C1'])).toThrow(/needs a new rating/);
    expect(() => ratingsForResubmission(r('NMP'), { C9: 'met' }, ['C9'])).toThrow(/never rated/);
  });

  it('follows the number of resubmissions in the policy', () => {
    const none = withPortfolios({ resubmissionsAllowed: 0 });
    expect(decide(['PPPPMMMMMM', 'PPPPMMMMMM'], 1, none).outcome).toBe('not_satisfactory');
    expect(() => decide(['MMM', 'MMM'], 2, none)).toThrow(/Round must be 1 to 1/);
    const two = withPortfolios({ resubmissionsAllowed: 2 });
    expect(decide(['PPPPMMMMMM', 'PPPPMMMMMM'], 2, two).outcome).toBe('more_information');
    expect(decide(['PPPPMMMMMM', 'PPPPMMMMMM'], 3, two).outcome).toBe('not_satisfactory');
  });
});

describe('inputs the rules refuse', () => {
  const run =
    (ratingsByEvaluator: CompetencyRatings[], round = 1, policy = defaultPolicy) =>
    () =>
      portfolioOutcome({ ratingsByEvaluator, round, policy });
  it.each([
    ['one evaluator', run([r('MMM')]), /two evaluators, or three/],
    ['four evaluators', run([r('M'), r('M'), r('M'), r('M')]), /two evaluators, or three/],
    ['different competencies', run([r('MMM'), r('MM')]), /different list of competencies/],
    ['an empty set', run([{}, {}]), /at least one competency/],
    ['round 0', run([r('M'), r('M')], 0), /Round must be 1 to 2/],
    ['round 3', run([r('M'), r('M')], 3), /Round must be 1 to 2/],
    ['a fractional round', run([r('M'), r('M')], 1.5), /Round must be/],
    [
      'three evaluators by policy',
      run([r('M'), r('M')], 1, withPortfolios({ evaluatorsPerPortfolio: 3 })),
      /defined for two evaluators/,
    ],
    ['an unknown rating', run([r('M'), { C1: 'excellent' as Rating }]), /Unknown rating/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
