import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/client.js';
import { users } from '../../accounts/schema.js';
import { applications } from '../../applications/schema.js';
import { feeBalances, fees, ledgerEntries } from '../schema.js';
import { type AdjustmentState, paymentAdjustments as adj, type PaymentAdjustmentRow } from './schema.js';

export async function insertAdjustment(
  tx: Queryable,
  row: typeof adj.$inferInsert,
): Promise<PaymentAdjustmentRow> {
  const [made] = await tx.insert(adj).values(row).returning();
  return made!;
}

export async function findPendingAdjustmentForFee(
  db: Queryable,
  feeId: string,
): Promise<PaymentAdjustmentRow | undefined> {
  const [row] = await db
    .select()
    .from(adj)
    .where(and(eq(adj.feeId, feeId), eq(adj.state, 'pending')))
    .limit(1);
  return row;
}

export async function findAdjustment(db: Queryable, id: string): Promise<PaymentAdjustmentRow | undefined> {
  const [row] = await db.select().from(adj).where(eq(adj.id, id)).limit(1);
  return row;
}

/** The request, locked: two staff members deciding at once are served one after the other. */
export async function lockAdjustment(tx: Queryable, id: string): Promise<PaymentAdjustmentRow | undefined> {
  const [row] = await tx.select().from(adj).where(eq(adj.id, id)).for('update').limit(1);
  return row;
}

/** Close a pending request; undefined when it was no longer pending (someone else decided first). */
export async function closeAdjustment(
  tx: Queryable,
  id: string,
  change: {
    state: Exclude<AdjustmentState, 'pending'>;
    decidedBy: string;
    decidedAt: Date;
    decisionNote: string | null;
    ledgerEntryId: string | null;
  },
): Promise<PaymentAdjustmentRow | undefined> {
  const [row] = await tx
    .update(adj)
    .set(change)
    .where(and(eq(adj.id, id), eq(adj.state, 'pending')))
    .returning();
  return row;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const payer = alias(users, 'payer');

const listedColumns = {
  adjustment: adj,
  feeKind: fees.kind,
  feeSubjectId: fees.subjectId,
  currency: fees.currency,
  payerName: payer.displayName,
  payerEmail: payer.email,
  requesterName: requester.displayName,
  deciderName: decider.displayName,
  applicationNumber: applications.number,
};

export type ListedAdjustment = {
  adjustment: PaymentAdjustmentRow;
  feeKind: typeof fees.$inferSelect.kind;
  feeSubjectId: string;
  currency: string;
  payerName: string;
  payerEmail: string;
  requesterName: string;
  deciderName: string | null;
  applicationNumber: string | null;
};

function listed(db: Queryable) {
  return db
    .select(listedColumns)
    .from(adj)
    .innerJoin(fees, eq(fees.id, adj.feeId))
    .innerJoin(payer, eq(payer.id, fees.payerUserId))
    .innerJoin(requester, eq(requester.id, adj.requestedBy))
    .leftJoin(decider, eq(decider.id, adj.decidedBy))
    .leftJoin(applications, and(eq(fees.kind, 'application'), eq(applications.id, fees.subjectId)));
}

/** Pending requests, oldest first (payment_adjustments_pending_idx). */
export async function listPendingAdjustments(db: Queryable, limit = 200): Promise<ListedAdjustment[]> {
  return listed(db).where(eq(adj.state, 'pending')).orderBy(asc(adj.requestedAt), asc(adj.id)).limit(limit);
}

export async function listAdjustmentsForFee(db: Queryable, feeId: string): Promise<ListedAdjustment[]> {
  return listed(db).where(eq(adj.feeId, feeId)).orderBy(desc(adj.requestedAt), desc(adj.id)).limit(100);
}

export async function findListedAdjustment(db: Queryable, id: string): Promise<ListedAdjustment | undefined> {
  const [row] = await listed(db).where(eq(adj.id, id)).limit(1);
  return row;
}

// fee_balances_refunds_owed_idx's predicate word for word (constants, not parameters), so the
// planner can read that small index.
const overpaid = sql`${feeBalances.netPaidCents} > 0 and ${feeBalances.dueCents} < 0`;

const balanceColumns = {
  feeId: feeBalances.feeId,
  netPaidCents: feeBalances.netPaidCents,
  dueCents: feeBalances.dueCents,
};

/**
 * Fees that may owe money back: some money kept, and either overpaid or for an application that was
 * rejected. Whether a rejection is refundable is the policy's call, made by the use case.
 *
 * Never reads the whole ledger: each fee's sums come from fee_balances (kept by the database with
 * every ledger entry), and only for the fees that can qualify: the overpaid ones, from the small
 * fee_balances_refunds_owed_idx, and those of rejected applications (applications_queue_idx, then
 * fees_subject_uq). The page is cut before the payer and application are joined.
 */
export async function refundCandidates(db: Queryable, limit = 200) {
  const candidates = db.$with('candidates').as(
    db
      .select(balanceColumns)
      .from(feeBalances)
      .where(overpaid)
      .union(
        db
          .select(balanceColumns)
          .from(applications)
          .innerJoin(fees, and(eq(fees.kind, 'application'), eq(fees.subjectId, applications.id)))
          .innerJoin(feeBalances, eq(feeBalances.feeId, fees.id))
          .where(and(eq(applications.status, 'rejected'), sql`${feeBalances.netPaidCents} > 0`)),
      ),
  );
  const page = db.$with('page').as(
    db
      .select({
        feeId: fees.id,
        feeKind: fees.kind,
        currency: fees.currency,
        createdAt: fees.createdAt,
        payerUserId: fees.payerUserId,
        subjectId: fees.subjectId,
        netPaidCents: candidates.netPaidCents,
        dueCents: candidates.dueCents,
      })
      .from(candidates)
      .innerJoin(fees, eq(fees.id, candidates.feeId))
      .orderBy(asc(fees.createdAt), asc(fees.id))
      .limit(limit),
  );
  return db
    .with(candidates, page)
    .select({
      feeId: page.feeId,
      feeKind: page.feeKind,
      currency: page.currency,
      payerName: users.displayName,
      applicationId: applications.id,
      applicationNumber: applications.number,
      applicationStatus: applications.status,
      applicationPolicyVersionId: applications.policyVersionId,
      netPaidCents: page.netPaidCents,
      dueCents: page.dueCents,
    })
    .from(page)
    .innerJoin(users, eq(users.id, page.payerUserId))
    .leftJoin(applications, and(eq(page.feeKind, 'application'), eq(applications.id, page.subjectId)))
    .orderBy(asc(page.createdAt), asc(page.feeId));
}

/** The reference of the fee's most recent card payment (what a card refund is sent back against). */
export async function latestCardPaymentReference(db: Queryable, feeId: string): Promise<string | null> {
  const [row] = await db
    .select({ reference: ledgerEntries.reference })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.feeId, feeId),
        eq(ledgerEntries.kind, 'payment'),
        eq(ledgerEntries.method, 'card'),
      ),
    )
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(1);
  return row?.reference ?? null;
}
