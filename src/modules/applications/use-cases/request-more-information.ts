import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { notNowMessage } from '../../staff/status.js';
import { insertMessage, transitionApplication } from '../repository.js';
import { findApplicationWithCandidate } from '../staff-repository.js';
import { parseInput } from '../validate.js';

export const requestInformationInput = z.object({
  message: z
    .string({ error: 'Write the question for the candidate' })
    .trim()
    .min(1, 'Write the question for the candidate')
    .max(5000, 'Use 5,000 characters or fewer'),
});

/**
 * Staff ask the candidate a question about an application in review. The application waits
 * (info_requested) until the candidate answers; the question is kept with the application and mailed.
 */
export async function requestMoreInformation(
  ctx: Ctx,
  input: { applicationId: string; message?: unknown },
): Promise<{ applicationId: string; status: 'info_requested'; messageId: string }> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(input.applicationId)) throw notFound('That application');
  const { message } = parseInput(requestInformationInput, { message: input.message });

  return transact(ctx, async (w) => {
    const application = await findApplicationWithCandidate(w.tx, input.applicationId);
    if (!application) throw notFound('That application');
    const now = ctx.clock.now();
    const moved = await transitionApplication(w.tx, application.id, ['in_review'], {
      status: 'info_requested',
      updatedAt: now,
    });
    if (!moved) {
      const current = await findApplicationWithCandidate(w.tx, application.id);
      throw invalidState(notNowMessage(current?.status ?? application.status, 'request information for'));
    }
    const saved = await insertMessage(w.tx, {
      applicationId: application.id,
      authorId: staff.userId,
      kind: 'info_request',
      body: message,
      now,
    });
    await w.audit({
      action: 'application.info_requested',
      subjectType: 'application',
      subjectId: application.id,
      before: { status: 'in_review' },
      after: { status: 'info_requested', messageId: saved.id },
    });
    await w.mail({
      to: application.candidateEmail,
      template: 'application-info-requested',
      subject: `We need more information about application ${application.number ?? ''}`.trim(),
      text: [
        `Hello ${application.candidateName},`,
        '',
        'Program staff reviewing your application have a question:',
        '',
        message,
        '',
        'Please sign in and answer it from your dashboard. We continue the review once you reply.',
      ].join('\n'),
    });
    return { applicationId: application.id, status: 'info_requested' as const, messageId: saved.id };
  });
}
