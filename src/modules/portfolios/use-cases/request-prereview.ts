import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { findCurrentApplication } from '../../applications/repository.js';
import type { CompetencySet } from '../../policy/framework.js';
import { ownPortfolio, setOfPortfolio } from '../prereview-access.js';
import { prereviewMails } from '../prereview-mails.js';
import {
  type CommentWithAuthor,
  listPortfolioComments,
  movePrereviewStatus,
  type PrereviewPortfolioRow,
} from '../prereview-repository.js';

export interface MyPrereview {
  portfolio: PrereviewPortfolioRow;
  set: CompetencySet;
  /** Comments the candidate may read, newest first. */
  comments: CommentWithAuthor[];
}

/**
 * The candidate's pre-review: where it stands and the staff comments. While staff are still
 * reviewing, the comments they are writing stay hidden until they finish (the mail says when).
 */
export async function viewMyPrereview(ctx: Ctx, id: string): Promise<MyPrereview> {
  const { portfolio } = await ownPortfolio(ctx.db, ctx.actor, id);
  const [set, all] = await Promise.all([
    setOfPortfolio(ctx.db, portfolio),
    listPortfolioComments(ctx.db, portfolio.id),
  ]);
  const pendingSince = portfolio.status === 'prereview_requested' ? portfolio.prereviewRequestedAt : null;
  const comments = pendingSince ? all.filter((c) => c.createdAt.getTime() < pendingSince.getTime()) : all;
  return { portfolio, set, comments };
}

/**
 * The owner of a draft portfolio, an admitted candidate, asks program staff to look at it before
 * submitting. They can keep editing meanwhile. Asking twice (a double click) changes nothing.
 */
export async function requestPrereview(
  ctx: Ctx,
  id: string,
): Promise<{ portfolio: PrereviewPortfolioRow; alreadyRequested: boolean }> {
  return transact(ctx, async (w) => {
    const { user, portfolio } = await ownPortfolio(w.tx, ctx.actor, id, { lock: true });
    if (portfolio.status === 'prereview_requested') return { portfolio, alreadyRequested: true };
    if (portfolio.status !== 'draft')
      throw invalidState('This portfolio has been submitted, so it can no longer be pre-reviewed.');
    const application = await findCurrentApplication(w.tx, user.userId);
    if (application?.status !== 'admitted')
      throw invalidState('Only admitted candidates can ask for a pre-review.');
    const set = await setOfPortfolio(w.tx, portfolio);
    const now = ctx.clock.now();
    const moved = (await movePrereviewStatus(w.tx, id, 'draft', {
      status: 'prereview_requested',
      prereviewRequestedAt: now,
      updatedAt: now,
    }))!;
    await w.audit({
      action: 'portfolio.prereview_requested',
      subjectType: 'portfolio',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'prereview_requested' },
    });
    await w.mail(
      prereviewMails.requested(user, {
        setTitle: set.title,
        link: `${ctx.config.baseUrl}/portfolios/${id}/prereview`,
      }),
    );
    return { portfolio: moved, alreadyRequested: false };
  });
}
