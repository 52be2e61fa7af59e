import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import type { ApplicationStatus } from '../../applications/schema.js';
import { countApplicationsByStatus } from '../../applications/staff-repository.js';

/** Counts per application status for the staff home page. */
export async function staffOverview(
  ctx: Ctx,
): Promise<{ counts: Partial<Record<ApplicationStatus, number>> }> {
  requireRole(ctx.actor, 'staff', 'admin');
  return { counts: await countApplicationsByStatus(ctx.db) };
}
