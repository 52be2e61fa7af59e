import { z } from 'zod';
import { addDays } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { balanceOf, findFeeBySubject } from '../../payments/repository.js';
import { findActivePolicy } from '../../policy/repository.js';
import { courseApplicationNotFound } from '../access.js';
import { evaluationMails } from '../evaluation-mails.js';
import {
  type CourseEvaluationRow,
  insertEvaluations,
  listEligibleEvaluators,
  listEvaluationsOf,
  supersedeEvaluationsOf,
} from '../evaluation-repository.js';
import { courseFeeKind, courseFeeName } from '../fees.js';
import {
  type CourseApplicationRow,
  lockCourseApplication,
  transitionCourseApplication,
} from '../repository.js';

/** Evaluators have this many days from assignment to submit. */
export const EVALUATION_DAYS = 21;

export const assignEvaluatorsSchema = z.object({
  evaluatorIds: z.array(z.string().max(64)).max(10),
});

/**
 * Staff send a submitted, paid course application to exactly the policy's number of distinct
 * course evaluators, none of them members of the provider. Each gets a mail with the due date.
 */
export async function assignCourseEvaluators(
  ctx: Ctx,
  id: string,
  input: unknown,
): Promise<{ application: CourseApplicationRow; evaluations: CourseEvaluationRow[] }> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(id)) throw courseApplicationNotFound();
  const parsed = assignEvaluatorsSchema.safeParse(input);
  if (!parsed.success) throw validationFailed({ evaluatorIds: 'Choose the course evaluators.' });
  const chosen = [...new Set(parsed.data.evaluatorIds.filter((e) => e !== ''))];
  return transact(ctx, async (w) => {
    const application = await lockCourseApplication(w.tx, id);
    if (!application) throw courseApplicationNotFound();
    if (application.status === 'in_evaluation') throw invalidState('Evaluators are already assigned.');
    if (application.status !== 'submitted')
      throw invalidState('Only a submitted course application can be sent for evaluation.');
    const fee = await findFeeBySubject(w.tx, courseFeeKind(application), application.id);
    if (fee && !(await balanceOf(w.tx, fee.id)).balance.settled)
      throw invalidState(
        `The ${courseFeeName(application)} is not paid yet, so the course cannot be evaluated.`,
      );
    const policy = await findActivePolicy(w.tx);
    if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
    const needed = policy.policy.courses.evaluatorsPerApplication;
    if (chosen.length !== needed)
      throw validationFailed({ evaluatorIds: `Choose ${needed} different course evaluators.` });
    const eligible = await listEligibleEvaluators(w.tx, application.providerId);
    const byId = new Map(eligible.map((e) => [e.id, e]));
    if (!chosen.every((e) => byId.has(e)))
      throw validationFailed({
        evaluatorIds:
          'Choose people with the course evaluator role who are not members of the course provider.',
      });
    const previous = await listEvaluationsOf(w.tx, application.id);
    if (previous.length > 0) await supersedeEvaluationsOf(w.tx, application.id, ctx.clock.now());
    const now = ctx.clock.now();
    const dueOn = addDays(ctx.clock.today(), EVALUATION_DAYS);
    const rows: CourseEvaluationRow[] = chosen.map((evaluatorId) => ({
      id: uuidv7(now.getTime()),
      applicationId: application.id,
      evaluatorId,
      assignedBy: staff.userId,
      assignedAt: now,
      dueOn,
      submittedAt: null,
      scores: null,
      comment: null,
      recommendation: null,
      supersededAt: null,
      lastRemindedOn: null,
    }));
    const updated = await transitionCourseApplication(w.tx, application.id, ['submitted'], {
      status: 'in_evaluation',
      updatedAt: now,
    });
    if (!updated) throw invalidState('Evaluators are already assigned.');
    await insertEvaluations(w.tx, rows);
    await w.audit({
      action: 'course_application.evaluators_assigned',
      subjectType: 'course_application',
      subjectId: application.id,
      before: { status: 'submitted', previousEvaluations: previous.map((p) => p.id) },
      after: { status: 'in_evaluation', evaluatorIds: chosen, dueOn },
    });
    for (const evaluatorId of chosen) {
      const person = byId.get(evaluatorId)!;
      await w.mail(
        evaluationMails.assigned(person, {
          number: application.number ?? '',
          title: application.title ?? '',
          dueOn,
          link: `${ctx.config.baseUrl}/evaluations/${application.id}`,
        }),
      );
    }
    return { application: updated, evaluations: rows };
  });
}
