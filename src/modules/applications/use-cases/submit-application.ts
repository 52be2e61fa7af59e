import { formatMoney } from '../../../lib/money.js';
import { type Ctx, transact, type UserActor, type Work } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError } from '../../../platform/errors.js';
import { findClaimForApplication } from '../../agreements/claims-repository.js';
import { waiveHoursForGraduate } from '../../agreements/rules/graduate-eligibility.js';
import { institutionPaysForApplication } from '../../institutions/applicant-coverage.js';
import { chargeFee } from '../../payments/charge-fee.js';
import { checkInstructionsText } from '../../payments/check-instructions.js';
import { feeFor } from '../../policy/policy.js';
import type { PolicyVersion } from '../../policy/repository.js';
import { type ApplicationAssessment, assessApplication, reasonFields } from '../assessment.js';
import { submitApplicationSchema } from '../forms.js';
import { policyFor, requireCandidate } from '../own-application.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  listExperience,
  lockApplication,
  transitionApplication,
} from '../repository.js';
import { formatReference } from '../rules/references.js';
import { parseInput } from '../validate.js';

export interface SubmitResult {
  application: ApplicationRow;
  /** True when this request found the application already submitted (a double click or a retry). */
  alreadySubmitted: boolean;
}

/**
 * Submit the draft: it must be complete and eligible under the policy in force. Gives the
 * application its number, snapshots eligibility, creates the fee and mails the candidate. The
 * row lock plus the conditional status change make a repeated submit return the first result.
 */
export async function submitApplication(ctx: Ctx, raw: unknown): Promise<SubmitResult> {
  const user = requireCandidate(ctx);
  const input = parseInput(submitApplicationSchema, raw);
  return transact(ctx, async (w) => {
    const current = await findCurrentApplication(w.tx, user.userId);
    if (!current || current.status === 'rejected') {
      throw new DomainError('NOT_FOUND', 'You have not started an application yet.');
    }
    const app = (await lockApplication(w.tx, current.id))!;
    if (app.status !== 'draft') return { application: app, alreadySubmitted: true };
    requireVerifiedEmail(user);

    const policy = await policyFor(w.tx, app);
    const today = ctx.clock.today();
    // A graduate through a recognition agreement may apply without the hours (agreements module).
    const assessment = waiveHoursForGraduate(
      assessApplication(app, await listExperience(w.tx, app.id), policy.policy, today),
      await findClaimForApplication(w.tx, app.id),
    );
    refuseUnlessReady(assessment);

    const now = ctx.clock.now();
    const year = Number(today.slice(0, 4));
    const number = formatReference('LSSC', year, await nextInSequence(w.tx, `LSSC-${year}`));
    const member = app.alaMemberNumber !== null;
    const fee = feeFor(policy.policy, 'application', member);
    // A policy may waive the fee entirely (amount 0): then there is nothing to pay and review starts.
    const status =
      fee.amountCents === 0
        ? 'in_review'
        : input.paymentMethod === 'card' || input.paymentMethod === 'institution'
          ? 'awaiting_payment'
          : 'awaiting_check';
    const submitted = await transitionApplication(w.tx, app.id, ['draft'], {
      status,
      number,
      paymentMethod: input.paymentMethod,
      eligibility: snapshot(assessment, policy, today),
      submittedAt: now,
      submittedOn: today,
      updatedAt: now,
    });
    if (!submitted) return { application: (await lockApplication(w.tx, app.id))!, alreadySubmitted: true };
    await w.audit({
      action: 'application.submitted',
      subjectType: 'application',
      subjectId: app.id,
      before: { status: 'draft' },
      after: {
        status,
        number,
        paymentMethod: input.paymentMethod,
        countedHours: assessment.eligibility.countedHours,
      },
    });
    if (fee.amountCents > 0) {
      await chargeFee(w, {
        kind: 'application',
        subjectId: app.id,
        payerUserId: user.userId,
        member: member,
        currency: fee.currency,
        amountCents: fee.amountCents,
        now,
      });
    }
    // "My institution pays": record which one and take any purchase-order payment already made.
    const afterPayer =
      input.paymentMethod === 'institution'
        ? await institutionPaysForApplication(w, {
            application: submitted,
            institutionId: input.institutionId,
            now,
          })
        : submitted;
    await mailReceived(w, user, submitted, formatMoney(fee));
    return { application: afterPayer, alreadySubmitted: false };
  });
}

export function requireVerifiedEmail(user: UserActor): void {
  if (!user.emailVerified) {
    throw new DomainError(
      'FORBIDDEN',
      'Confirm your email address before you submit: use the link in the email we sent when you created your account.',
    );
  }
}

/** An incomplete or ineligible application cannot go in; the error says exactly why. */
export function refuseUnlessReady(assessment: ApplicationAssessment): void {
  if (assessment.missing.length > 0) {
    throw new DomainError(
      'APPLICATION_INCOMPLETE',
      `Your application is not complete. ${assessment.missing.map((m) => m.message).join(' ')}`,
      Object.fromEntries(assessment.missing.map((m) => [m.section, m.message])),
    );
  }
  if (!assessment.eligibility.eligible) {
    throw new DomainError(
      'APPLICATION_NOT_ELIGIBLE',
      assessment.eligibility.reasons.map((r) => r.message).join(' '),
      reasonFields(assessment.eligibility),
    );
  }
}

export function snapshot(assessment: ApplicationAssessment, policy: PolicyVersion, today: string) {
  const { eligible, countedHours, requiredHours, window, entries, reasons } = assessment.eligibility;
  return {
    eligible,
    countedHours,
    requiredHours,
    window,
    entries,
    reasons,
    assessedOn: today,
    policyVersionId: policy.id,
    policyVersion: policy.version,
  };
}

async function mailReceived(w: Work, user: UserActor, app: ApplicationRow, amount: string) {
  const payment =
    app.status === 'in_review'
      ? ['There is no fee to pay. Program staff will now review your application.']
      : app.status === 'awaiting_check'
        ? ['You chose to pay by check.', checkInstructionsText(amount, app.number!)]
        : app.paymentMethod === 'institution'
          ? [
              `Your institution pays the ${amount} fee by purchase order. Program staff will review your application once its payment arrives.`,
            ]
          : [
              `You chose to pay the ${amount} fee by card. Pay it from your application page to send your application for review.`,
            ];
  await w.mail({
    to: user.email,
    template: 'application-received',
    subject: `We received your application ${app.number}`,
    text: [
      `Hello ${user.displayName},`,
      '',
      `Thank you for applying for Library Support Staff Certification. Your application number is ${app.number}.`,
      '',
      ...payment,
      '',
      'You can follow your application on your dashboard.',
    ].join('\n'),
  });
}
