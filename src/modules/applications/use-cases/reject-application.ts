import { z } from 'zod';
import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { applicationFeeSummary } from '../../payments/application-fee.js';
import { notNowMessage } from '../../staff/status.js';
import { policyFor } from '../own-application.js';
import { type ApplicationRow, transitionApplication } from '../repository.js';
import { findApplicationWithCandidate } from '../staff-repository.js';
import { parseInput } from '../validate.js';

export const rejectInput = z.object({
  reason: z
    .string({ error: 'Write why the applicant is not eligible' })
    .trim()
    .min(1, 'Write why the applicant is not eligible')
    .max(2000, 'Use 2,000 characters or fewer'),
});

/**
 * Reject an application as ineligible, with the reason the candidate will read. When the policy
 * refunds ineligible applicants, what they paid (net of earlier refunds) is owed back; the refund
 * itself is made by the payments module, so here it is only recorded and announced.
 */
export async function rejectApplication(
  ctx: Ctx,
  input: { applicationId: string; reason?: unknown },
): Promise<{ application: ApplicationRow; refundOwedCents: number }> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(input.applicationId)) throw notFound('That application');
  const { reason } = parseInput(rejectInput, { reason: input.reason });

  return transact(ctx, async (w) => {
    const application = await findApplicationWithCandidate(w.tx, input.applicationId);
    if (!application) throw notFound('That application');
    const now = ctx.clock.now();
    const rejected = await transitionApplication(w.tx, application.id, ['in_review', 'info_requested'], {
      status: 'rejected',
      rejectionReason: reason,
      decidedBy: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    if (!rejected) {
      const current = await findApplicationWithCandidate(w.tx, application.id);
      throw invalidState(notNowMessage(current?.status ?? application.status, 'reject'));
    }
    const fee = await applicationFeeSummary(w.tx, application.id);
    const policy = await policyFor(w.tx, rejected);
    const refundable = policy.policy.refunds.applicationFeeRefundableWhenIneligible;
    const refundOwedCents = refundable && fee ? Math.max(0, fee.balance.netPaidCents) : 0;
    await w.audit({
      action: 'application.rejected',
      subjectType: 'application',
      subjectId: application.id,
      before: { status: application.status },
      after: { status: 'rejected', reason, refundOwedCents },
    });
    const refundLine =
      refundOwedCents > 0
        ? `We will refund the ${formatMoney(money(refundOwedCents, fee!.amount.currency))} you paid for the application fee.`
        : null;
    await w.mail({
      to: application.candidateEmail,
      template: 'application-rejected',
      subject: `Your application ${application.number ?? ''} was not accepted`,
      text: [
        `Hello ${application.candidateName},`,
        '',
        'Program staff reviewed your application and found that you are not eligible yet, for this reason:',
        '',
        reason,
        '',
        ...(refundLine ? [refundLine, ''] : []),
        'You can apply again once you meet the requirements. If you think this decision is wrong, reply to this email or contact the program office; you may also appeal it.',
      ].join('\n'),
    });
    return { application: rejected, refundOwedCents };
  });
}
