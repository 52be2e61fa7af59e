import { eq } from 'drizzle-orm';
import { insertDecision } from '../../src/modules/portfolios/rating-repository.js';
import {
  type PortfolioOutcome,
  type PortfolioRating,
  type PortfolioStatus,
  portfolioAssignments,
  portfolioRatings,
  portfolios,
} from '../../src/modules/portfolios/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import {
  type MadePortfolio,
  type PortfolioOptions,
  submittedPortfolio,
} from '../http/portfolio-assignment-support.js';
import { setInfo } from './portfolio-factories.js';
import { insertTestUser, type UserRef } from './staff-factories.js';
import type { TestApp } from './test-app.js';

/**
 * Evaluation history for the staff pipeline and statistics, written directly: a portfolio in any
 * state (through the assignment tests' factory: candidate, application, fee), then per round the
 * evaluators' assignments with their ratings, and the round's decision, with the dates a test needs.
 * The rating and decision use cases are tested elsewhere; these rows are what they leave behind.
 */

/** 15:00 UTC on a day, so a day never shifts between time zones in a test. */
export const at = (day: string) => new Date(`${day}T15:00:00Z`);

const letters: Record<string, PortfolioRating> = { M: 'met', P: 'partial', N: 'not_met' };

/** "MMPN…": one letter per competency of the set, in the framework's order. */
export function ratingsFrom(code: string): PortfolioRating[] {
  return [...code].map((c) => {
    const rating = letters[c];
    if (!rating) throw new Error(`Rating letters are M, P and N, not ${c}`);
    return rating;
  });
}

export interface StagedPortfolio extends MadePortfolio {
  setId: string;
  competencyIds: string[];
}

/** A portfolio of the set in the given status and round (a candidate with an application, fee charged and paid unless told). */
export async function portfolioIn(
  t: TestApp,
  o: PortfolioOptions & { status: PortfolioStatus; setId: string; round?: number; decidedOn?: string },
): Promise<StagedPortfolio> {
  const made = await submittedPortfolio(t, o);
  const patch = {
    ...(o.round && o.round !== 1 ? { round: o.round } : {}),
    ...(o.decidedOn ? { decidedAt: at(o.decidedOn) } : {}),
  };
  if (Object.keys(patch).length > 0)
    await t.services.db.update(portfolios).set(patch).where(eq(portfolios.id, made.id));
  const { competencyIds } = await setInfo(t, o.setId);
  return { ...made, setId: o.setId, competencyIds };
}

export interface Slot {
  evaluator: UserRef;
  position: number;
  assignedOn: string;
  dueOn: string;
  submittedOn?: string;
  replacedOn?: string;
  /** One letter per competency (M, P, N); saved even for an unsubmitted or replaced slot. */
  ratings?: string;
}

export interface Decision {
  outcome: PortfolioOutcome;
  decidedOn: string;
  decidedBy?: 'reconciled_ratings' | 'both_evaluators' | 'third_evaluator';
  flagged?: string[];
}

/** One round of a portfolio: its slots and ratings, and the decision when the round is decided. */
export async function evaluationRound(
  t: TestApp,
  p: StagedPortfolio,
  round: number,
  slots: Slot[],
  decision?: Decision,
): Promise<string[]> {
  const db = t.services.db;
  const ids: string[] = [];
  for (const s of slots) {
    const id = uuidv7(at(s.assignedOn).getTime());
    ids.push(id);
    await db.insert(portfolioAssignments).values({
      id,
      portfolioId: p.id,
      evaluatorId: s.evaluator.id,
      round,
      position: s.position,
      assignedBy: null,
      assignedAt: at(s.assignedOn),
      dueOn: s.dueOn,
      submittedAt: s.submittedOn ? at(s.submittedOn) : null,
      replacedAt: s.replacedOn ? at(s.replacedOn) : null,
      lastRemindedOn: null,
    });
    if (s.ratings) {
      const ratings = ratingsFrom(s.ratings);
      if (ratings.length !== p.competencyIds.length)
        throw new Error(`${p.setId} has ${p.competencyIds.length} competencies, not ${ratings.length}`);
      await db.insert(portfolioRatings).values(
        ratings.map((rating, i) => ({
          assignmentId: id,
          competencyId: p.competencyIds[i]!,
          rating,
          comment: 'Seen in the evidence.',
          updatedAt: at(s.submittedOn ?? s.assignedOn),
        })),
      );
    }
  }
  if (decision) await decide(t, p, round, decision);
  return ids;
}

export async function decide(t: TestApp, p: StagedPortfolio, round: number, d: Decision): Promise<void> {
  await insertDecision(t.services.db, {
    id: uuidv7(at(d.decidedOn).getTime()),
    portfolioId: p.id,
    round,
    setId: p.setId,
    outcome: d.outcome,
    decidedBy: d.decidedBy ?? 'both_evaluators',
    flagged: d.flagged ?? [],
    decidedAt: at(d.decidedOn),
  });
}

/** An evaluator account by name (the statistics show names; no profile is needed to have assignments). */
export const evaluatorNamed = (t: TestApp, name: string) => insertTestUser(t, ['portfolio_evaluator'], name);
