import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { lockAssignmentWork } from '../assignment-repository.js';
import { decideRoundIfReady, type RoundState } from '../decision-service.js';
import { checkAnswers, checkComplete } from '../rating-input.js';
import { listRatingsOf, markAssignmentSubmitted, upsertRatings } from '../rating-repository.js';
import { lockedAssignment, rateableFor } from './save-portfolio-ratings.js';

/**
 * An evaluator submits their ratings (saving any answers sent with the request first): every
 * competency they rate this round needs a rating and a comment. Once submitted they cannot change.
 * The last evaluator the round needs triggers the outcome, in the same transaction.
 */
export async function submitPortfolioRatings(
  ctx: Ctx,
  assignmentId: string,
  raw: unknown,
): Promise<{ round: RoundState }> {
  return transact(ctx, async (w) => {
    // Assignment work first, then the portfolio: the same order as staff reassignments, so the two
    // never wait on each other in a circle when a third evaluator has to be found.
    await lockAssignmentWork(w.tx);
    const r = await lockedAssignment(ctx, w.tx, assignmentId);
    if (r.portfolio.status !== 'in_evaluation')
      throw invalidState('This portfolio is not open for rating at the moment.');
    const { rateable, set } = await rateableFor(r, w.tx);
    const answers = checkAnswers(raw, rateable).filter((a) => a.rating !== null);
    const now = ctx.clock.now();
    await upsertRatings(
      w.tx,
      r.assignment.id,
      answers.map((a) => ({ competencyId: a.competencyId, rating: a.rating!, comment: a.comment })),
      now,
    );
    const saved = new Map((await listRatingsOf(w.tx, [r.assignment.id])).map((x) => [x.competencyId, x]));
    checkComplete(rateable, saved);
    const submitted = await markAssignmentSubmitted(w.tx, r.assignment.id, now);
    if (!submitted) throw invalidState('You have already submitted your ratings for this portfolio.');
    await w.audit({
      action: 'portfolio.ratings_submitted',
      subjectType: 'portfolio_assignment',
      subjectId: r.assignment.id,
      after: {
        portfolioId: r.portfolio.id,
        round: r.assignment.round,
        position: r.assignment.position,
        ratings: Object.fromEntries(rateable.map((c) => [c.id, saved.get(c.id)!.rating])),
      },
    });
    const assignments = r.assignments.map((a) => (a.id === submitted.id ? submitted : a));
    const round = await decideRoundIfReady(ctx, w, {
      portfolio: r.portfolio,
      set,
      assignments,
      decisions: r.decisions,
    });
    return { round };
  });
}
