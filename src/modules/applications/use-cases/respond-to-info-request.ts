import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState } from '../../../platform/errors.js';
import { applicationFeeSummary } from '../../payments/application-fee.js';
import { assessApplication } from '../assessment.js';
import { respondSchema } from '../forms.js';
import { policyFor, requireCandidate } from '../own-application.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  insertMessage,
  listExperience,
  listMessages,
  lockApplication,
  transitionApplication,
} from '../repository.js';
import { parseInput } from '../validate.js';
import { refuseUnlessReady, requireVerifiedEmail, snapshot } from './submit-application.js';

/**
 * The candidate answers the staff's request for more information and sends the (possibly edited)
 * application back. It keeps its number and its fee; it goes back to review, or back to waiting
 * for payment when the fee is still unpaid. Answers are checked again, with hours counted in the
 * window of the original submission day.
 */
export async function respondToInfoRequest(
  ctx: Ctx,
  raw: unknown,
): Promise<{ application: ApplicationRow; alreadySent: boolean }> {
  const user = requireCandidate(ctx);
  const input = parseInput(respondSchema, raw);
  return transact(ctx, async (w) => {
    const current = await findCurrentApplication(w.tx, user.userId);
    if (!current) throw new DomainError('NOT_FOUND', 'You have not started an application yet.');
    const app = (await lockApplication(w.tx, current.id))!;
    if (app.status !== 'info_requested') {
      // A double click: the first request already sent this very answer.
      const last = (await listMessages(w.tx, app.id)).at(-1);
      if (last?.kind === 'candidate_response' && last.body === input.response)
        return { application: app, alreadySent: true };
      throw invalidState('There is no question from program staff waiting for your answer.');
    }
    requireVerifiedEmail(user);
    const policy = await policyFor(w.tx, app);
    const today = ctx.clock.today();
    const assessment = assessApplication(app, await listExperience(w.tx, app.id), policy.policy, today);
    refuseUnlessReady(assessment);

    const now = ctx.clock.now();
    const message = await insertMessage(w.tx, {
      applicationId: app.id,
      authorId: user.userId,
      kind: 'candidate_response',
      body: input.response,
      now,
    });
    const fee = await applicationFeeSummary(w.tx, app.id);
    const unpaid = fee !== null && !fee.balance.settled;
    const status = !unpaid
      ? 'in_review'
      : app.paymentMethod === 'check'
        ? 'awaiting_check'
        : 'awaiting_payment';
    const resubmitted = (await transitionApplication(w.tx, app.id, ['info_requested'], {
      status,
      eligibility: snapshot(assessment, policy, today),
      updatedAt: now,
    }))!;
    await w.audit({
      action: 'application.info_response_sent',
      subjectType: 'application',
      subjectId: app.id,
      before: { status: app.status },
      after: { status, messageId: message.id },
    });
    return { application: resubmitted, alreadySent: false };
  });
}
