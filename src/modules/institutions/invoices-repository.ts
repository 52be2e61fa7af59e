import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications } from '../applications/schema.js';
import { ledgerEntries } from '../payments/schema.js';
import { institutions, invoiceLines, invoicePayments, invoices, purchaseOrders } from './schema.js';

export type PurchaseOrderRow = typeof purchaseOrders.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoicePaymentRow = typeof invoicePayments.$inferSelect;

export async function findPurchaseOrderByNumber(
  db: Queryable,
  institutionId: string,
  poNumber: string,
): Promise<PurchaseOrderRow | undefined> {
  const [row] = await db
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.institutionId, institutionId), eq(purchaseOrders.poNumber, poNumber)))
    .limit(1);
  return row;
}

export async function insertPurchaseOrder(tx: Queryable, row: PurchaseOrderRow): Promise<void> {
  await tx.insert(purchaseOrders).values(row);
}

export async function insertInvoice(tx: Queryable, row: InvoiceRow): Promise<void> {
  await tx.insert(invoices).values(row);
}

/** An invoice's lines in one statement (a purchase order has at most 200). */
export async function insertInvoiceLines(tx: Queryable, rows: readonly InvoiceLineRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(invoiceLines).values([...rows]);
}

export async function findInvoice(db: Queryable, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id)).limit(1);
  return row;
}

export async function lockInvoice(tx: Queryable, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update').limit(1);
  return row;
}

export async function findPurchaseOrder(db: Queryable, id: string): Promise<PurchaseOrderRow | undefined> {
  const [row] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).limit(1);
  return row;
}

/** Invoices of one institution with their purchase order numbers, newest first. */
export async function listInvoicesOf(db: Queryable, institutionId: string) {
  return db
    .select({ invoice: invoices, poNumber: purchaseOrders.poNumber, paidCents: paidSum })
    .from(invoices)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, invoices.purchaseOrderId))
    .where(eq(invoices.institutionId, institutionId))
    .orderBy(desc(invoices.createdAt), desc(invoices.id));
}

const paidSum = sql<number>`(select coalesce(sum(${invoicePayments.amountCents}), 0)::int from ${invoicePayments} where ${invoicePayments.invoiceId} = ${invoices.id} and ${invoicePayments.state} = 'approved')`;

export async function findInvoiceByNumber(db: Queryable, number: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.number, number)).limit(1);
  return row;
}

/** The lines in order, with the application each is linked to and what reached its fee (null until paid). */
export async function listLines(db: Queryable, invoiceId: string) {
  return db
    .select({
      line: invoiceLines,
      applicationNumber: applications.number,
      applicationStatus: applications.status,
      allocatedCents: ledgerEntries.amountCents,
    })
    .from(invoiceLines)
    .leftJoin(applications, eq(applications.id, invoiceLines.applicationId))
    .leftJoin(ledgerEntries, eq(ledgerEntries.id, invoiceLines.feePaymentEntryId))
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
}

/** The payments that count, in the order they began to count (receipt numbers follow it). */
export async function listPayments(db: Queryable, invoiceId: string): Promise<InvoicePaymentRow[]> {
  return db
    .select()
    .from(invoicePayments)
    .where(and(eq(invoicePayments.invoiceId, invoiceId), eq(invoicePayments.state, 'approved')))
    .orderBy(asc(invoicePayments.approvedAt), asc(invoicePayments.id));
}

const recorder = alias(users, 'recorder');
const decider = alias(users, 'decider');

/** Payments that do not count (yet): waiting for a second staff member, declined or withdrawn; oldest first. */
export async function listUncountedPayments(db: Queryable, invoiceId: string) {
  return db
    .select({
      payment: invoicePayments,
      recordedByName: recorder.displayName,
      decidedByName: decider.displayName,
    })
    .from(invoicePayments)
    .innerJoin(recorder, eq(recorder.id, invoicePayments.recordedBy))
    .leftJoin(decider, eq(decider.id, invoicePayments.decidedBy))
    .where(and(eq(invoicePayments.invoiceId, invoiceId), sql`${invoicePayments.state} <> 'approved'`))
    .orderBy(asc(invoicePayments.createdAt), asc(invoicePayments.id));
}

export type UncountedPaymentRow = Awaited<ReturnType<typeof listUncountedPayments>>[number];

