import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import type { CompetencySet } from '../../policy/framework.js';
import { frameworkSets } from '../evaluator-access.js';
import { POOL_PAGE_SIZE, poolQuerySchema } from '../evaluator-forms.js';
import { listPoolPage, type PoolListRow, yearStartOf } from '../evaluator-repository.js';

export interface EvaluatorPoolPage {
  items: PoolListRow[];
  total: number;
  page: number;
  pageSize: number;
  sets: CompetencySet[];
}

/** Staff: everyone with the portfolio evaluator role, by name, with sets, capacity and this year's load. */
export async function listEvaluatorPool(ctx: Ctx, raw: unknown): Promise<EvaluatorPoolPage> {
  requireRole(ctx.actor, 'staff', 'admin');
  const { page } = parseInput(poolQuerySchema, raw ?? {});
  const [{ rows, total }, sets] = await Promise.all([
    listPoolPage(
      ctx.db,
      { limit: POOL_PAGE_SIZE, offset: (page - 1) * POOL_PAGE_SIZE },
      yearStartOf(ctx.clock.today()),
    ),
    frameworkSets(ctx.db),
  ]);
  return { items: rows, total, page, pageSize: POOL_PAGE_SIZE, sets };
}
