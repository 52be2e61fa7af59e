import { formatMoney, money } from '../../lib/money.js';
import type { Work } from '../../platform/context.js';
import { findUserById } from '../accounts/users-repository.js';
import {
  balanceOf,
  completeCheckout,
  type FeeRow,
  findOpenCheckout,
  insertLedgerEntry,
} from './repository.js';
import type { FeeKind } from './schema.js';

/** What the payer reads for each kind of fee (on the checkout page and in the receipt). */
export const feeKindLabels: Record<FeeKind, string> = {
  application: 'Application fee',
  portfolio: 'Portfolio fee',
  course_approval: 'Course approval fee',
  course_approval_renewal: 'Course approval renewal fee',
  certification_renewal: 'Certification renewal fee',
};

/**
 * Record a card payment for a fee whose subject does not change state on payment (a course
 * approval fee: evaluation starts from the paid fee, in a later slice). The caller holds the fee
 * lock. When the fee is settled, any open checkout is closed so nobody pays twice; the payer gets
 * a receipt.
 */
export async function applyPaymentToFee(
  w: Work,
  fee: FeeRow,
  input: {
    amountCents: number;
    method: 'card' | 'check';
    reference: string | null;
    note: string | null;
    actorId: string | null;
    at: Date;
  },
): Promise<void> {
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
