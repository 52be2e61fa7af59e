import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, validationFailed } from '../../../platform/errors.js';
import { fieldErrorsFrom } from '../../../platform/http/forms.js';
import { uuidv7 } from '../../../platform/ids.js';
import { portfolioForStaff, setOfPortfolio } from '../prereview-access.js';
import { insertPortfolioComment, type PortfolioCommentRow } from '../prereview-repository.js';

export const portfolioCommentSchema = z.object({
  competencyId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .describe('The competency commented on; null or absent for the Personal Learning Statement'),
  body: z
    .string({ error: 'Write your comment.' })
    .trim()
    .min(1, 'Write your comment.')
    .max(5000, 'Keep the comment to 5,000 characters or fewer.'),
});

/**
 * Program staff comment on one competency of a portfolio waiting for pre-review, or on its
 * statement. Each comment is saved on its own, so nothing typed for one competency waits on another.
 */
export async function commentOnPortfolio(ctx: Ctx, id: string, input: unknown): Promise<PortfolioCommentRow> {
  const parsed = portfolioCommentSchema.safeParse(input ?? {});
  return transact(ctx, async (w) => {
    // Locked so a comment cannot slip in after the pre-review is finished.
    const { user, portfolio } = await portfolioForStaff(w.tx, ctx.actor, id, { lock: true });
    if (!parsed.success) throw validationFailed(fieldErrorsFrom(parsed.error));
    if (portfolio.status !== 'prereview_requested')
      throw invalidState('This portfolio is not waiting for a pre-review, so it cannot be commented on.');
    const competencyId = parsed.data.competencyId || null;
    if (competencyId) {
      const set = await setOfPortfolio(w.tx, portfolio);
      if (!set.competencies.some((c) => c.id === competencyId))
        throw validationFailed({ competencyId: `${set.title} has no competency ${competencyId}.` });
    }
    const row: PortfolioCommentRow = {
      id: uuidv7(),
      portfolioId: id,
      competencyId,
      authorId: user.userId,
      body: parsed.data.body,
      createdAt: ctx.clock.now(),
    };
    await insertPortfolioComment(w.tx, row);
    await w.audit({
      action: 'portfolio.prereview_commented',
      subjectType: 'portfolio',
      subjectId: id,
      after: { commentId: row.id, competencyId, body: row.body },
    });
    return row;
  });
}
