import { z } from 'zod';
import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findUserById } from '../../accounts/users-repository.js';
import { parseInput } from '../../applications/validate.js';
import { balanceOf, findFeeBySubject } from '../../payments/repository.js';
import {
  findPortfolioForAssignment,
  listAssignmentsWithEvaluators,
  lockAssignmentWork,
  type PortfolioForAssignment,
} from '../assignment-repository.js';
import {
  type AssignOutcome,
  assignWithin,
  loadPool,
  portfoliosToAssign,
  setTitleLookup,
} from '../assignment-service.js';
import { assessPortfolio, explainShortfall, rankEligible } from '../rules/assignment.js';
import { conflictBetween, conflictReasonLabels } from '../rules/conflicts.js';
import { evaluatorsPerPortfolio } from './assign-paid-portfolios.js';

export const portfolioNotFound = () => notFound('That portfolio');

export const assignOneSchema = z.object({
  third: z
    .boolean({ error: 'Answer true or false' })
    .default(false)
    .describe('Add a third evaluator to a portfolio in evaluation (when the first two disagree)'),
});

/** Nothing owed: the fee is paid, or none was charged (a program without a portfolio fee). */
async function feeIsSettled(w: Work, portfolioId: string): Promise<boolean> {
  const fee = await findFeeBySubject(w.tx, 'portfolio', portfolioId);
  return fee === undefined || (await balanceOf(w.tx, fee.id)).balance.settled;
}

/**
 * Give a third evaluator to a portfolio in evaluation, inside the caller's transaction: for the
 * ratings code when the first two evaluators' recommendations differ. Returns the outcome; an
 * empty `assigned` means nobody eligible was free, with the reason in `unassigned`.
 */
export async function assignThirdEvaluatorWithin(
  ctx: Ctx,
  w: Work,
  portfolioId: string,
  assignedBy: string | null,
): Promise<AssignOutcome> {
  await lockAssignmentWork(w.tx);
  const portfolio = await findPortfolioForAssignment(w.tx, portfolioId, { lock: true });
  if (!portfolio) throw portfolioNotFound();
  if (portfolio.status !== 'in_evaluation')
    throw invalidState('A third evaluator can only join a portfolio in evaluation.');
  const perPortfolio = await evaluatorsPerPortfolio(w.tx);
  const current = (await listAssignmentsWithEvaluators(w.tx, portfolioId)).filter(
    (a) => a.assignment.round === portfolio.round && !a.assignment.replacedAt,
  );
  if (current.some((a) => a.assignment.position > perPortfolio))
    throw invalidState('This portfolio already has a third evaluator.');
  const firstTwo = current.filter((a) => a.assignment.position <= perPortfolio);
  if (firstTwo.length < perPortfolio || firstTwo.some((a) => !a.assignment.submittedAt))
    throw invalidState('A third evaluator is asked only after the first evaluators have submitted.');
  return assignWithin(ctx, w, [portfolio], { perPortfolio, assignedBy, third: true });
}

/**
 * Staff: assign one portfolio now (the same rule as the batch), or add a third evaluator. Refused
 * with the reason when the pool cannot take it; never given to someone with a conflict.
 */
export async function assignPortfolioEvaluators(
  ctx: Ctx,
  portfolioId: string,
  raw: unknown,
): Promise<AssignOutcome> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(portfolioId)) throw portfolioNotFound();
  const { third } = parseInput(assignOneSchema, raw ?? {});
  const perPortfolio = await evaluatorsPerPortfolio(ctx.db);
  const outcome = await transact(ctx, async (w) => {
    if (third) return assignThirdEvaluatorWithin(ctx, w, portfolioId, staff.userId);
    await lockAssignmentWork(w.tx);
    const portfolio = await findPortfolioForAssignment(w.tx, portfolioId, { lock: true });
    if (!portfolio) throw portfolioNotFound();
    if (portfolio.status === 'in_evaluation') throw invalidState('Evaluators are already assigned.');
    if (portfolio.status !== 'submitted' && portfolio.status !== 'resubmitted')
      throw invalidState('Only a submitted portfolio can be sent to evaluators.');
    if (!(await feeIsSettled(w, portfolio.id)))
      throw invalidState('The portfolio fee is not paid yet, so the portfolio cannot be evaluated.');
    return assignWithin(ctx, w, [portfolio], { perPortfolio, assignedBy: staff.userId });
  });
  const [failed] = outcome.unassigned;
  if (failed) throw invalidState(`Portfolio ${failed.number} could not be assigned. ${failed.reason}`);
  return outcome;
}

