import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { policyFor } from '../../applications/own-application.js';
import { findCurrentApplication } from '../../applications/repository.js';
import type { Competency } from '../../policy/framework.js';
import { evaluatorLabel } from '../labels.js';
import { type DecidedRating, loadDecidedRounds } from '../outcome-repository.js';
import { type Rating, reconcileCompetency } from '../rules/outcome.js';
import type { PortfolioOutcome } from '../schema.js';
import type { PortfolioView } from './view-portfolio.js';

/** One evaluator's rating as the candidate reads it: a slot label, never a name. */
export interface EvaluatorRatingView {
  label: string;
  rating: Rating;
  comment: string;
}

export interface CompetencyOutcomeView {
  competency: Competency;
  /** The first two evaluators' ratings reconciled by the program's table (decision 0008, step 1). */
  result: Rating | null;
  /** The ratings given in this round (in round 2, only what was rated again). */
  ratings: EvaluatorRatingView[];
  /** Reopened by this round's "more information" outcome. */
  reopened: boolean;
}

export interface RoundOutcomeView {
  round: number;
  outcome: PortfolioOutcome;
  decidedAt: Date;
  /** Competencies rated in this round, in framework order. */
  competencies: CompetencyOutcomeView[];
  /** True when some competencies were not rated again and kept their earlier ratings. */
  carriedOver: boolean;
}

export interface ResubmissionView {
  /** The owner may resubmit now: "more information" with a resubmission left. */
  possible: boolean;
  /** Reopened competencies still without primary evidence (resubmitting is refused until they have it). */
  lacking: Competency[];
}

export interface PortfolioOutcomeView {
  /** Decided rounds only, oldest first; a round still with its evaluators is not shown at all. */
  rounds: RoundOutcomeView[];
  latest: RoundOutcomeView | null;
  /** What the latest "more information" outcome reopened, with whether each has primary evidence now. */
  reopened: Array<{ competency: Competency; hasPrimary: boolean }>;
  resubmission: ResubmissionView | null;
}

/** "Evaluator 1", "Evaluator 2", "Third evaluator": the slot, which says nothing about the person. */
type Slot = Map<string, DecidedRating>;

/**
 * Each slot's ratings as they stood in each round: what was rated in the round, else what the same
 * slot gave before (decision 0008 point 5: competencies not reopened keep their earlier rating).
 */
function standingRatings(ratings: readonly DecidedRating[], rounds: readonly number[]) {
  const fresh = new Map<string, Slot>();
  for (const r of ratings) {
    const key = `${r.round}:${r.position}`;
    const slot = fresh.get(key) ?? new Map();
    slot.set(r.competencyId, r);
    fresh.set(key, slot);
  }
  const standing = (round: number, position: number, competencyId: string): DecidedRating | undefined => {
    for (const r of [...rounds].filter((x) => x <= round).sort((x, y) => y - x)) {
      const found = fresh.get(`${r}:${position}`)?.get(competencyId);
      if (found) return found;
    }
    return undefined;
  };
  return { fresh, standing };
}

/** Whether the candidate may still resubmit under the policy pinned at their admission. */
export async function resubmissionsLeft(db: Queryable, candidateId: string, round: number): Promise<number> {
  const policy = await policyFor(db, await findCurrentApplication(db, candidateId));
  return Math.max(0, 1 + policy.policy.portfolios.resubmissionsAllowed - round);
}

/**
 * What the candidate (or program staff) sees of the evaluation: the outcome of each decided round,
 * each competency's reconciled result and every rating with its comment under a slot label, and,
 * after "more information", what reopened and whether it can be resubmitted. `v` comes from
 * viewPortfolio, which has already checked who may see the portfolio.
 */
export async function viewPortfolioOutcome(ctx: Ctx, v: PortfolioView): Promise<PortfolioOutcomeView> {
  const { decisions, ratings } = await loadDecidedRounds(ctx.db, v.portfolio.id);
  const roundNumbers = decisions.map((d) => d.round);
  const { fresh, standing } = standingRatings(ratings, roundNumbers);
  const rounds = decisions.map((d): RoundOutcomeView => {
    const competencies = v.set.competencies
      .map((competency): CompetencyOutcomeView => {
        const mine = [...fresh]
          .filter(([key]) => key.startsWith(`${d.round}:`))
          .map(([key, slot]) => ({ position: Number(key.split(':')[1]), r: slot.get(competency.id) }))
          .filter((x): x is { position: number; r: DecidedRating } => x.r !== undefined)
          .sort((a, b) => a.position - b.position);
        const first = standing(d.round, 1, competency.id);
        const second = standing(d.round, 2, competency.id);
        return {
          competency,
          result: first && second ? reconcileCompetency(first.rating, second.rating) : null,
          ratings: mine.map(({ position, r }) => ({
            label: evaluatorLabel(position),
            rating: r.rating,
            comment: r.comment,
          })),
          reopened: d.flagged.includes(competency.id),
        };
      })
      .filter((c) => c.ratings.length > 0 || c.reopened);
    return {
      round: d.round,
      outcome: d.outcome,
      decidedAt: d.decidedAt,
      competencies,
      carriedOver: competencies.length < v.set.competencies.length,
    };
  });
  const latest = rounds[rounds.length - 1] ?? null;
  const open = latest?.outcome === 'more_information' ? latest.competencies.filter((c) => c.reopened) : [];
  const hasPrimary = new Set(
    v.progress.competencies.filter((c) => c.primary > 0).map((c) => c.competency.id),
  );
  const reopened = open.map((c) => ({
    competency: c.competency,
    hasPrimary: hasPrimary.has(c.competency.id),
  }));
  const inMoreInformation = v.portfolio.status === 'more_information';
  const resubmission = inMoreInformation
    ? {
        possible:
          v.owner && (await resubmissionsLeft(ctx.db, v.portfolio.candidateId, v.portfolio.round)) > 0,
        lacking: reopened.filter((c) => !c.hasPrimary).map((c) => c.competency),
      }
    : null;
  return { rounds, latest, reopened, resubmission };
}
