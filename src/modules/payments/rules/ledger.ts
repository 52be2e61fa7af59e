import type { LedgerEntryKind } from '../schema.js';

export interface LedgerLine {
  kind: LedgerEntryKind;
  amountCents: number;
}

export interface FeeBalance {
  chargedCents: number;
  paidCents: number;
  refundedCents: number;
  /** Waivers and awards: money forgiven, never money handed back. */
  waivedCents: number;
  /** What is still owed: charged − waived − (paid − refunded). Negative means money is owed back. */
  dueCents: number;
  /** Money actually kept by the program: paid − refunded. */
  netPaidCents: number;
  settled: boolean;
}

/**
 * A fee's balance is always derived from its entries. (The database keeps running sums in
 * fee_balances for finding candidates only; see docs/decisions/0010.)
 */
export function feeBalance(lines: readonly LedgerLine[]): FeeBalance {
  let charged = 0;
  let paid = 0;
  let refunded = 0;
  let waived = 0;
  for (const l of lines) {
    if (!Number.isInteger(l.amountCents) || l.amountCents <= 0)
      throw new RangeError('ledger amounts are positive integer cents');
    if (l.kind === 'charge') charged += l.amountCents;
    else if (l.kind === 'payment') paid += l.amountCents;
    else if (l.kind === 'refund') refunded += l.amountCents;
    else waived += l.amountCents;
  }
  const due = charged - waived - (paid - refunded);
  return {
    chargedCents: charged,
    paidCents: paid,
    refundedCents: refunded,
    waivedCents: waived,
    dueCents: due,
    netPaidCents: paid - refunded,
    settled: charged > 0 && due <= 0,
  };
}
