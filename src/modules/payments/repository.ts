import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { uuidv7 } from '../../platform/ids.js';
import { type FeeBalance, feeBalance } from './rules/ledger.js';
import { checkouts, type FeeKind, fees, ledgerEntries } from './schema.js';

export type FeeRow = typeof fees.$inferSelect;
export type LedgerRow = typeof ledgerEntries.$inferSelect;
export type CheckoutRow = typeof checkouts.$inferSelect;

export async function findFeeBySubject(
  db: Queryable,
  kind: FeeKind,
  subjectId: string,
): Promise<FeeRow | undefined> {
  const [row] = await prepared(db, 'fee_by_subject', (d) =>
    d
      .select()
      .from(fees)
      .where(and(eq(fees.kind, sql.placeholder('kind')), eq(fees.subjectId, sql.placeholder('subjectId'))))
      .limit(1)
      .prepare('fee_by_subject'),
  ).execute({ kind, subjectId });
  return row;
}

export async function findFeeById(db: Queryable, id: string): Promise<FeeRow | undefined> {
  const [row] = await db.select().from(fees).where(eq(fees.id, id)).limit(1);
  return row;
}

export async function insertFee(
  tx: Queryable,
  f: {
    kind: FeeKind;
    subjectId: string;
    payerUserId: string;
    member: boolean;
    currency: string;
    amountCents: number;
    now: Date;
    actorId: string | null;
  },
): Promise<FeeRow> {
  const id = uuidv7(f.now.getTime());
  const [row] = await tx
    .insert(fees)
    .values({
      id,
      kind: f.kind,
      subjectId: f.subjectId,
      payerUserId: f.payerUserId,
      member: f.member,
      currency: f.currency,
      createdAt: f.now,
    })
    .returning();
  await insertLedgerEntry(tx, {
    feeId: id,
    kind: 'charge',
    amountCents: f.amountCents,
    method: 'none',
    reference: null,
    note: null,
    actorId: f.actorId,
    now: f.now,
  });
  return row!;
}

export async function insertLedgerEntry(
  tx: Queryable,
  e: {
    feeId: string;
    kind: LedgerRow['kind'];
    amountCents: number;
    method: LedgerRow['method'];
    reference: string | null;
    note: string | null;
    actorId: string | null;
    now: Date;
  },
): Promise<LedgerRow> {
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      id: uuidv7(e.now.getTime()),
      feeId: e.feeId,
      kind: e.kind,
      amountCents: e.amountCents,
      method: e.method,
      reference: e.reference,
      note: e.note,
      actorId: e.actorId,
      createdAt: e.now,
    })
    .returning();
  return row!;
}

export async function ledgerFor(db: Queryable, feeId: string): Promise<LedgerRow[]> {
  return prepared(db, 'ledger_for_fee', (d) =>
    d
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.feeId, sql.placeholder('feeId')))
      .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
      .prepare('ledger_for_fee'),
  ).execute({ feeId });
}

export async function balanceOf(
  db: Queryable,
  feeId: string,
): Promise<{ entries: LedgerRow[]; balance: FeeBalance }> {
  const entries = await ledgerFor(db, feeId);
  return { entries, balance: feeBalance(entries) };
}

/** Lock the fee row for the rest of the transaction, so two payments for one fee are applied one after the other. */
export async function lockFee(tx: Queryable, feeId: string): Promise<FeeRow | undefined> {
  const [row] = await tx.select().from(fees).where(eq(fees.id, feeId)).for('update').limit(1);
  return row;
}

export async function findOpenCheckout(db: Queryable, feeId: string): Promise<CheckoutRow | undefined> {
  const [row] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.feeId, feeId), eq(checkouts.status, 'open')))
    .limit(1);
  return row;
}

export async function findCheckout(db: Queryable, id: string): Promise<CheckoutRow | undefined> {
  const [row] = await db.select().from(checkouts).where(eq(checkouts.id, id)).limit(1);
  return row;
}

/** What a checkout is for, who opened it, and where the payer goes afterwards. */
export interface CheckoutPurpose {
  description: string;
  openedBy: string;
  returnPath: string;
  retryPath: string;
}

export async function insertCheckout(
  tx: Queryable,
  c: {
    feeId: string;
    amountCents: number;
    currency: string;
    now: Date;
    provider?: CheckoutRow['provider'];
  } & CheckoutPurpose,
): Promise<CheckoutRow> {
  const [row] = await tx
    .insert(checkouts)
    .values({
      id: uuidv7(c.now.getTime()),
      feeId: c.feeId,
      provider: c.provider ?? 'sandbox',
      status: 'open',
      amountCents: c.amountCents,
      currency: c.currency,
      description: c.description,
      openedBy: c.openedBy,
      returnPath: c.returnPath,
      retryPath: c.retryPath,
      createdAt: c.now,
    })
    .returning();
  return row!;
}

/** Close an open checkout; returns undefined when it was already closed (a retried or doubled request). */
export async function completeCheckout(
  tx: Queryable,
  id: string,
  status: 'succeeded' | 'failed',
  now: Date,
): Promise<CheckoutRow | undefined> {
  const [row] = await tx
    .update(checkouts)
    .set({ status, completedAt: now })
    .where(and(eq(checkouts.id, id), eq(checkouts.status, 'open')))
    .returning();
  return row;
}

/** The most recent checkout for a fee (to tell a payer their last card attempt was declined). */
export async function latestCheckout(db: Queryable, feeId: string): Promise<CheckoutRow | undefined> {
  const [row] = await prepared(db, 'latest_checkout', (d) =>
    d
      .select()
      .from(checkouts)
      .where(eq(checkouts.feeId, sql.placeholder('feeId')))
      .orderBy(desc(checkouts.createdAt), desc(checkouts.id))
      .limit(1)
      .prepare('latest_checkout'),
  ).execute({ feeId });
  return row;
}

/** A payment already recorded under this reference (ledger_entries_reference_uq), if any. */
/** References (check numbers, checkout ids) are unique per fee: two people may both write check #101. */
export async function findPaymentByReference(
  db: Queryable,
  feeId: string,
  method: LedgerRow['method'],
  reference: string,
): Promise<LedgerRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.feeId, feeId),
        eq(ledgerEntries.kind, 'payment'),
        eq(ledgerEntries.method, method),
        eq(ledgerEntries.reference, reference),
      ),
    )
    .limit(1);
  return row;
}
