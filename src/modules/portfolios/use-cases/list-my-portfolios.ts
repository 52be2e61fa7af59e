import type { Ctx } from '../../../platform/context.js';
import { listAchievements } from '../../applications/repository.js';
import type { CompetencySet } from '../../policy/framework.js';
import { findFrameworkById } from '../../policy/repository.js';
import { requireAdmittedCandidate } from '../access.js';
import { type PortfolioProgress, portfolioProgress } from '../portfolio-progress.js';
import { listEvidence, listPortfoliosOf, type PortfolioRow } from '../repository.js';

export interface MyPortfolio {
  portfolio: PortfolioRow;
  set: Pick<CompetencySet, 'id' | 'code' | 'title'>;
  progress: PortfolioProgress;
}

export interface MyPortfolios {
  portfolios: MyPortfolio[];
  /** Sets of the candidate's framework not yet achieved and without an open portfolio. */
  startable: Array<Pick<CompetencySet, 'id' | 'code' | 'title' | 'required'>>;
}

/** The candidate's portfolios with their progress, and the sets they could start one for. */
export async function listMyPortfolios(ctx: Ctx): Promise<MyPortfolios> {
  const { user, application } = await requireAdmittedCandidate(ctx.db, ctx.actor);
  const [framework, rows, achieved] = await Promise.all([
    findFrameworkById(ctx.db, application.frameworkVersionId),
    listPortfoliosOf(ctx.db, user.userId),
    listAchievements(ctx.db, user.userId),
  ]);
  const sets = framework?.framework.framework.sets ?? [];
  const portfolios: MyPortfolio[] = [];
  for (const portfolio of rows) {
    // A portfolio keeps the framework it was started under; it is the candidate's pinned one.
    const set = sets.find((s) => s.id === portfolio.setId);
    if (!set) continue;
    const evidence = await listEvidence(ctx.db, portfolio.id);
    portfolios.push({ portfolio, set, progress: portfolioProgress(set, evidence, portfolio.statement) });
  }
  const busy = new Set([
    ...achieved.map((a) => a.setId),
    ...rows.filter((p) => p.status !== 'not_satisfactory').map((p) => p.setId),
  ]);
  return {
    portfolios,
    startable: sets
      .filter((s) => !busy.has(s.id))
      .map((s) => ({ id: s.id, code: s.code, title: s.title, required: s.required })),
  };
}
