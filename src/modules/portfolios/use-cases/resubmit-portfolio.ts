import { addDays } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { portfolioForChange } from '../access.js';
import {
  type AssignmentRow,
  assignmentsOfPortfolios,
  candidateIdentities,
  insertAssignments,
  lockAssignmentWork,
} from '../assignment-repository.js';
import { loadPool, PORTFOLIO_EVALUATION_DAYS } from '../assignment-service.js';
import { portfolioMails } from '../mails.js';
import { portfolioProgress } from '../portfolio-progress.js';
import { setOfPortfolio } from '../portfolio-set.js';
import { listEvidence, type PortfolioRow, transitionPortfolio } from '../repository.js';
import { resubmissionMails } from '../resubmission-mails.js';
import { ineligibility } from '../rules/assignment.js';
import { candidateKeys } from '../rules/conflicts.js';
import { evaluatorsPerPortfolio } from './assign-paid-portfolios.js';
import { incompleteError } from './submit-portfolio.js';
import { resubmissionsLeft } from './view-portfolio-outcome.js';

export interface ResubmitPortfolioResult {
  portfolio: PortfolioRow;
  /** True when this request found it already resubmitted (a double click or a retry). */
  alreadyResubmitted: boolean;
  /** Slots left for staff to fill: the earlier evaluator is no longer active or now has a conflict. */
  emptyPositions: number[];
}

/** Where an evaluator rates one assignment (the rating pages). */
export const ratingLink = (ctx: Ctx, assignmentId: string) =>
  `${ctx.config.baseUrl}/evaluator/assignments/${assignmentId}`;

function notResubmittable(p: PortfolioRow): string {
  const name = p.number ? `Portfolio ${p.number}` : 'This portfolio';
  if (p.status === 'draft' || p.status === 'prereview_requested')
    return `${name} has not been submitted yet: submit it from the check page.`;
  if (p.status === 'approved') return `${name} is approved, so there is nothing to resubmit.`;
  if (p.status === 'not_satisfactory')
    return `${name} was found not satisfactory, so it cannot be resubmitted. You can start a new portfolio for the set.`;
  return `${name} is with the evaluators. You can resubmit only when they ask for more information.`;
}

/**
 * Resubmit a portfolio after a "more information" outcome (decision 0008, point 5): every reopened
 * competency must have primary evidence; there is no fee. In one transaction the portfolio goes to
 * the next round, keeps `unlockedCompetencyIds` as the record of what reopened (editing closes
 * because of the status), and the earlier round's evaluators 1 and 2 get the same slots again, due
 * in PORTFOLIO_EVALUATION_DAYS, each mailed by PF number only. An evaluator no longer in the pool,
 * inactive, untrained for the set or now in conflict with the candidate leaves the slot empty: the
 * portfolio is then "resubmitted" and waits for staff (the assignment page and batch fill the empty
 * slots and move it to "in evaluation"). The assignment lock, then the row lock, make a repeated
 * post find the first one's result.
 */
export async function resubmitPortfolio(ctx: Ctx, id: string): Promise<ResubmitPortfolioResult> {
  requireUser(ctx.actor);
  return transact(ctx, async (w) => {
    // The same order as staff assigning (assignment lock, then the portfolio), so they never deadlock.
    await lockAssignmentWork(w.tx);
    const { user, portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    if (portfolio.status !== 'more_information') {
      if (portfolio.round > 1 && (portfolio.status === 'resubmitted' || portfolio.status === 'in_evaluation'))
        return { portfolio, alreadyResubmitted: true, emptyPositions: [] };
      throw invalidState(notResubmittable(portfolio));
    }
    if ((await resubmissionsLeft(w.tx, user.userId, portfolio.round)) === 0)
      throw invalidState(`Portfolio ${portfolio.number} has no resubmission left.`);

    const reopened = portfolio.unlockedCompetencyIds ?? [];
    const set = await setOfPortfolio(w.tx, portfolio);
    const progress = portfolioProgress(set, await listEvidence(w.tx, portfolio.id), portfolio.statement);
    const lacking = progress.lackingPrimary.filter((c) => reopened.includes(c.id));
    if (lacking.length > 0)
      throw incompleteError({ ...progress, lackingPrimary: lacking, statementMissing: false });

    const today = ctx.clock.today();
    const now = ctx.clock.now();
    const dueOn = addDays(today, PORTFOLIO_EVALUATION_DAYS);
    const perPortfolio = await evaluatorsPerPortfolio(w.tx);
    const round = portfolio.round + 1;
    const earlier = (await assignmentsOfPortfolios(w.tx, [portfolio.id])).filter(
      (a) => a.round === portfolio.round && !a.replacedAt && a.position <= perPortfolio,
    );
    const { members, pool } = await loadPool(w.tx, today, [portfolio.setId], { totals: false });
    const identity = (await candidateIdentities(w.tx, [portfolio.candidateId])).get(portfolio.candidateId);
    const candidate = candidateKeys(
      identity ?? { email: user.email, displayName: null, names: [], employers: [], libraries: [] },
    );
    // Capacity is not asked (load 0): they are finishing a portfolio they already took on.
    const stillEligible = (evaluatorId: string) => {
      const e = pool.find((p) => p.id === evaluatorId);
      return e !== undefined && ineligibility(e, { setId: portfolio.setId, candidate }, today, 0) === null;
    };
    const kept = earlier.filter((a) => stillEligible(a.evaluatorId));
    const emptyPositions = Array.from({ length: perPortfolio }, (_, i) => i + 1).filter(
      (position) => !kept.some((a) => a.position === position),
    );
    const status = emptyPositions.length === 0 ? 'in_evaluation' : 'resubmitted';
    const moved = await transitionPortfolio(w.tx, portfolio.id, ['more_information'], {
      status,
      round,
      updatedAt: now,
    });
    if (!moved) return { portfolio, alreadyResubmitted: true, emptyPositions: [] };

    const inserted: AssignmentRow[] = kept.map((a) => ({
      id: uuidv7(now.getTime()),
      portfolioId: portfolio.id,
      evaluatorId: a.evaluatorId,
      round,
      position: a.position,
      assignedBy: null,
      assignedAt: now,
      dueOn,
      submittedAt: null,
      replacedAt: null,
      lastRemindedOn: null,
    }));
    await insertAssignments(w.tx, inserted);
    await w.audit({
      action: 'portfolio.resubmitted',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      before: { status: portfolio.status, round: portfolio.round },
      after: { status, round, reopened, feeCents: 0, emptyPositions },
    });
    await w.auditMany(
      inserted.map((a) => ({
        action: 'portfolio.evaluator_assigned_for_resubmission',
        subjectType: 'portfolio',
        subjectId: portfolio.id,
        after: { assignmentId: a.id, evaluatorId: a.evaluatorId, round, position: a.position, dueOn },
      })),
    );
    const people = new Map(members.map((m) => [m.id, m]));
    await w.mailMany(
      inserted.map((a) =>
        resubmissionMails.reassigned(people.get(a.evaluatorId)!, {
          number: portfolio.number ?? '',
          setTitle: set.title,
          dueOn,
          reopened,
          link: ratingLink(ctx, a.id),
        }),
      ),
    );
    await w.mail(
      portfolioMails.resubmitted(user, {
        number: portfolio.number ?? '',
        setTitle: set.title,
        reopened,
        waitingForEvaluator: emptyPositions.length > 0,
        link: `${ctx.config.baseUrl}/portfolios/${portfolio.id}`,
      }),
    );
    return { portfolio: moved, alreadyResubmitted: false, emptyPositions };
  });
}
