import { formatMoney, type Money, money } from '../../lib/money.js';
import type { Work } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { findUserById } from '../accounts/users-repository.js';
import { lockApplication, transitionApplication } from '../applications/repository.js';
import type { ApplicationStatus } from '../applications/schema.js';
import { recordFeePayment } from './fee-payment.js';
import {
  balanceOf,
  findFeeBySubject,
  findPaymentByReference,
  type LedgerRow,
  lockFee,
} from './repository.js';
import type { FeeBalance } from './rules/ledger.js';

export interface ApplicationFeeSummary {
  feeId: string;
  payerUserId: string;
  member: boolean;
  /** What was charged (the charge entries). */
  amount: Money;
  balance: FeeBalance;
  entries: LedgerRow[];
}

/** The application's fee, its ledger and balance; null before the application is submitted. */
export async function applicationFeeSummary(
  db: Queryable,
  applicationId: string,
): Promise<ApplicationFeeSummary | null> {
  const fee = await findFeeBySubject(db, 'application', applicationId);
  if (!fee) return null;
  const { entries, balance } = await balanceOf(db, fee.id);
  return {
    feeId: fee.id,
    payerUserId: fee.payerUserId,
    member: fee.member,
    amount: money(balance.chargedCents, fee.currency),
    balance,
    entries,
  };
}

export interface ApplyPaymentInput {
  applicationId: string;
  /** Positive integer cents. */
  amountCents: number;
  method: 'check' | 'card' | 'bank_transfer';
  /** Check number or card checkout id; a reference already used for a payment is refused. */
  reference: string | null;
  note: string | null;
  actorId: string | null;
  /** When the payment is recorded: ctx.clock.now(). */
  at: Date;
}

export interface ApplyPaymentResult {
  ledgerEntryId: string;
  balance: FeeBalance;
  applicationStatus: ApplicationStatus;
  /** True when this payment settled the fee and moved the application to review. */
  movedToReview: boolean;
}

const methodWords = { card: 'card', check: 'check', bank_transfer: 'bank transfer' } as const;

const AWAITING_PAYMENT: readonly ApplicationStatus[] = ['awaiting_payment', 'awaiting_check'];

/**
 * Record money received for an application fee, whether by card (the checkout path) or by check
 * (staff record it). Call inside the use case's transaction. When the fee is settled the
 * application moves from awaiting payment to review, any open card checkout is closed (so nobody
 * pays twice), and the candidate is told.
 */
export async function applyPaymentToApplicationFee(
  w: Work,
  input: ApplyPaymentInput,
): Promise<ApplyPaymentResult> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new DomainError('VALIDATION_FAILED', 'The amount must be more than zero.', {
      amountCents: 'Enter an amount more than zero',
    });
  }
  const application = await lockApplication(w.tx, input.applicationId);
  const feeRow = application && (await findFeeBySubject(w.tx, 'application', application.id));
  if (!application || !feeRow) throw notFound('The application fee');
  const fee = (await lockFee(w.tx, feeRow.id))!;
  if (input.reference && (await findPaymentByReference(w.tx, fee.id, input.method, input.reference))) {
    throw new DomainError(
      'CONFLICT',
      `A ${input.method} payment with reference ${input.reference} is already recorded.`,
      {
        reference: 'This reference is already recorded for another payment',
      },
    );
  }
  const { ledgerEntryId, balance } = await recordFeePayment(w, fee, input);

  let status = application.status;
  let movedToReview = false;
  if (balance.settled) {
    const moved = await transitionApplication(w.tx, application.id, AWAITING_PAYMENT, {
      status: 'in_review',
      updatedAt: input.at,
    });
    if (moved) {
      status = moved.status;
      movedToReview = true;
      await w.audit({
        action: 'application.fee_paid',
        subjectType: 'application',
        subjectId: application.id,
        before: { status: application.status },
        after: { status: moved.status },
      });
    }
  }

  const payer = await findUserById(w.tx, fee.payerUserId);
  if (payer) {
    const paid = formatMoney(money(input.amountCents, fee.currency));
    const due = formatMoney(money(Math.max(balance.dueCents, 0), fee.currency));
    await w.mail({
      to: payer.email,
      template: 'payment-received',
      subject: `Payment received for application ${application.number ?? ''}`.trim(),
      text: [
        `Hello ${payer.displayName},`,
        '',
        `We received your ${methodWords[input.method]} payment of ${paid} for application ${application.number ?? ''}.`,
        balance.settled
          ? 'Your application fee is now paid in full. Program staff will review your application and write to you with their decision.'
          : `${due} is still due.`,
        '',
        'You can follow your application on your dashboard.',
      ].join('\n'),
    });
  }
  return { ledgerEntryId, balance, applicationStatus: status, movedToReview };
}
