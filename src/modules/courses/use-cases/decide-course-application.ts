import { z } from 'zod';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findActivePolicy } from '../../policy/repository.js';
import { courseApplicationNotFound } from '../access.js';
import { evaluationMails } from '../evaluation-mails.js';
import { listEvaluationsOf } from '../evaluation-repository.js';
import {
  approvalPeriodFor,
  publishApprovedCourse,
  renewApprovedCourses,
} from '../publish-approved-course.js';
import {
  type CourseApplicationRow,
  findCourseApplication,
  memberEmails,
  transitionCourseApplication,
} from '../repository.js';

export const courseDecisions = ['approve', 'return', 'decline'] as const;

export const courseDecisionSchema = z.object({
  decision: z.enum(courseDecisions, { error: 'Choose approve, return for revision, or decline.' }),
  comment: z.string().trim().max(5000, { error: 'Keep the comment under 5,000 characters.' }).optional(),
});

const statusOf = { approve: 'approved', return: 'returned', decline: 'declined' } as const;

function alreadyDecided(status: string): string {
  if (status === 'approved') return 'This course application is already approved.';
  if (status === 'declined') return 'This course application is already declined.';
  if (status === 'returned') return 'This course application was already returned for revision.';
  return 'This course application is not waiting for a decision.';
}

/**
 * Staff decide once both evaluations are in: approve (for the policy's years from today, or for a
 * renewal from the end of the current approval), return
 * for revision with comments, or decline with a reason. Every member of the provider is told.
 */
export async function decideCourseApplication(
  ctx: Ctx,
  id: string,
  input: unknown,
): Promise<CourseApplicationRow> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(id)) throw courseApplicationNotFound();
  const parsed = courseDecisionSchema.safeParse(input);
  if (!parsed.success) throw validationFailed({ decision: parsed.error.issues[0]!.message });
  const { decision } = parsed.data;
  const comment = parsed.data.comment || null;
  if (decision !== 'approve' && !comment)
    throw validationFailed({
      comment:
        decision === 'return' ? 'Say what the provider should change.' : 'Give the reason for declining.',
    });
  return transact(ctx, async (w) => {
    const application = await findCourseApplication(w.tx, id);
    if (!application) throw courseApplicationNotFound();
    if (application.status !== 'in_evaluation') throw invalidState(alreadyDecided(application.status));
    const evaluations = await listEvaluationsOf(w.tx, id);
    const policy = await findActivePolicy(w.tx);
    if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
    const needed = policy.policy.courses.evaluatorsPerApplication;
    if (evaluations.filter((e) => e.submittedAt).length < needed)
      throw invalidState('Both evaluations must be submitted before a decision.');
    const today = ctx.clock.today();
    const now = ctx.clock.now();
    const years = policy.policy.courses.approvalYears;
    const period =
      decision === 'approve' ? await approvalPeriodFor(w.tx, application, today, years) : undefined;
    const approval = period ? { approvedOn: today, approvalEndsOn: period.endsOn } : {};
    // The conditional update settles a double click or two staff at once: one wins, the other gets 409.
    const decided = await transitionCourseApplication(w.tx, id, ['in_evaluation'], {
      status: statusOf[decision],
      ...approval,
      decisionComment: comment,
      decidedBy: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    if (!decided) {
      const current = await findCourseApplication(w.tx, id);
      throw invalidState(alreadyDecided(current?.status ?? ''));
    }
    // A first approval puts new courses in the catalog; a renewal extends the ones already there.
    if (period && decided.renewsApplicationId) await renewApprovedCourses(w.tx, decided, today, years, now);
    else if (period) await publishApprovedCourse(w.tx, decided, period, now);
    await w.audit({
      action: `course_application.${statusOf[decision]}`,
      subjectType: 'course_application',
      subjectId: id,
      before: { status: 'in_evaluation' },
      after: {
        status: decided.status,
        ...approval,
        ...(period && { periodStartsOn: period.startsOn }),
        comment,
      },
    });
    const outcome =
      decision === 'approve'
        ? `${decided.renewsApplicationId ? 'renewal approved' : 'approved'} until ${formatCalendarDate(decided.approvalEndsOn!)}`
        : decision === 'return'
          ? 'returned for revision'
          : 'declined';
    for (const member of await memberEmails(w.tx, application.providerId)) {
      await w.mail(
        evaluationMails.decided(member, {
          number: application.number ?? '',
          title: application.title ?? '',
          outcome,
          comment,
          link: `${ctx.config.baseUrl}/provider/courses/${id}`,
        }),
      );
    }
    return decided;
  });
}
