import type { Ctx, Work } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { findUserById } from '../accounts/users-repository.js';
import { policyFor } from '../applications/own-application.js';
import { findCurrentApplication } from '../applications/repository.js';
import { certifyIfComplete } from '../certification/certify-if-complete.js';
import { insertAchievementsOnce, listPeople } from '../completions/credit-repository.js';
import type { CompetencySet } from '../policy/framework.js';
import type { AssignmentRow } from './assignment-repository.js';
import { decisionMails } from './decision-mails.js';
import { type DecisionRow, insertDecision, listStaffAddresses } from './rating-repository.js';
import { fullRatingsOf, loadRatingsFor, roundAssignments } from './rating-service.js';
import { type PortfolioRow, updatePortfolio } from './repository.js';
import { type PortfolioResult, portfolioOutcome } from './rules/outcome.js';
import { assignThirdEvaluatorWithin } from './use-cases/assign-portfolio-evaluators.js';

export type RoundState =
  | { state: 'waiting' }
  | { state: 'third_evaluator'; assigned: boolean }
  | { state: 'decided'; result: PortfolioResult };

/**
 * Inside the transaction that submitted a rating (which holds the portfolio's row lock): once every
 * evaluator the round needs has submitted, work out the outcome (decision 0008) and act on it: ask
 * for a third evaluator, or record the decision, move the portfolio on, achieve the set when
 * approved, and tell the candidate and the evaluators.
 */
export async function decideRoundIfReady(
  ctx: Ctx,
  w: Work,
  input: {
    portfolio: PortfolioRow;
    set: CompetencySet;
    assignments: readonly AssignmentRow[];
    decisions: readonly DecisionRow[];
  },
): Promise<RoundState> {
  const { portfolio, set, assignments, decisions } = input;
  const current = roundAssignments(assignments, portfolio.round);
  const firstTwo = current.filter((a) => a.position <= 2);
  const third = current.find((a) => a.position > 2);
  if (firstTwo.length < 2 || firstTwo.some((a) => !a.submittedAt)) return { state: 'waiting' };
  if (third && !third.submittedAt) return { state: 'waiting' };

  // The rules' numbers come from the policy the candidate was admitted under, like their deadline.
  const { policy } = await policyFor(w.tx, await findCurrentApplication(w.tx, portfolio.candidateId));
  const byAssignment = await loadRatingsFor(w.tx, assignments);
  const allIds = set.competencies.map((c) => c.id);
  const raters = third ? [...firstTwo, third] : firstTwo;
  const result = portfolioOutcome({
    ratingsByEvaluator: raters.map((a) => fullRatingsOf(a, assignments, byAssignment, allIds, decisions)),
    round: portfolio.round,
    policy,
  });

  if (result.outcome === 'needs_third_evaluator') {
    const asked = await assignThirdEvaluatorWithin(ctx, w, portfolio.id, null);
    if (asked.assigned.length > 0) return { state: 'third_evaluator', assigned: true };
    const reason = asked.unassigned[0]?.reason ?? 'no qualified evaluator is free.';
    await w.audit({
      action: 'portfolio.third_evaluator_unavailable',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      after: { round: portfolio.round, reason },
    });
    const link = `${ctx.config.baseUrl}/staff/portfolios/${portfolio.id}/assignment`;
    await w.mailMany(
      (await listStaffAddresses(w.tx)).map((to) =>
        decisionMails.thirdNeeded(to, { number: portfolio.number ?? '', setTitle: set.title, reason, link }),
      ),
    );
    return { state: 'third_evaluator', assigned: false };
  }

  await recordDecision(ctx, w, portfolio, set, raters, result, policy.portfolios.resubmissionsAllowed);
  return { state: 'decided', result };
}

async function recordDecision(
  ctx: Ctx,
  w: Work,
  portfolio: PortfolioRow,
  set: CompetencySet,
  raters: readonly AssignmentRow[],
  result: PortfolioResult & { outcome: 'approved' | 'more_information' | 'not_satisfactory' },
  resubmissionsAllowed: number,
): Promise<void> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const number = portfolio.number ?? '';
  await insertDecision(w.tx, {
    id: uuidv7(now.getTime()),
    portfolioId: portfolio.id,
    round: portfolio.round,
    setId: portfolio.setId,
    outcome: result.outcome,
    decidedBy: result.decidedBy,
    flagged: result.flagged,
    decidedAt: now,
  });
  await updatePortfolio(w.tx, portfolio.id, {
    status: result.outcome,
    decidedAt: now,
    ...(result.outcome === 'more_information' ? { unlockedCompetencyIds: result.flagged } : {}),
    updatedAt: now,
  });

  const candidate = await findUserById(w.tx, portfolio.candidateId);
  const ref = { number, setTitle: set.title, link: `${ctx.config.baseUrl}/portfolios/${portfolio.id}` };
  let achieved = false;
  if (result.outcome === 'approved') {
    achieved =
      (
        await insertAchievementsOnce(w.tx, [
          {
            id: uuidv7(now.getTime()),
            candidateId: portfolio.candidateId,
            setId: portfolio.setId,
            how: 'portfolio',
            achievedOn: today,
            sourceRef: number,
            createdAt: now,
          },
        ])
      ).length > 0;
    if (candidate)
      await w.mail(
        decisionMails.approved(candidate, { ...ref, dashboard: `${ctx.config.baseUrl}/dashboard` }),
      );
  } else if (result.outcome === 'more_information') {
    const topics = new Map(set.competencies.map((c) => [c.id, c.topic]));
    if (candidate)
      await w.mail(
        decisionMails.moreInformation(candidate, {
          ...ref,
          reopened: result.flagged.map((id) => topics.get(id) ?? id),
          resubmissions: resubmissionsAllowed,
        }),
      );
  } else if (candidate) {
    const courses = `${ctx.config.baseUrl}/catalog?set=${encodeURIComponent(portfolio.setId)}`;
    await w.mail(decisionMails.notSatisfactory(candidate, { ...ref, courses }));
  }

  const evaluators = await listPeople(
    w.tx,
    raters.map((a) => a.evaluatorId),
  );
  await w.mailMany(
    raters.flatMap((a) => {
      const to = evaluators.get(a.evaluatorId);
      return to
        ? [
            decisionMails.toEvaluator(to, {
              number,
              setTitle: set.title,
              outcome: result.outcome,
              link: `${ctx.config.baseUrl}/evaluator/assignments/${a.id}`,
            }),
          ]
        : [];
    }),
  );

  // Audit events last: they take the audit chain's lock, held until the transaction ends.
  await w.audit({
    action: 'portfolio.decided',
    subjectType: 'portfolio',
    subjectId: portfolio.id,
    before: { status: portfolio.status },
    after: {
      status: result.outcome,
      round: portfolio.round,
      decidedBy: result.decidedBy,
      recommendations: result.evaluators.map((e) => e.recommendation),
      flagged: result.flagged,
    },
  });
  if (achieved)
    await w.audit({
      action: 'set_achievement.recorded',
      subjectType: 'candidate',
      subjectId: portfolio.candidateId,
      after: { setId: portfolio.setId, how: 'portfolio', achievedOn: today, source: number },
    });
  // This set may be the last one needed: certify now, in the same transaction.
  if (achieved) await certifyIfComplete(ctx, w, [portfolio.candidateId]);
}
