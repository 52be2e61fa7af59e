import { z } from 'zod';
import { addDays } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findUserById } from '../../accounts/users-repository.js';
import { parseInput } from '../../applications/validate.js';
import { assignmentMails } from '../assignment-mails.js';
import {
  type AssignmentRow,
  findAssignment,
  findPortfolioForAssignment,
  insertAssignments,
  lockAssignmentWork,
  markReplaced,
} from '../assignment-repository.js';
import {
  evaluatorLink,
  loadPool,
  PORTFOLIO_EVALUATION_DAYS,
  portfoliosToAssign,
  setTitleLookup,
} from '../assignment-service.js';
import { ineligibility } from '../rules/assignment.js';
import { evaluatorsPerPortfolio } from './assign-paid-portfolios.js';

const assignmentNotFound = () => notFound('That assignment');

export const reassignSchema = z.object({
  evaluatorId: z
    .string({ error: 'Choose the evaluator who takes this portfolio instead' })
    .min(1, 'Choose the evaluator who takes this portfolio instead')
    .max(64, 'Choose the evaluator who takes this portfolio instead'),
});

const refusals: Record<string, string> = {
  inactive: 'That evaluator is not active.',
  untrained: 'That evaluator has not completed the training.',
  not_qualified: 'That evaluator does not evaluate this set.',
  already_on: 'That evaluator is already on this portfolio (or was taken off it).',
  at_capacity: 'That evaluator has reached their yearly capacity.',
  employer: 'That evaluator has a conflict with the candidate (the same library).',
  declared_library: 'That evaluator has a conflict with the candidate (a declared library).',
  declared_person: 'That evaluator has a conflict with the candidate (a declared person).',
};

/**
 * Staff give one slot of a portfolio to another eligible evaluator: the old assignment is kept,
 * marked replaced; the new one is due in PORTFOLIO_EVALUATION_DAYS. Both evaluators are told.
 * A slot whose ratings are already submitted cannot be reassigned.
 */
export async function reassignPortfolioEvaluator(
  ctx: Ctx,
  portfolioId: string,
  assignmentId: string,
  raw: unknown,
): Promise<AssignmentRow> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(assignmentId)) throw assignmentNotFound();
  const { evaluatorId } = parseInput(reassignSchema, raw ?? {});
  const perPortfolio = await evaluatorsPerPortfolio(ctx.db);
  return transact(ctx, async (w) => {
    await lockAssignmentWork(w.tx);
    const old = await findAssignment(w.tx, assignmentId);
    if (!old || old.portfolioId !== portfolioId) throw assignmentNotFound();
    const portfolio = await findPortfolioForAssignment(w.tx, old.portfolioId, { lock: true });
    if (!portfolio) throw assignmentNotFound();
    if (old.replacedAt) throw invalidState('This evaluator was already replaced.');
    if (old.submittedAt) throw invalidState('This evaluator has already submitted their ratings.');
    if (portfolio.status !== 'in_evaluation' || old.round !== portfolio.round)
      throw invalidState('Only a portfolio in evaluation can get another evaluator.');
    const today = ctx.clock.today();
    const { members, pool } = await loadPool(w.tx, today, [portfolio.setId]);
    const { toAssign } = await portfoliosToAssign(w.tx, [portfolio], { perPortfolio });
    const titleOf = await setTitleLookup(w.tx, [portfolio]);
    const chosen = pool.find((e) => e.id === evaluatorId);
    const why = chosen ? ineligibility(chosen, toAssign[0]!, today) : 'not_qualified';
    if (!UUID_PATTERN.test(evaluatorId) || !chosen)
      throw validationFailed({ evaluatorId: 'Choose a portfolio evaluator from the list' });
    if (why) throw validationFailed({ evaluatorId: refusals[why]! });
    const now = ctx.clock.now();
    if (!(await markReplaced(w.tx, old.id, now))) throw invalidState('This assignment changed meanwhile.');
    const row: AssignmentRow = {
      id: uuidv7(now.getTime()),
      portfolioId: portfolio.id,
      evaluatorId,
      round: old.round,
      position: old.position,
      assignedBy: staff.userId,
      assignedAt: now,
      dueOn: addDays(today, PORTFOLIO_EVALUATION_DAYS),
      submittedAt: null,
      replacedAt: null,
      lastRemindedOn: null,
    };
    await insertAssignments(w.tx, [row]);
    await w.audit({
      action: 'portfolio.evaluator_reassigned',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      before: { assignmentId: old.id, evaluatorId: old.evaluatorId, position: old.position },
      after: { assignmentId: row.id, evaluatorId, position: row.position, dueOn: row.dueOn },
    });
    const people = new Map(members.map((m) => [m.id, m]));
    const about = { number: portfolio.number ?? '', setTitle: titleOf(portfolio) };
    const previous = await findUserById(w.tx, old.evaluatorId);
    if (previous) await w.mail(assignmentMails.withdrawn(previous, about));
    await w.mail(
      assignmentMails.assigned(people.get(evaluatorId)!, [
        { ...about, dueOn: row.dueOn, link: evaluatorLink(ctx, portfolio.id) },
      ]),
    );
    return row;
  });
}
