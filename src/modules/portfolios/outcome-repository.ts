import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { portfolioAssignments, portfolioDecisions, portfolioRatings } from './schema.js';

export type DecisionRow = typeof portfolioDecisions.$inferSelect;

/** One submitted rating of a decided round, known by its slot (never by who gave it). */
export interface DecidedRating {
  round: number;
  position: number;
  competencyId: string;
  rating: 'met' | 'partial' | 'not_met';
  comment: string;
}

/**
 * The decided rounds of a portfolio and the ratings they were decided on, in two statements on
 * portfolio_decisions_round_uq and the assignment slot index. Ratings of a round with no decision
 * yet are never read: the candidate sees nothing of a round still being evaluated. The evaluator's
 * id is not selected, so nothing built on this can show who rated.
 */
export async function loadDecidedRounds(
  db: Queryable,
  portfolioId: string,
): Promise<{ decisions: DecisionRow[]; ratings: DecidedRating[] }> {
  const a = portfolioAssignments;
  const d = portfolioDecisions;
  const decisions = await db.select().from(d).where(eq(d.portfolioId, portfolioId)).orderBy(asc(d.round));
  if (decisions.length === 0) return { decisions, ratings: [] };
  const ratings = await db
    .select({
      round: a.round,
      position: a.position,
      competencyId: portfolioRatings.competencyId,
      rating: portfolioRatings.rating,
      comment: portfolioRatings.comment,
    })
    .from(a)
    .innerJoin(d, and(eq(d.portfolioId, a.portfolioId), eq(d.round, a.round)))
    .innerJoin(portfolioRatings, eq(portfolioRatings.assignmentId, a.id))
    .where(and(eq(a.portfolioId, portfolioId), isNotNull(a.submittedAt), isNull(a.replacedAt)))
    .orderBy(asc(a.round), asc(a.position), asc(portfolioRatings.competencyId));
  return { decisions, ratings };
}
