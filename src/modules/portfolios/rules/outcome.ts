import type { ProgramPolicy } from '../../policy/policy.js';

/**
 * How evaluators' ratings of a portfolio become an outcome (PROGRAM.md, "Portfolios"). The full
 * reasoning, with worked examples, is docs/decisions/0008-portfolio-outcome-rules.md. In short:
 *
 * 1. Each competency is reconciled from the first two evaluators' ratings by the program's table:
 *    any not met → not met; otherwise met if either rated it met; otherwise (both partial) partial.
 *    Reconciled partial and not met both mean "more information needed".
 * 2. Each evaluator's own ratings give a recommendation: approve by the pass rule; not satisfactory
 *    when more than half the competencies are not met; otherwise more information. On the last
 *    round allowed, more information is no longer possible and becomes not satisfactory.
 * 3. Approved when the reconciled ratings pass the pass rule (always so when both recommend
 *    approval). Otherwise, if the two recommendations agree, that is the outcome; if they differ, a
 *    third evaluator rates every competency and the outcome is the middle one of the three
 *    recommendations: what two of them recommend, or more information when all three differ.
 * 4. With more information, the competencies the reconciliation flagged reopen; nothing else does.
 *
 * Percentages are compared with integers (count × 10,000 against hundredths-of-a-percent × total),
 * so exactly 70% met or exactly 30% partially met is decided exactly, never by a rounding error.
 */

export type Rating = 'met' | 'partial' | 'not_met';
export const allRatings: readonly Rating[] = ['met', 'partial', 'not_met'];

export type Recommendation = 'approve' | 'more_information' | 'not_satisfactory';
export type Outcome = 'approved' | 'more_information' | 'not_satisfactory';

/** One evaluator's ratings: competency id → rating, covering every competency of the set. */
export type CompetencyRatings = Readonly<Record<string, Rating>>;

/** Only the portfolio section is read, so tests and callers may pass the whole program policy. */
export type PortfolioPolicy = Pick<ProgramPolicy, 'portfolios'>;

/**
 * Not satisfactory when MORE than this share of competencies is not met. PROGRAM.md gives no figure
 * and the policy has no field for it yet (adding a required key would break stored policy
 * versions), so it is program-chosen here: a resubmission is meant to fill gaps, and a portfolio
 * where most of the set is not shown is better served by an approved course.
 */
export const NOT_SATISFACTORY_WHEN_NOT_MET_OVER_PERCENT = 50;

export interface RatingTally {
  met: number;
  partial: number;
  notMet: number;
  total: number;
}

export interface EvaluatorSummary extends RatingTally {
  /** Already adjusted for the round: on the last round "more information" reads "not satisfactory". */
  recommendation: Recommendation;
}

export interface CompetencyResult {
  competencyId: string;
  /** Every evaluator's rating, in assignment order (the third, when there is one, last). */
  ratings: Rating[];
  /** The first two evaluators' ratings reconciled by the program's table. */
  reconciled: Rating;
  needsMoreInformation: boolean;
}

export type DecidedBy = 'reconciled_ratings' | 'both_evaluators' | 'third_evaluator';

export type PortfolioResult =
  | {
      outcome: Outcome;
      decidedBy: DecidedBy;
      evaluators: EvaluatorSummary[];
      competencies: CompetencyResult[];
      /** Competency ids that reopen for the resubmission: only ever non-empty for more information. */
      flagged: string[];
    }
  | {
      outcome: 'needs_third_evaluator';
      decidedBy: null;
      evaluators: EvaluatorSummary[];
      competencies: CompetencyResult[];
      /** Always empty until the outcome is known. */
      flagged: string[];
    };

export interface PortfolioRatingsInput {
  /** In assignment order: the two evaluators, then the third if one was asked. */
  ratingsByEvaluator: readonly CompetencyRatings[];
  /** 1 for the first submission, 2 for the resubmission (up to 1 + policy.resubmissionsAllowed). */
  round: number;
  policy: PortfolioPolicy;
}

