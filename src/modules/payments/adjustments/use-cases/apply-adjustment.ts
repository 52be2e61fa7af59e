import type { Config } from '../../../../config.js';
import { formatMoney, money } from '../../../../lib/money.js';
import type { UserActor, Work } from '../../../../platform/context.js';
import { DomainError, invalidState } from '../../../../platform/errors.js';
import { findUserById } from '../../../accounts/users-repository.js';
import { policyFor } from '../../../applications/own-application.js';
import { type ApplicationRow, transitionApplication } from '../../../applications/repository.js';
import type { ApplicationStatus } from '../../../applications/schema.js';
import { notNowMessage } from '../../../staff/status.js';
import { applyPaymentToApplicationFee } from '../../application-fee.js';
import { feeKindLabels } from '../../fee-payment.js';
import { balanceOf, type FeeRow, findPaymentByReference, insertLedgerEntry } from '../../repository.js';
import { chargeReleasedByRefund, checkAdjustment } from '../../rules/adjustments.js';
import { returnCardRefund } from '../card-refund.js';
import { reductionMail, refundMail } from '../mails.js';
import type { PaymentAdjustmentRow } from '../schema.js';

const AWAITING_PAYMENT: readonly ApplicationStatus[] = ['awaiting_payment', 'awaiting_check'];

interface Approval {
  config: Config;
  fee: FeeRow;
  request: PaymentAdjustmentRow;
  application: ApplicationRow | undefined;
  staff: UserActor;
  now: Date;
}

const changed = (message: string) =>
  invalidState(
    `The fee changed since this request was made: ${message.charAt(0).toLowerCase()}${message.slice(1)}. Decline it and make a new one.`,
  );

/** Write what an approved request stands for into the ledger (fee and application locked by the caller). */
export async function applyAdjustment(w: Work, a: Approval): Promise<string> {
  if (a.request.kind === 'check_payment') return applyCheck(w, a);
  const { balance } = await balanceOf(w.tx, a.fee.id);
  const kind = a.request.kind;
  const verdict = checkAdjustment(balance, kind, a.request.amountCents);
  if (!verdict.ok) throw changed(verdict.message);
  const card =
    kind === 'refund' && a.request.method === 'card'
      ? await returnCardRefund(w.tx, a.config, a.fee, a.request)
      : null;
  const entry = await insertLedgerEntry(w.tx, {
    feeId: a.fee.id,
    kind,
    amountCents: a.request.amountCents,
    method: a.request.method,
    reference: card ? card.reference : a.request.reference,
    note: card ? card.note : a.request.reason,
    actorId: a.staff.userId,
    now: a.now,
  });
  let after = (await balanceOf(w.tx, a.fee.id)).balance;
  await w.audit({
    action: `fee.${kind}_recorded`,
    subjectType: 'fee',
    subjectId: a.fee.id,
    after: {
      ledgerEntryId: entry.id,
      amountCents: a.request.amountCents,
      method: a.request.method,
      requestId: a.request.id,
      requestedBy: a.request.requestedBy,
      approvedBy: a.staff.userId,
      dueCents: after.dueCents,
    },
  });
  const payer = await findUserById(w.tx, a.fee.payerUserId);
  const label = `${feeKindLabels[a.fee.kind]}${a.application?.number ? ` for ${a.application.number}` : ''}`;

  if (kind === 'refund') {
    // A fee whose purpose fell away (the application was rejected) no longer stands: release the
    // charge the refund put back, so the applicant is not shown a debt.
    const release =
      a.application?.status === 'rejected' &&
      (await policyFor(w.tx, a.application)).policy.refunds.applicationFeeRefundableWhenIneligible
        ? chargeReleasedByRefund(after)
        : 0;
    if (release > 0) {
      const waiver = await insertLedgerEntry(w.tx, {
        feeId: a.fee.id,
        kind: 'waiver',
        amountCents: release,
        method: 'none',
        reference: null,
        note: 'Charge released: the application was not accepted',
        actorId: a.staff.userId,
        now: a.now,
      });
      after = (await balanceOf(w.tx, a.fee.id)).balance;
      await w.audit({
        action: 'fee.waiver_recorded',
        subjectType: 'fee',
        subjectId: a.fee.id,
        after: {
          ledgerEntryId: waiver.id,
          amountCents: release,
          requestId: a.request.id,
          dueCents: after.dueCents,
        },
      });
    }
    if (payer)
      await w.mail(
        refundMail(payer, {
          amountCents: a.request.amountCents,
          currency: a.fee.currency,
          method: a.request.method,
          feeLabel: label,
          reason: a.request.reason,
        }),
      );
    return entry.id;
  }

  // A waiver or award that settles the fee moves its application on, as a payment would.
  if (after.settled && a.application) {
    const moved = await transitionApplication(w.tx, a.application.id, AWAITING_PAYMENT, {
      status: 'in_review',
      updatedAt: a.now,
    });
    if (moved)
      await w.audit({
        action: 'application.fee_paid',
        subjectType: 'application',
        subjectId: a.application.id,
        before: { status: a.application.status },
        after: { status: moved.status, by: kind },
      });
  }
  if (payer)
    await w.mail(
      reductionMail(payer, {
        amountCents: a.request.amountCents,
        dueCents: after.dueCents,
        currency: a.fee.currency,
        feeLabel: label,
        reason: a.request.reason,
        award: kind === 'award',
      }),
    );
  return entry.id;
}

/** A large check: the same checks recording it would have made, now that a second person agrees. */
async function applyCheck(w: Work, a: Approval): Promise<string> {
  const app = a.application;
  if (!app) throw invalidState('Only application fees are paid by check here.');
  if (!AWAITING_PAYMENT.includes(app.status))
    throw invalidState(notNowMessage(app.status, 'record a check for'));
  const { balance } = await balanceOf(w.tx, a.fee.id);
  if (a.request.amountCents > balance.dueCents) {
    const due = formatMoney(money(Math.max(0, balance.dueCents), a.fee.currency));
    throw changed(`The check is more than the ${due} still due`);
  }
  if (a.request.reference && (await findPaymentByReference(w.tx, a.fee.id, 'check', a.request.reference)))
    throw new DomainError('CONFLICT', 'This check number is already recorded. Decline this request.');
  const result = await applyPaymentToApplicationFee(w, {
    applicationId: app.id,
    amountCents: a.request.amountCents,
    method: 'check',
    reference: a.request.reference,
    note: a.request.reason,
    actorId: a.staff.userId,
    at: a.now,
  });
  await w.audit({
    action: 'application.check_recorded',
    subjectType: 'application',
    subjectId: app.id,
    before: { status: app.status, dueCents: balance.dueCents },
    after: {
      status: result.applicationStatus,
      dueCents: result.balance.dueCents,
      checkNumber: a.request.reference,
      amountCents: a.request.amountCents,
      receivedOn: a.request.receivedOn,
      requestId: a.request.id,
    },
  });
  return result.ledgerEntryId;
}
