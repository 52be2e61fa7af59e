import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { LedgerRow } from '../repository.js';
import { ledgerEntries } from '../schema.js';
import { type PaymentEventOutcome, paymentEvents } from './schema.js';

export type PaymentEventRow = typeof paymentEvents.$inferSelect;

/**
 * Claim an event id for this transaction. Undefined means it was already handled: a concurrent delivery
 * of the same event waits here on the unique index until the first commits, then finds it taken.
 */
export async function claimPaymentEvent(
  tx: Queryable,
  e: {
    eventId: string;
    type: string;
    receivedAt: Date;
    checkoutId: string | null;
    paymentReference: string | null;
  },
): Promise<PaymentEventRow | undefined> {
  const [row] = await tx
    .insert(paymentEvents)
    .values({
      id: uuidv7(e.receivedAt.getTime()),
      provider: 'stripe',
      eventId: e.eventId,
      type: e.type,
      receivedAt: e.receivedAt,
      outcome: 'pending',
      checkoutId: e.checkoutId,
      paymentReference: e.paymentReference,
    })
    .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventId] })
    .returning();
  return row;
}

export async function finishPaymentEvent(
  tx: Queryable,
  id: string,
  result: { outcome: PaymentEventOutcome; note: string | null; parked?: unknown },
): Promise<void> {
  await tx
    .update(paymentEvents)
    .set({ outcome: result.outcome, note: result.note, parked: result.parked ?? null })
    .where(eq(paymentEvents.id, id));
}

/** Lock key space for one payment's events (two-key advisory locks, apart from the audit lock). */
const PAYMENT_EVENTS_LOCK = 7302;

/**
 * Hold, to the end of the transaction, the lock on everything Stripe tells us about one payment (its
 * PaymentIntent): the payment and a refund of it arriving together are then handled one after the
 * other, so whichever comes second sees what the first did. Taken before any other lock (then
 * application, fee, audit), and before looking for the other event.
 */
export async function lockPaymentEvents(tx: Queryable, paymentReference: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PAYMENT_EVENTS_LOCK}, hashtext(${paymentReference}))`);
}

/** The checkout whose recorded payment carries this provider reference (found through its event, on an index). */
export async function checkoutIdForPayment(
  db: Queryable,
  paymentReference: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ checkoutId: paymentEvents.checkoutId })
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.paymentReference, paymentReference),
        eq(paymentEvents.outcome, 'payment_recorded'),
      ),
    )
    .limit(1);
  return row?.checkoutId ?? undefined;
}

/** Refund events that arrived before their payment, waiting for it (oldest first). */
export async function parkedRefundsFor(tx: Queryable, paymentReference: string): Promise<PaymentEventRow[]> {
  return tx
    .select()
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.paymentReference, paymentReference),
        eq(paymentEvents.outcome, 'ignored'),
        sql`${paymentEvents.parked} is not null`,
      ),
    )
    .orderBy(paymentEvents.receivedAt, paymentEvents.id)
    .for('update');
}

/** A card refund already in the fee's ledger under this provider reference. */
export async function findCardRefund(
  db: Queryable,
  feeId: string,
  reference: string,
): Promise<LedgerRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.feeId, feeId),
        eq(ledgerEntries.kind, 'refund'),
        eq(ledgerEntries.method, 'card'),
        eq(ledgerEntries.reference, reference),
      ),
    )
    .limit(1);
  return row;
}
