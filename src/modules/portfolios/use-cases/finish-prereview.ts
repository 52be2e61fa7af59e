import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { portfolioForStaff, setOfPortfolio } from '../prereview-access.js';
import { prereviewMails } from '../prereview-mails.js';
import {
  findPortfolioCandidate,
  listPortfolioComments,
  movePrereviewStatus,
  type PrereviewPortfolioRow,
} from '../prereview-repository.js';

/**
 * Staff finish a pre-review: the portfolio is a draft again and the candidate is mailed that the
 * comments are ready. At least one comment must have been written for this request.
 */
export async function finishPrereview(ctx: Ctx, id: string): Promise<PrereviewPortfolioRow> {
  return transact(ctx, async (w) => {
    const { portfolio } = await portfolioForStaff(w.tx, ctx.actor, id, { lock: true });
    if (portfolio.status !== 'prereview_requested')
      throw invalidState(
        portfolio.status === 'draft'
          ? 'This pre-review is already finished (or the candidate withdrew the request).'
          : 'This portfolio is not waiting for a pre-review.',
      );
    const since = portfolio.prereviewRequestedAt?.getTime() ?? 0;
    const fresh = (await listPortfolioComments(w.tx, id)).filter((c) => c.createdAt.getTime() >= since);
    if (fresh.length === 0) throw invalidState('Write at least one comment before finishing the pre-review.');
    // One after the other: a transaction is one connection, which runs one query at a time.
    const set = await setOfPortfolio(w.tx, portfolio);
    const candidate = await findPortfolioCandidate(w.tx, portfolio.candidateId);
    const moved = (await movePrereviewStatus(w.tx, id, 'prereview_requested', {
      status: 'draft',
      prereviewRequestedAt: null,
      updatedAt: ctx.clock.now(),
    }))!;
    await w.audit({
      action: 'portfolio.prereview_finished',
      subjectType: 'portfolio',
      subjectId: id,
      before: { status: 'prereview_requested', requestedAt: portfolio.prereviewRequestedAt },
      after: { status: 'draft', comments: fresh.length },
    });
    if (candidate)
      await w.mail(
        prereviewMails.finished(candidate, {
          setTitle: set.title,
          comments: fresh.length,
          link: `${ctx.config.baseUrl}/portfolios/${id}/prereview`,
        }),
      );
    return moved;
  });
}
