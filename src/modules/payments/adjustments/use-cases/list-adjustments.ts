import type { Ctx } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import { UUID_PATTERN } from '../../../../platform/ids.js';
import { requireRole } from '../../../accounts/access.js';
import { findUserById } from '../../../accounts/users-repository.js';
import { policyFor } from '../../../applications/own-application.js';
import { type ApplicationRow, findApplicationById } from '../../../applications/repository.js';
import { balanceOf, type FeeRow, findFeeById, type LedgerRow } from '../../repository.js';
import { refundOwedCents } from '../../rules/adjustments.js';
import type { FeeBalance } from '../../rules/ledger.js';
import { listAdjustmentsForFee, listPendingAdjustments, refundCandidates } from '../repository.js';
import { type AdjustmentView, toAdjustmentView } from '../view.js';

/** Requests waiting for a second staff member, oldest first. */
export async function listPendingAdjustmentRequests(ctx: Ctx): Promise<AdjustmentView[]> {
  requireRole(ctx.actor, 'staff', 'admin');
  return (await listPendingAdjustments(ctx.db)).map(toAdjustmentView);
}

export interface RefundOwed {
  feeId: string;
  feeKind: FeeRow['kind'];
  currency: string;
  payerName: string;
  applicationId: string | null;
  applicationNumber: string | null;
  /** Why: the application was rejected, or more was paid than was due. */
  why: 'rejected' | 'overpaid';
  owedCents: number;
}

/** Fees where the program holds money it owes back (rejected applications under a refunding policy, overpayments). */
export async function listRefundsOwed(ctx: Ctx): Promise<RefundOwed[]> {
  requireRole(ctx.actor, 'staff', 'admin');
  const rows = await refundCandidates(ctx.db);
  // Whether a rejection refunds the fee is the same for every application under one policy version:
  // looked up once per version, not once per row.
  const refundedOnRejection = new Map<string | null, boolean>();
  const owed: RefundOwed[] = [];
  for (const r of rows) {
    let withdrawn = false;
    if (r.applicationId && r.applicationStatus === 'rejected') {
      const version = r.applicationPolicyVersionId;
      if (!refundedOnRejection.has(version)) {
        const app = await findApplicationById(ctx.db, r.applicationId);
        const { policy } = await policyFor(ctx.db, app);
        refundedOnRejection.set(version, policy.refunds.applicationFeeRefundableWhenIneligible);
      }
      withdrawn = refundedOnRejection.get(version)!;
    }
    const cents = refundOwedCents(r, { purposeWithdrawn: withdrawn });
    if (cents <= 0) continue;
    owed.push({
      feeId: r.feeId,
      feeKind: r.feeKind,
      currency: r.currency,
      payerName: r.payerName,
      applicationId: r.applicationId,
      applicationNumber: r.applicationNumber,
      why: withdrawn ? 'rejected' : 'overpaid',
      owedCents: cents,
    });
  }
  return owed;
}

async function purposeWithdrawn(ctx: Ctx, app: ApplicationRow | undefined): Promise<boolean> {
  if (app?.status !== 'rejected') return false;
  return (await policyFor(ctx.db, app)).policy.refunds.applicationFeeRefundableWhenIneligible;
}

export interface FeeAdjustmentsView {
  fee: FeeRow;
  payerName: string;
  application: { id: string; number: string | null; status: ApplicationRow['status'] } | null;
  balance: FeeBalance;
  entries: LedgerRow[];
  refundOwedCents: number;
  adjustments: AdjustmentView[];
  pending: AdjustmentView | null;
}

/** One fee for staff: its ledger, what may be owed back, and its adjustment requests. */
export async function viewFeeAdjustments(ctx: Ctx, feeId: string): Promise<FeeAdjustmentsView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const fee = UUID_PATTERN.test(feeId) ? await findFeeById(ctx.db, feeId) : undefined;
  if (!fee) throw notFound('That fee');
  const { entries, balance } = await balanceOf(ctx.db, fee.id);
  const app = fee.kind === 'application' ? await findApplicationById(ctx.db, fee.subjectId) : undefined;
  const payer = await findUserById(ctx.db, fee.payerUserId);
  const adjustments = (await listAdjustmentsForFee(ctx.db, fee.id)).map(toAdjustmentView);
  return {
    fee,
    payerName: payer?.displayName ?? '',
    application: app ? { id: app.id, number: app.number, status: app.status } : null,
    balance,
    entries,
    refundOwedCents: refundOwedCents(balance, { purposeWithdrawn: await purposeWithdrawn(ctx, app) }),
    adjustments,
    pending: adjustments.find((a) => a.state === 'pending') ?? null,
  };
}
