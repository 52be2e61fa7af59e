import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { ownPortfolio } from '../prereview-access.js';
import { movePrereviewStatus, type PrereviewPortfolioRow } from '../prereview-repository.js';

/** The candidate takes back a pre-review request; comments staff already wrote stay. */
export async function withdrawPrereview(ctx: Ctx, id: string): Promise<PrereviewPortfolioRow> {
  return transact(ctx, async (w) => {
    const { portfolio } = await ownPortfolio(w.tx, ctx.actor, id, { lock: true });
    if (portfolio.status !== 'prereview_requested')
      throw invalidState('There is no pre-review request to withdraw.');
    const now = ctx.clock.now();
    const moved = (await movePrereviewStatus(w.tx, id, 'prereview_requested', {
      status: 'draft',
      prereviewRequestedAt: null,
      updatedAt: now,
    }))!;
    await w.audit({
      action: 'portfolio.prereview_withdrawn',
      subjectType: 'portfolio',
      subjectId: id,
      before: { status: 'prereview_requested', requestedAt: portfolio.prereviewRequestedAt },
      after: { status: 'draft' },
    });
    return moved;
  });
}
