import type { Ctx } from '../../../../platform/context.js';
import { requireRole } from '../../../accounts/access.js';
import { ledgerEntryKinds } from '../../schema.js';
import { closeLedgerDays, lastClosableDay } from '../day-totals-repository.js';
import {
  cardPaymentsWithoutCheckout,
  type KindTotal,
  ledgerTotalsByKind,
  type MisallocatedInvoice,
  misallocatedInvoices,
  type OverRefundedFee,
  overRefundedFees,
  succeededCheckoutsWithoutPayment,
  type UnmatchedCardPayment,
  type UnrecordedCheckout,
} from '../reconciliation-repository.js';

export interface Reconciliation {
  /** Every kind, in the ledger's order, with zero for a kind never used. */
  totals: KindTotal[];
  overRefunded: OverRefundedFee[];
  cardPaymentsWithoutCheckout: UnmatchedCardPayment[];
  checkoutsWithoutPayment: UnrecordedCheckout[];
  misallocatedInvoices: MisallocatedInvoice[];
  /** True when every list is empty. */
  clean: boolean;
}

/** The ledger against itself and its sources (checkouts, provider events, invoice payments). */
export async function viewReconciliation(ctx: Ctx): Promise<Reconciliation> {
  requireRole(ctx.actor, 'staff', 'admin');
  // Read-only and outside a transaction: the checks run side by side on the pool's connections.
  const today = ctx.clock.today();
  const [found, overRefunded, cards, checkouts, invoices] = await Promise.all([
    // Summarise past days not yet summarised (a cache fill: read from the ledger only), then total.
    closeLedgerDays(ctx.db, {
      from: 'first entry',
      through: lastClosableDay(today),
      now: ctx.clock.now(),
    }).then(() => ledgerTotalsByKind(ctx.db, today)),
    overRefundedFees(ctx.db),
    cardPaymentsWithoutCheckout(ctx.db),
    succeededCheckoutsWithoutPayment(ctx.db),
    misallocatedInvoices(ctx.db),
  ]);
  const totals = ledgerEntryKinds.map(
    (kind) => found.find((t) => t.kind === kind) ?? { kind, count: 0, totalCents: 0 },
  );
  return {
    totals,
    overRefunded,
    cardPaymentsWithoutCheckout: cards,
    checkoutsWithoutPayment: checkouts,
    misallocatedInvoices: invoices,
    clean: overRefunded.length + cards.length + checkouts.length + invoices.length === 0,
  };
}
