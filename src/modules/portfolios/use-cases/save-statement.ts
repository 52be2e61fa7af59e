import { type Ctx, transact } from '../../../platform/context.js';
import { parseInput } from '../../applications/validate.js';
import { portfolioForChange, requireChangeable } from '../access.js';
import { statementSchema } from '../forms.js';
import { countWords } from '../portfolio-progress.js';
import { type PortfolioRow, updatePortfolio } from '../repository.js';

/**
 * Save the Personal Learning Statement as it stands: a draft is kept whatever its length (the
 * guidance is about three pages); an empty box clears it. Refused once the portfolio is locked.
 */
export async function saveStatement(ctx: Ctx, id: string, raw: unknown): Promise<PortfolioRow> {
  return transact(ctx, async (w) => {
    const { portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    requireChangeable(portfolio, 'statement');
    const { statement } = parseInput(statementSchema, raw);
    const text = statement.replace(/\r\n?/g, '\n').trim();
    const saved = await updatePortfolio(w.tx, portfolio.id, {
      statement: text === '' ? null : text,
      updatedAt: ctx.clock.now(),
    });
    await w.audit({
      action: 'portfolio.statement_saved',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      before: { words: countWords(portfolio.statement) },
      after: { words: countWords(saved.statement) },
    });
    return saved;
  });
}
