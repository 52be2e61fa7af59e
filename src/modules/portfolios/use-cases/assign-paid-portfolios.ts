import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { DomainError } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { findActivePolicy } from '../../policy/repository.js';
import {
  assignmentCounts,
  type Keyset,
  keysetOf,
  listPaidWaiting,
  lockAssignmentWork,
  pagePaidWaiting,
} from '../assignment-repository.js';
import {
  type AssignOutcome,
  assignWithin,
  loadPool,
  portfoliosToAssign,
  setTitleLookup,
} from '../assignment-service.js';
import { assessPortfolio, explainShortfall } from '../rules/assignment.js';

/** Portfolios per transaction: big enough to be set-based, small enough to keep locks short. */
export const ASSIGNMENT_BATCH = 1000;

/** Read with the transaction's connection when inside one (PGlite has only one). */
export async function evaluatorsPerPortfolio(db: Queryable): Promise<number> {
  const policy = await findActivePolicy(db);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  return policy.policy.portfolios.evaluatorsPerPortfolio;
}

/**
 * Give every paid portfolio that is waiting (submitted or resubmitted, portfolio fee settled, no
 * evaluators on its current round) its evaluators, oldest submission first. Staff press the button;
 * the hourly sweep runs it as the system. One transaction per batch of ASSIGNMENT_BATCH; a
 * portfolio that cannot be assigned stays waiting and is reported with the reason.
 */
export async function assignPaidPortfolios(ctx: Ctx): Promise<AssignOutcome> {
  const assignedBy = ctx.actor.kind === 'system' ? null : requireRole(ctx.actor, 'staff', 'admin').userId;
  const perPortfolio = await evaluatorsPerPortfolio(ctx.db);
  const total: AssignOutcome = { assigned: [], unassigned: [] };
  // Keyset over (submitted, id): portfolios left unassigned are passed over, so the loop ends.
  let after: Keyset | undefined;
  for (;;) {
    const batch = await transact(ctx, async (w) => {
      await lockAssignmentWork(w.tx);
      const rows = await listPaidWaiting(w.tx, { limit: ASSIGNMENT_BATCH, after });
      if (rows.length === 0) return null;
      const outcome = await assignWithin(ctx, w, rows, { perPortfolio, assignedBy });
      return { outcome, last: keysetOf(rows[rows.length - 1]!), full: rows.length === ASSIGNMENT_BATCH };
    });
    if (!batch) break;
    total.assigned.push(...batch.outcome.assigned);
    total.unassigned.push(...batch.outcome.unassigned);
    if (!batch.full) break;
    after = batch.last;
  }
  if (total.assigned.length > 0)
    ctx.log.info(
      { assigned: total.assigned.length, unassigned: total.unassigned.length },
      'portfolio evaluators assigned',
    );
  return total;
}

export const WAITING_PAGE_SIZE = 50;
export const overviewQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1, 'Enter a page number of 1 or more')
    .max(10_000, 'Enter a smaller page number')
    .default(1),
});

export interface WaitingPortfolio {
  portfolioId: string;
  number: string;
  setTitle: string;
  submittedAt: Date | null;
  round: number;
  ready: boolean;
  /** Why it cannot be assigned now; null when the next run will assign it. */
  reason: string | null;
}

export interface AssignmentOverview {
  counts: { paidWaiting: number; unpaid: number; inEvaluation: number; overdueAssignments: number };
  waiting: WaitingPortfolio[];
  page: number;
  pageSize: number;
}

/** Staff: the figures, and the paid portfolios still waiting with whether the pool can take each now. */
export async function viewAssignmentOverview(ctx: Ctx, raw: unknown): Promise<AssignmentOverview> {
  requireRole(ctx.actor, 'staff', 'admin');
  const { page } = parseInput(overviewQuerySchema, raw ?? {});
  const today = ctx.clock.today();
  // Everything that does not depend on the page's rows at once; the whole pool is read because a
  // page of 50 portfolios usually spans most sets, and only this year's loads are needed to judge.
  const [perPortfolio, figures, { rows, total }, { pool }] = await Promise.all([
    evaluatorsPerPortfolio(ctx.db),
    assignmentCounts(ctx.db, today),
    pagePaidWaiting(ctx.db, { limit: WAITING_PAGE_SIZE, offset: (page - 1) * WAITING_PAGE_SIZE }),
    loadPool(ctx.db, today, undefined, { totals: false }),
  ]);
  const [{ toAssign }, titleOf] = await Promise.all([
    portfoliosToAssign(ctx.db, rows, { perPortfolio, concurrent: true }),
    setTitleLookup(ctx.db, rows),
  ]);
  const waiting = rows.map((p, i) => {
    const { ready, shortfall } = assessPortfolio(pool, toAssign[i]!, today);
    return {
      portfolioId: p.id,
      number: p.number ?? '',
      setTitle: titleOf(p),
      submittedAt: p.submittedAt,
      round: p.round,
      ready,
      reason: ready ? null : explainShortfall(shortfall),
    };
  });
  const counts = {
    paidWaiting: total,
    unpaid: Math.max(0, figures.waiting - total),
    inEvaluation: figures.inEvaluation,
    overdueAssignments: figures.overdueAssignments,
  };
  return { counts, waiting, page, pageSize: WAITING_PAGE_SIZE };
}
