import type { Ctx } from '../../../platform/context.js';
import type { CompetencySet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { type FeedRow, listNewestApproved } from '../feed-repository.js';

export const FEED_SIZE = 50;

/** The newest approvals still in the catalog, for the Atom feed. */
export async function listNewCourses(ctx: Ctx): Promise<{ rows: FeedRow[]; sets: CompetencySet[] }> {
  const [rows, { framework }] = await Promise.all([
    listNewestApproved(ctx.db, ctx.clock.today(), FEED_SIZE),
    getActiveProgramData(ctx),
  ]);
  return { rows, sets: framework.framework.framework.sets };
}