/** One current or past assignment as staff see it. */
export interface PanelAssignment {
  id: string;
  evaluatorId: string;
  evaluatorName: string;
  evaluatorEmail: string;
  round: number;
  position: number;
  dueOn: string;
  submittedAt: Date | null;
  replacedAt: Date | null;
  /** A conflict found since the assignment (a newly declared library or person). */
  conflict: string | null;
}

export interface PortfolioAssignmentPanel {
  portfolio: PortfolioForAssignment;
  setTitle: string;
  candidateName: string;
  perPortfolio: number;
  feeSettled: boolean;
  /** False when the program charged no portfolio fee. */
  feeCharged: boolean;
  current: PanelAssignment[];
  history: PanelAssignment[];
  /** Who could take a slot now, least loaded first. */
  eligible: Array<{ id: string; displayName: string; email: string; load: number; capacity: number }>;
  /** For a waiting portfolio: why the pool cannot take it now, or null. */
  shortfall: string | null;
  today: string;
}

/** Staff: a portfolio's evaluators, past and present, and who could replace one. */
export async function viewPortfolioAssignment(
  ctx: Ctx,
  portfolioId: string,
): Promise<PortfolioAssignmentPanel> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(portfolioId)) throw portfolioNotFound();
  const portfolio = await findPortfolioForAssignment(ctx.db, portfolioId);
  if (!portfolio || portfolio.status === 'draft' || portfolio.status === 'prereview_requested')
    throw portfolioNotFound();
  const today = ctx.clock.today();
  const perPortfolio = await evaluatorsPerPortfolio(ctx.db);
  const [{ members, pool }, { toAssign }, titleOf, rows, candidate, fee] = await Promise.all([
    loadPool(ctx.db, today, [portfolio.setId]),
    portfoliosToAssign(ctx.db, [portfolio], { perPortfolio, concurrent: true }),
    setTitleLookup(ctx.db, [portfolio]),
    listAssignmentsWithEvaluators(ctx.db, portfolioId),
    findUserById(ctx.db, portfolio.candidateId),
    findFeeBySubject(ctx.db, 'portfolio', portfolioId),
  ]);
  const target = toAssign[0]!;
  const byId = new Map(pool.map((e) => [e.id, e]));
  const all = rows.map((r): PanelAssignment => {
    const e = byId.get(r.assignment.evaluatorId);
    const reason = e ? conflictBetween(e.conflicts, target.candidate) : null;
    return {
      ...r.assignment,
      evaluatorName: r.name,
      evaluatorEmail: r.email,
      conflict: reason ? conflictReasonLabels[reason] : null,
    };
  });
  const people = new Map(members.map((m) => [m.id, m]));
  const waiting = portfolio.status === 'submitted' || portfolio.status === 'resubmitted';
  const assessed = waiting ? assessPortfolio(pool, target, today) : null;
  return {
    portfolio,
    setTitle: titleOf(portfolio),
    candidateName: candidate?.displayName ?? '',
    perPortfolio,
    feeSettled: fee ? (await balanceOf(ctx.db, fee.id)).balance.settled : true,
    feeCharged: fee !== undefined,
    current: all.filter((a) => a.round === portfolio.round && !a.replacedAt),
    history: all.filter((a) => a.round !== portfolio.round || a.replacedAt),
    eligible: rankEligible(pool, target, today).map((e) => ({
      id: e.id,
      displayName: people.get(e.id)!.displayName,
      email: people.get(e.id)!.email,
      load: e.load,
      capacity: e.capacity,
    })),
    shortfall: assessed && !assessed.ready ? explainShortfall(assessed.shortfall) : null,
    today,
  };
}
