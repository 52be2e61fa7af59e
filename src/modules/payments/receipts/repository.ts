import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { users } from '../../accounts/schema.js';
import { applications } from '../../applications/schema.js';
import { fees, ledgerEntries } from '../schema.js';
import { type ReceiptRow, receipts } from './schema.js';

const paymentColumns = {
  entry: ledgerEntries,
  fee: fees,
  payerName: users.displayName,
  payerEmail: users.email,
  applicationNumber: applications.number,
  receiptNumber: receipts.number,
};

export interface PaymentWithReceipt {
  entry: typeof ledgerEntries.$inferSelect;
  fee: typeof fees.$inferSelect;
  payerName: string;
  payerEmail: string;
  applicationNumber: string | null;
  receiptNumber: string | null;
}

function payments(db: Queryable) {
  return db
    .select(paymentColumns)
    .from(ledgerEntries)
    .innerJoin(fees, eq(fees.id, ledgerEntries.feeId))
    .innerJoin(users, eq(users.id, fees.payerUserId))
    .leftJoin(applications, and(eq(fees.kind, 'application'), eq(applications.id, fees.subjectId)))
    .leftJoin(receipts, eq(receipts.ledgerEntryId, ledgerEntries.id));
}

/** A payer's payments, oldest first (fees_payer_idx, then ledger_entries_fee_idx). */
export async function paymentsOfPayer(db: Queryable, userId: string): Promise<PaymentWithReceipt[]> {
  return payments(db)
    .where(and(eq(fees.payerUserId, userId), eq(ledgerEntries.kind, 'payment')))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
    .limit(500);
}

export async function findPayment(
  db: Queryable,
  ledgerEntryId: string,
): Promise<PaymentWithReceipt | undefined> {
  const [row] = await payments(db)
    .where(and(eq(ledgerEntries.id, ledgerEntryId), eq(ledgerEntries.kind, 'payment')))
    .limit(1);
  return row;
}

/**
 * The payment's receipt number, given now if it has none. The ledger entry is locked first, so two
 * first downloads at once number it once and the sequence has no gaps.
 */
export async function ensureReceiptNumber(
  tx: Queryable,
  ledgerEntryId: string,
  year: number,
  now: Date,
): Promise<string> {
  await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.id, ledgerEntryId))
    .for('update');
  const [existing] = await tx
    .select()
    .from(receipts)
    .where(eq(receipts.ledgerEntryId, ledgerEntryId))
    .limit(1);
  if (existing) return existing.number;
  const seq = await nextInSequence(tx, `RCT-${year}`);
  const [row] = await tx
    .insert(receipts)
    .values({ ledgerEntryId, number: formatReceiptNumber(year, seq), issuedAt: now })
    .returning();
  return (row as ReceiptRow).number;
}

/** RCT-2026-000001: the year the number was given, then a sequence restarting each year. */
export function formatReceiptNumber(year: number, seq: number): string {
  return `RCT-${year}-${String(seq).padStart(6, '0')}`;
}