export async function lockInvoicePayment(
  tx: Queryable,
  invoiceId: string,
  paymentId: string,
): Promise<InvoicePaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(invoicePayments)
    .where(and(eq(invoicePayments.id, paymentId), eq(invoicePayments.invoiceId, invoiceId)))
    .for('update')
    .limit(1);
  return row;
}

/**
 * The moment a payment begins to count: now, or just after the last payment that counts when the
 * clock has not moved on (a frozen test clock, two decisions in one millisecond). Receipt numbers
 * follow this order, so a payment that counts later never takes an earlier number. The caller holds
 * the invoice lock, so no other payment of the invoice begins to count meanwhile.
 */
export function countsFrom(now: Date, counted: readonly InvoicePaymentRow[]): Date {
  const last = counted.reduce((max, p) => Math.max(max, p.approvedAt?.getTime() ?? 0), 0);
  return new Date(Math.max(now.getTime(), last + 1));
}

/** Close a pending payment; undefined when it was not pending any more. */
export async function closeInvoicePayment(
  tx: Queryable,
  id: string,
  set: {
    state: 'approved' | 'declined' | 'withdrawn';
    decidedBy: string;
    decidedAt: Date;
    decisionNote: string | null;
    /** For an approval: when it begins to count (countsFrom). */
    approvedAt: Date | null;
  },
): Promise<InvoicePaymentRow | undefined> {
  const [row] = await tx
    .update(invoicePayments)
    .set(set)
    .where(and(eq(invoicePayments.id, id), eq(invoicePayments.state, 'pending')))
    .returning();
  return row;
}

/** Every payment waiting for a second staff member, oldest first, with its invoice and institution. */
export async function listPendingInvoicePayments(db: Queryable, limit: number) {
  return db
    .select({
      payment: invoicePayments,
      invoiceNumber: invoices.number,
      currency: invoices.currency,
      institutionName: institutions.name,
      recordedByName: recorder.displayName,
    })
    .from(invoicePayments)
    .innerJoin(invoices, eq(invoices.id, invoicePayments.invoiceId))
    .innerJoin(institutions, eq(institutions.id, invoices.institutionId))
    .innerJoin(recorder, eq(recorder.id, invoicePayments.recordedBy))
    .where(eq(invoicePayments.state, 'pending'))
    .orderBy(asc(invoicePayments.createdAt), asc(invoicePayments.id))
    .limit(limit);
}

export async function findInvoicePayment(
  db: Queryable,
  invoiceId: string,
  method: InvoicePaymentRow['method'],
  reference: string,
): Promise<InvoicePaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(invoicePayments)
    .where(
      and(
        eq(invoicePayments.invoiceId, invoiceId),
        eq(invoicePayments.method, method),
        eq(invoicePayments.reference, reference),
        inArray(invoicePayments.state, ['pending', 'approved']),
      ),
    )
    .limit(1);
  return row;
}

export async function insertInvoicePayment(tx: Queryable, row: InvoicePaymentRow): Promise<void> {
  await tx.insert(invoicePayments).values(row);
}

export async function linkLineToApplication(
  tx: Queryable,
  lineId: string,
  applicationId: string,
  now: Date,
): Promise<void> {
  await tx.update(invoiceLines).set({ applicationId, claimedAt: now }).where(eq(invoiceLines.id, lineId));
}

export async function markLineFeePaid(tx: Queryable, lineId: string, ledgerEntryId: string): Promise<void> {
  await tx.update(invoiceLines).set({ feePaymentEntryId: ledgerEntryId }).where(eq(invoiceLines.id, lineId));
}

export async function findLineByInviteHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({ line: invoiceLines, invoice: invoices, institution: institutions })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .innerJoin(institutions, eq(institutions.id, invoices.institutionId))
    .where(eq(invoiceLines.inviteTokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Lines naming one of these addresses on the institution's invoices that no application has claimed yet. */
export async function unclaimedLinesFor(db: Queryable, institutionId: string, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ line: invoiceLines })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoices.institutionId, institutionId),
        inArray(invoiceLines.email, emails),
        isNull(invoiceLines.applicationId),
      ),
    )
    .orderBy(asc(invoices.createdAt), asc(invoiceLines.position));
}

/** Lines an application holds whose money has not reached its fee yet. */
export async function unpaidLinesOfApplication(db: Queryable, applicationId: string) {
  return db
    .select({ line: invoiceLines })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.applicationId, applicationId), isNull(invoiceLines.feePaymentEntryId)))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
}
