import { sendAlertDigests } from './modules/catalog/use-cases/send-alert-digests.js';
import {
  remindCourseApprovals,
  remindOverdueCourseEvaluations,
} from './modules/courses/use-cases/send-course-reminders.js';
import { remindOverduePortfolioEvaluations } from './modules/portfolios/assignment-reminders.js';
import { assignPaidPortfolios } from './modules/portfolios/use-cases/assign-paid-portfolios.js';
import type { Ctx } from './platform/context.js';

/**
 * Work that runs on a schedule (hourly, by the `sweeps` job) and on demand (`lssc sweeps`): giving paid
 * portfolios their evaluators, reminders and alerts. Each sweep must be safe to run again: it records what it has already done (a
 * last-reminded date, a sent marker) so a second run the same day sends nothing twice.
 */
export const sweeps: ReadonlyArray<{ name: string; run: (ctx: Ctx) => Promise<unknown> }> = [
  { name: 'course-evaluations-overdue', run: remindOverdueCourseEvaluations },
  { name: 'course-approvals-ending', run: remindCourseApprovals },
  { name: 'catalog-alerts', run: sendAlertDigests },
  { name: 'portfolio-assignment', run: assignWaitingPortfolios },
  { name: 'portfolio-evaluations-overdue', run: remindOverduePortfolioEvaluations },
];

/** Paid portfolios waiting for evaluators get them, as when staff press the button; a count is enough here. */
async function assignWaitingPortfolios(ctx: Ctx) {
  const outcome = await assignPaidPortfolios(ctx);
  return { assigned: outcome.assigned.length, unassigned: outcome.unassigned.length };
}

export async function runSweeps(ctx: Ctx): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const sweep of sweeps) {
    try {
      results[sweep.name] = await sweep.run(ctx);
    } catch (err) {
      // One failing sweep must not stop the others; it runs again next hour.
      ctx.log.error({ err: (err as Error).message, sweep: sweep.name }, 'sweep failed');
      results[sweep.name] = { error: (err as Error).message };
    }
  }
  return results;
}