const ratingRank: Record<Rating, number> = { not_met: 0, partial: 1, met: 2 };
const recommendationRank: Record<Recommendation, number> = {
  not_satisfactory: 0,
  more_information: 1,
  approve: 2,
};

/** The program's table for one competency rated by two evaluators. Symmetric. */
export function reconcileCompetency(a: Rating, b: Rating): Rating {
  if (a === 'not_met' || b === 'not_met') return 'not_met';
  if (a === 'met' || b === 'met') return 'met';
  return 'partial';
}

/** Reconciled partial (partial + partial) and not met (any not met) both ask for more evidence. */
export function needsMoreInformation(reconciled: Rating): boolean {
  return reconciled !== 'met';
}

export function tallyRatings(ratings: CompetencyRatings | readonly Rating[]): RatingTally {
  const values = Object.values(ratings) as Rating[];
  const tally = { met: 0, partial: 0, notMet: 0, total: values.length };
  for (const rating of values) {
    if (rating === 'met') tally.met += 1;
    else if (rating === 'partial') tally.partial += 1;
    else if (rating === 'not_met') tally.notMet += 1;
    else throw new RangeError(`Unknown rating: ${String(rating)}`);
  }
  if (tally.total === 0) throw new RangeError('A competency set has at least one competency to rate');
  return tally;
}

/** Policy percentages may carry decimals; hundredths of a percent keep every comparison in integers. */
function hundredths(percent: number): number {
  return Math.round(percent * 100);
}

function atLeastPercent(count: number, total: number, percent: number): boolean {
  return count * 10_000 >= hundredths(percent) * total;
}

function moreThanPercent(count: number, total: number, percent: number): boolean {
  return count * 10_000 > hundredths(percent) * total;
}

/** The pass rule: at least 70% met, at most 30% partially met, none not met (numbers from policy). */
export function passesPassRule(tally: RatingTally, policy: PortfolioPolicy): boolean {
  const { passMetMinPercent, partialMaxPercent } = policy.portfolios;
  return (
    tally.notMet === 0 &&
    atLeastPercent(tally.met, tally.total, passMetMinPercent) &&
    !moreThanPercent(tally.partial, tally.total, partialMaxPercent)
  );
}

/** Whether a round may still end in "more information": only while a resubmission remains. */
export function moreInformationAllowed(round: number, policy: PortfolioPolicy): boolean {
  checkRound(round, policy);
  return round <= policy.portfolios.resubmissionsAllowed;
}

/** What one evaluator's own ratings recommend (round 1 unless given). */
export function recommendation(
  ratings: CompetencyRatings | readonly Rating[],
  policy: PortfolioPolicy,
  round = 1,
): Recommendation {
  return summarize(ratings, policy, round).recommendation;
}

/**
 * Whether the first two evaluators leave the outcome open, so a third must rate. Not just "the two
 * recommendations differ": when the reconciled ratings pass, the table has already settled every
 * competency and a third rating could not change the outcome.
 */
export function needsThirdEvaluator(input: PortfolioRatingsInput): boolean {
  const [first, second] = input.ratingsByEvaluator;
  if (!first || !second) throw new RangeError('Two evaluators must have rated before a third can be needed');
  return (
    portfolioOutcome({ ...input, ratingsByEvaluator: [first, second] }).outcome === 'needs_third_evaluator'
  );
}

