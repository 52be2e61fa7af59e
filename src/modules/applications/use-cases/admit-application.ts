import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findClaimForApplication } from '../../agreements/claims-repository.js';
import { recordAgreementSets } from '../../agreements/graduate-credit.js';
import { graduateAdmissionProblem } from '../../agreements/rules/graduate-eligibility.js';
import { certifyIfComplete } from '../../certification/certify-if-complete.js';
import { creditCompletedCourses } from '../../completions/course-credit.js';
import { applicationFeeSummary } from '../../payments/application-fee.js';
import { findActiveFramework, findActivePolicy } from '../../policy/repository.js';
import { notNowMessage } from '../../staff/status.js';
import { type ApplicationRow, transitionApplication } from '../repository.js';
import { completionDeadline } from '../rules/deadline.js';
import { findApplicationWithCandidate } from '../staff-repository.js';

/**
 * Admit an application in review: the candidate starts today, with a deadline the policy sets
 * (calendar years, month-end clamped), and stays on the policy and framework versions in force
 * now. The fee must be paid in full first.
 */
export async function admitApplication(ctx: Ctx, input: { applicationId: string }): Promise<ApplicationRow> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(input.applicationId)) throw notFound('That application');

  return transact(ctx, async (w) => {
    const application = await findApplicationWithCandidate(w.tx, input.applicationId);
    if (!application) throw notFound('That application');
    if (application.status !== 'in_review') throw invalidState(notNowMessage(application.status, 'admit'));
    const fee = await applicationFeeSummary(w.tx, application.id);
    if (fee && !fee.balance.settled) {
      const due = formatMoney(money(fee.balance.dueCents, fee.amount.currency));
      throw invalidState(
        `The application fee is not paid in full: ${due} is still due. Record the payment before admitting.`,
      );
    }
    const graduateProblem = graduateAdmissionProblem(
      application.eligibility as { countedHours?: number; requiredHours?: number } | null,
      await findClaimForApplication(w.tx, application.id),
    );
    if (graduateProblem) throw invalidState(graduateProblem);
    const policy = await findActivePolicy(w.tx);
    const framework = await findActiveFramework(w.tx);
    if (!policy || !framework)
      throw new DomainError('INVALID_STATE', 'The program has no active policy or framework yet.');

    const today = ctx.clock.today();
    const now = ctx.clock.now();
    const deadlineOn = completionDeadline(today, policy.policy);
    // The conditional update is what settles a race: of two staff admitting at once, one wins and
    // the other finds the application no longer in review.
    const admitted = await transitionApplication(w.tx, application.id, ['in_review'], {
      status: 'admitted',
      admittedOn: today,
      deadlineOn,
      policyVersionId: policy.id,
      frameworkVersionId: framework.id,
      decidedBy: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    if (!admitted) {
      const current = await findApplicationWithCandidate(w.tx, application.id);
      throw invalidState(notNowMessage(current?.status ?? 'admitted', 'admit'));
    }
    await w.audit({
      action: 'application.admitted',
      subjectType: 'application',
      subjectId: application.id,
      before: { status: 'in_review' },
      after: {
        status: 'admitted',
        admittedOn: today,
        deadlineOn,
        policyVersion: policy.version,
        policyVersionId: policy.id,
        frameworkVersionId: framework.id,
      },
    });
    const years = policy.policy.certification.completionYears;
    await w.mail({
      to: application.candidateEmail,
      template: 'application-admitted',
      subject: `You are admitted: application ${application.number ?? ''}`.trim(),
      text: [
        `Hello ${application.candidateName},`,
        '',
        `You are admitted to the Library Support Staff Certification program, as of ${formatCalendarDate(today)}.`,
        `Your deadline is ${formatCalendarDate(deadlineOn)}: you have ${years} ${years === 1 ? 'year' : 'years'} to complete your competency sets.`,
        '',
        'Sign in to your dashboard to choose your sets and plan how you will achieve each one.',
      ].join('\n'),
    });
    // Approved courses completed before admission count now (the credit rule decided when they were confirmed).
    await creditCompletedCourses(ctx, w, application.candidateId);
    // A verified graduation through an agreement achieves its sets now, dated on admission.
    await recordAgreementSets(ctx, w, application.id);
    // Sets achieved before admission in other ways (an agreement) may already complete the program.
    await certifyIfComplete(ctx, w, [application.candidateId]);
    return admitted;
  });
}
