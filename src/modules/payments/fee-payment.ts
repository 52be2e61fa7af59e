import { formatMoney, money } from '../../lib/money.js';
import type { Work } from '../../platform/context.js';
import { findUserById } from '../accounts/users-repository.js';
import { portfolioFeePaid } from '../portfolios/use-cases/portfolio-fee-paid.js';
import {
  balanceOf,
  completeCheckout,
  type FeeRow,
  findOpenCheckout,
  insertLedgerEntry,
} from './repository.js';
import type { FeeBalance } from './rules/ledger.js';
import type { FeeKind } from './schema.js';

/** What the payer reads for each kind of fee (on the checkout page and in the receipt). */
export const feeKindLabels: Record<FeeKind, string> = {
  application: 'Application fee',
  portfolio: 'Portfolio fee',
  course_approval: 'Course approval fee',
  course_approval_renewal: 'Course approval renewal fee',
  certification_renewal: 'Certification renewal fee',
};

export interface FeePaymentInput {
  amountCents: number;
  method: 'card' | 'check' | 'bank_transfer';
  reference: string | null;
  note: string | null;
  actorId: string | null;
  at: Date;
}

/**
 * The money part of any payment, the same for every fee: a ledger entry, the new balance, an audit
 * event, and, once the fee is settled, any open checkout closed so nobody pays twice. The caller holds
 * the fee lock and tells the payer.
 */
export async function recordFeePayment(
  w: Work,
  fee: FeeRow,
  input: FeePaymentInput,
): Promise<{ ledgerEntryId: string; balance: FeeBalance }> {
  const entry = await insertLedgerEntry(w.tx, {
    feeId: fee.id,
    kind: 'payment',
    amountCents: input.amountCents,
    method: input.method,
    reference: input.reference,
    note: input.note,
    actorId: input.actorId,
    now: input.at,
  });
  const { balance } = await balanceOf(w.tx, fee.id);
  await w.audit({
    action: 'fee.payment_recorded',
    subjectType: 'fee',
    subjectId: fee.id,
    after: {
      ledgerEntryId: entry.id,
      kind: fee.kind,
      amountCents: input.amountCents,
      method: input.method,
      reference: input.reference,
      dueCents: balance.dueCents,
    },
  });
  if (balance.settled) {
    const open = await findOpenCheckout(w.tx, fee.id);
    if (open) await completeCheckout(w.tx, open.id, 'failed', input.at);
  }
  return { ledgerEntryId: entry.id, balance };
}

/**
 * Record a payment for a fee whose subject does not change state on payment (a course approval
 * fee: evaluation starts from the paid fee), and send the payer a receipt.
 */
export async function applyPaymentToFee(w: Work, fee: FeeRow, input: FeePaymentInput): Promise<void> {
  const { balance } = await recordFeePayment(w, fee, input);
  // A settled portfolio fee sends the portfolio to its evaluators; that module tells the candidate.
  if (fee.kind === 'portfolio' && (await portfolioFeePaid(w, fee, input, balance))) return;
  const payer = await findUserById(w.tx, fee.payerUserId);
  if (payer) {
    const label = feeKindLabels[fee.kind];
    await w.mail({
      to: payer.email,
      template: 'payment-received',
      subject: `Payment received: ${label.toLowerCase()}`,
      text: [
        `Hello ${payer.displayName},`,
        '',
        `We received your ${input.method} payment of ${formatMoney(money(input.amountCents, fee.currency))} (${label.toLowerCase()}).`,
        balance.settled
          ? 'The fee is now paid in full.'
          : `${formatMoney(money(Math.max(balance.dueCents, 0), fee.currency))} is still due.`,
      ].join('\n'),
    });
  }
}
