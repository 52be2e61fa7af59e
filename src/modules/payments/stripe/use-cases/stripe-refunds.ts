import { formatMoney, money } from '../../../../lib/money.js';
import type { Work } from '../../../../platform/context.js';
import { findUserById } from '../../../accounts/users-repository.js';
import { feeKindLabels } from '../../fee-payment.js';
import {
  balanceOf,
  type FeeRow,
  findCheckout,
  findFeeById,
  insertLedgerEntry,
  lockFee,
} from '../../repository.js';
import { type Charge, chargeSchema, refundsOf } from '../events.js';
import {
  checkoutIdForPayment,
  findCardRefund,
  finishPaymentEvent,
  lockPaymentEvents,
  parkedRefundsFor,
} from '../repository.js';
import type { EventEffect } from './event-effect.js';

/** The PaymentIntent a charge belongs to: what its payment was recorded under. */
export const chargePaymentReference = (charge: Charge) => charge.payment_intent ?? charge.id;

/**
 * A charge.refunded event: each refund it reports becomes one refund entry on the fee's ledger, under
 * Stripe's refund id (a refund staff already recorded under that id is not recorded again). A refund
 * for a payment we have not recorded yet is kept and applied when the payment arrives.
 */
export async function applyStripeRefundEvent(w: Work, charge: Charge, now: Date): Promise<EventEffect> {
  const reference = chargePaymentReference(charge);
  // Before looking for the payment: if it is being recorded right now, wait for it to commit, so a
  // refund is never kept for a payment that has just stopped looking for kept refunds.
  await lockPaymentEvents(w.tx, reference);
  const checkoutId = await checkoutIdForPayment(w.tx, reference);
  const checkout = checkoutId ? await findCheckout(w.tx, checkoutId) : undefined;
  const feeRow = checkout && (await findFeeById(w.tx, checkout.feeId));
  if (!feeRow)
    return {
      outcome: 'ignored',
      note: 'A refund for a payment we have not recorded: kept, and applied if that payment arrives.',
      parked: charge,
      attention: true,
    };
  const fee = (await lockFee(w.tx, feeRow.id))!;
  const recorded = await recordChargeRefunds(w, fee, charge, now);
  return recorded === 0
    ? { outcome: 'ignored', note: 'Every refund in this event was already recorded.' }
    : { outcome: 'refund_recorded', note: `${recorded} refund${recorded === 1 ? '' : 's'} recorded.` };
}

/**
 * Refund events that came before their payment: apply them now that it is recorded. The caller holds
 * the payment's events lock (so no refund of it is being kept meanwhile) and the fee lock.
 */
export async function applyParkedRefunds(
  w: Work,
  fee: FeeRow,
  paymentReference: string,
  now: Date,
): Promise<void> {
  for (const parked of await parkedRefundsFor(w.tx, paymentReference)) {
    const charge = chargeSchema.safeParse(parked.parked);
    if (!charge.success) continue;
    await recordChargeRefunds(w, fee, charge.data, now);
    await finishPaymentEvent(w.tx, parked.id, {
      outcome: 'refund_recorded',
      note: 'Applied once its payment arrived.',
    });
  }
}

async function recordChargeRefunds(w: Work, fee: FeeRow, charge: Charge, now: Date): Promise<number> {
  const { entries } = await balanceOf(w.tx, fee.id);
  const refunds = refundsOf(charge) ?? refundsFromTotal(charge, entries);
  let recorded = 0;
  for (const refund of refunds) {
    if (await findCardRefund(w.tx, fee.id, refund.id)) continue;
    const entry = await insertLedgerEntry(w.tx, {
      feeId: fee.id,
      kind: 'refund',
      amountCents: refund.amountCents,
      method: 'card',
      reference: refund.id,
      note: 'Refunded to the card through Stripe.',
      actorId: null,
      now,
    });
    const { balance } = await balanceOf(w.tx, fee.id);
    await w.audit({
      action: 'fee.refund_recorded',
      subjectType: 'fee',
      subjectId: fee.id,
      after: {
        ledgerEntryId: entry.id,
        amountCents: refund.amountCents,
        method: 'card',
        reference: refund.id,
        dueCents: balance.dueCents,
      },
    });
    await tellPayer(w, fee, refund.amountCents);
    recorded++;
  }
  return recorded;
}

/**
 * Newer API versions send only the charge's running total: record what it adds to the card refunds
 * already on the fee, under a reference made from the charge and that total (so a redelivery matches).
 */
function refundsFromTotal(
  charge: Charge,
  entries: { kind: string; method: string; amountCents: number }[],
): { id: string; amountCents: number }[] {
  const known = entries
    .filter((e) => e.kind === 'refund' && e.method === 'card')
    .reduce((sum, e) => sum + e.amountCents, 0);
  const added = charge.amount_refunded - known;
  return added > 0 ? [{ id: `${charge.id}:${charge.amount_refunded}`, amountCents: added }] : [];
}

async function tellPayer(w: Work, fee: FeeRow, amountCents: number): Promise<void> {
  const payer = await findUserById(w.tx, fee.payerUserId);
  if (!payer) return;
  const label = feeKindLabels[fee.kind].toLowerCase();
  await w.mail({
    to: payer.email,
    template: 'refund-sent',
    subject: `Refund of your ${label}`,
    text: [
      `Hello ${payer.displayName},`,
      '',
      `We refunded ${formatMoney(money(amountCents, fee.currency))} of your ${label} to the card you paid with.`,
      'It can take a few days to show on your statement.',
    ].join('\n'),
  });
}
