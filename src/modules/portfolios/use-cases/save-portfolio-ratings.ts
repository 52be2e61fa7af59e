import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { setOfPortfolio } from '../portfolio-set.js';
import { checkAnswers } from '../rating-input.js';
import { upsertRatings } from '../rating-repository.js';
import { assignmentForEvaluator, competenciesToRate, type RatingContext } from '../rating-service.js';
import { lockPortfolio } from '../repository.js';

/**
 * The competencies this evaluator rates now, with their topics, after locking the portfolio row so
 * a save, a submission and the other evaluator's submission queue behind each other.
 */
export async function rateableFor(
  r: RatingContext,
  tx: Parameters<typeof lockPortfolio>[0],
): Promise<{
  rateable: Array<{ id: string; topic: string }>;
  set: Awaited<ReturnType<typeof setOfPortfolio>>;
}> {
  const set = await setOfPortfolio(tx, r.portfolio);
  const ids = competenciesToRate(
    set.competencies.map((c) => c.id),
    r.assignment,
    r.assignments,
    r.decisions,
  );
  const rateable = set.competencies
    .filter((c) => ids.includes(c.id))
    .map((c) => ({ id: c.id, topic: c.topic }));
  return { rateable, set };
}

/** Load the evaluator's assignment inside the transaction, with the portfolio row locked. */
export async function lockedAssignment(
  ctx: Ctx,
  tx: Parameters<typeof lockPortfolio>[0],
  assignmentId: string,
) {
  const first = await assignmentForEvaluator(tx, ctx.actor, assignmentId);
  await lockPortfolio(tx, first.portfolio.id);
  // Read again under the lock: the other evaluator may have just submitted, or staff reassigned.
  const r = await assignmentForEvaluator(tx, ctx.actor, assignmentId);
  if (r.assignment.submittedAt)
    throw invalidState(
      'You have already submitted your ratings for this portfolio; they can no longer change.',
    );
  return r;
}

/**
 * An evaluator saves their ratings as a draft: any competencies, in any order, as often as they
 * like until they submit. Nothing is visible to anyone else until then.
 */
export async function savePortfolioRatings(
  ctx: Ctx,
  assignmentId: string,
  raw: unknown,
): Promise<{ saved: number }> {
  return transact(ctx, async (w) => {
    const r = await lockedAssignment(ctx, w.tx, assignmentId);
    const { rateable } = await rateableFor(r, w.tx);
    const answers = checkAnswers(raw, rateable).filter((a) => a.rating !== null);
    await upsertRatings(
      w.tx,
      r.assignment.id,
      answers.map((a) => ({ competencyId: a.competencyId, rating: a.rating!, comment: a.comment })),
      ctx.clock.now(),
    );
    if (answers.length)
      await w.audit({
        action: 'portfolio.ratings_saved',
        subjectType: 'portfolio_assignment',
        subjectId: r.assignment.id,
        after: { competencies: answers.map((a) => a.competencyId) },
      });
    return { saved: answers.length };
  });
}
