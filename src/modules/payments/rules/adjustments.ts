import type { FeeBalance } from './ledger.js';

/**
 * What staff may do to a fee after it is charged, decided from its balance alone. A refund gives
 * back money the program kept; a waiver or an award forgives money still owed. Keeping the two
 * apart is what keeps the ledger explainable: money already paid is never "waived" (it has to go
 * back as a refund), and a refund never pays out more than came in.
 */
export type AdjustmentKind = 'refund' | 'waiver' | 'award';

export type AdjustmentVerdict = { ok: true } | { ok: false; message: string };

const refuse = (message: string): AdjustmentVerdict => ({ ok: false, message });

export function isPositiveCents(amountCents: number): boolean {
  return Number.isSafeInteger(amountCents) && amountCents > 0;
}

/** May this adjustment be applied to a fee with this balance? The message says why not, for the amount field. */
export function checkAdjustment(
  balance: FeeBalance,
  kind: AdjustmentKind,
  amountCents: number,
): AdjustmentVerdict {
  if (!isPositiveCents(amountCents)) return refuse('The amount must be more than $0.00');
  if (kind === 'refund') {
    if (balance.netPaidCents <= 0)
      return refuse('Nothing has been paid on this fee, so there is nothing to refund');
    if (amountCents > balance.netPaidCents) return refuse('A refund cannot be more than was paid');
    return { ok: true };
  }
  if (balance.dueCents <= 0) return refuse('Nothing is owed on this fee; money already paid needs a refund');
  if (amountCents > balance.dueCents) return refuse('This would take the fee below zero; reduce the amount');
  return { ok: true };
}

/** A payment is accepted whole (an overpayment becomes a refund owed); only the amount is checked. */
export function checkPayment(amountCents: number): AdjustmentVerdict {
  return isPositiveCents(amountCents) ? { ok: true } : refuse('The amount must be more than $0.00');
}

/**
 * What the program owes back on a fee: the overpayment, or, when the fee's purpose fell away (an
 * application rejected as ineligible, with a policy that refunds it), everything kept.
 */
export function refundOwedCents(
  balance: Pick<FeeBalance, 'netPaidCents' | 'dueCents'>,
  opts: { purposeWithdrawn: boolean },
): number {
  if (balance.netPaidCents <= 0) return 0;
  if (opts.purposeWithdrawn) return balance.netPaidCents;
  return Math.max(0, -balance.dueCents);
}

/**
 * After a refund for a withdrawn purpose, the charge itself no longer stands: waive what the
 * refund put back on the fee, so the applicant is not shown a debt. Never below zero.
 */
export function chargeReleasedByRefund(balanceAfterRefund: FeeBalance): number {
  return Math.max(0, balanceAfterRefund.dueCents);
}