export function portfolioOutcome(input: PortfolioRatingsInput): PortfolioResult {
  const { ratingsByEvaluator, round, policy } = input;
  checkRound(round, policy);
  if (policy.portfolios.evaluatorsPerPortfolio !== 2)
    throw new RangeError(
      `The reconciliation table is defined for two evaluators; the policy asks for ${policy.portfolios.evaluatorsPerPortfolio}`,
    );
  if (ratingsByEvaluator.length < 2 || ratingsByEvaluator.length > 3)
    throw new RangeError(
      `A portfolio is rated by two evaluators, or three; got ${ratingsByEvaluator.length}`,
    );
  const ids = sharedCompetencyIds(ratingsByEvaluator);
  const competencies = ids.map((competencyId): CompetencyResult => {
    const ratings = ratingsByEvaluator.map((r) => r[competencyId] as Rating);
    const reconciled = reconcileCompetency(ratings[0]!, ratings[1]!);
    return { competencyId, ratings, reconciled, needsMoreInformation: needsMoreInformation(reconciled) };
  });
  const evaluators = ratingsByEvaluator.map((r) => summarize(r, policy, round));
  const decided = (outcome: Outcome, decidedBy: DecidedBy): PortfolioResult => ({
    outcome,
    decidedBy,
    evaluators,
    competencies,
    flagged:
      outcome === 'more_information'
        ? competencies.filter((c) => c.needsMoreInformation).map((c) => c.competencyId)
        : [],
  });

  if (passesPassRule(tallyRatings(competencies.map((c) => c.reconciled)), policy))
    return decided('approved', 'reconciled_ratings');
  const [a, b, c] = evaluators.map((e) => e.recommendation) as [
    Recommendation,
    Recommendation,
    Recommendation?,
  ];
  if (a === b) return decided(outcomeOf(a), 'both_evaluators');
  if (!c) return { outcome: 'needs_third_evaluator', decidedBy: null, evaluators, competencies, flagged: [] };
  return decided(outcomeOf(middleOf(a, b, c)), 'third_evaluator');
}

/**
 * An evaluator's ratings for a resubmission: the reopened competencies are rated afresh, the others
 * keep the evaluator's earlier ratings, since their evidence stayed locked and unchanged.
 */
export function ratingsForResubmission(
  previous: CompetencyRatings,
  revised: CompetencyRatings,
  reopened: readonly string[],
): CompetencyRatings {
  const open = new Set(reopened);
  for (const id of open)
    if (!(id in previous)) throw new RangeError(`Competency ${id} was reopened but never rated`);
  for (const id of Object.keys(revised))
    if (!open.has(id)) throw new RangeError(`Competency ${id} was not reopened, so its rating stands`);
  for (const id of open)
    if (!(id in revised)) throw new RangeError(`Reopened competency ${id} needs a new rating`);
  return { ...previous, ...revised };
}

function summarize(
  ratings: CompetencyRatings | readonly Rating[],
  policy: PortfolioPolicy,
  round: number,
): EvaluatorSummary {
  const tally = tallyRatings(ratings);
  let result: Recommendation = 'more_information';
  if (passesPassRule(tally, policy)) result = 'approve';
  else if (moreThanPercent(tally.notMet, tally.total, NOT_SATISFACTORY_WHEN_NOT_MET_OVER_PERCENT))
    result = 'not_satisfactory';
  if (result === 'more_information' && !moreInformationAllowed(round, policy)) result = 'not_satisfactory';
  return { ...tally, recommendation: result };
}

function outcomeOf(r: Recommendation): Outcome {
  return r === 'approve' ? 'approved' : r;
}

/** The middle of three recommendations: the majority when two agree, more information when none do. */
function middleOf(a: Recommendation, b: Recommendation, c: Recommendation): Recommendation {
  const sorted = [a, b, c].sort((x, y) => recommendationRank[x] - recommendationRank[y]);
  return sorted[1]!;
}

function sharedCompetencyIds(ratingsByEvaluator: readonly CompetencyRatings[]): string[] {
  const ids = Object.keys(ratingsByEvaluator[0]!);
  const expected = [...ids].sort().join('\n');
  ratingsByEvaluator.forEach((r, i) => {
    if (Object.keys(r).sort().join('\n') !== expected)
      throw new RangeError(`Evaluator ${i + 1} rated a different list of competencies from evaluator 1`);
  });
  return ids;
}

function checkRound(round: number, policy: PortfolioPolicy): void {
  const last = 1 + policy.portfolios.resubmissionsAllowed;
  if (!Number.isInteger(round) || round < 1 || round > last)
    throw new RangeError(`Round must be 1 to ${last}, got ${round}`);
}

/** Exposed for tests and for pages that order ratings (worst first). */
export function compareRatings(a: Rating, b: Rating): number {
  return ratingRank[a] - ratingRank[b];
}
