import { formatMoney, money } from '../../../../lib/money.js';
import { type Ctx, transact, type Work } from '../../../../platform/context.js';
import { DomainError, notFound, validationFailed } from '../../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../../platform/ids.js';
import { requireRole } from '../../../accounts/access.js';
import { parseInput } from '../../../applications/validate.js';
import { balanceOf, type FeeRow, lockFee } from '../../repository.js';
import { checkAdjustment } from '../../rules/adjustments.js';
import { adjustmentRequestSchema } from '../forms.js';
import { findAward } from '../policy.js';
import { findListedAdjustment, findPendingAdjustmentForFee, insertAdjustment } from '../repository.js';
import type { PaymentAdjustmentRow } from '../schema.js';
import { type AdjustmentView, toAdjustmentView } from '../view.js';

const ONE_PENDING =
  'This fee already has a request waiting for a second staff member. Decide or withdraw it first.';

/**
 * A staff member asks for a refund, waiver or award on a fee. Nothing reaches the ledger yet: a
 * second, different staff member approves it (approve-adjustment). The amount is checked against
 * the balance now, and again on approval (the balance may change in between).
 */
export async function requestAdjustment(
  ctx: Ctx,
  input: { feeId: string } & Record<string, unknown>,
): Promise<AdjustmentView> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(input.feeId)) throw notFound('That fee');
  const data = parseInput(adjustmentRequestSchema, {
    kind: input.kind,
    amount: input.amount,
    method: input.method,
    reference: input.reference,
    reason: input.reason,
    award: input.award,
  });
  const award = data.kind === 'award' ? findAward(data.award)! : null;
  const amountCents = award ? award.amountCents : data.kind === 'award' ? 0 : data.amount;
  try {
    return await transact(ctx, async (w) => {
      const fee = await lockFee(w.tx, input.feeId);
      if (!fee) throw notFound('That fee');
      const { balance } = await balanceOf(w.tx, fee.id);
      const verdict = checkAdjustment(balance, data.kind, amountCents);
      if (!verdict.ok) throw validationFailed({ [award ? 'award' : 'amount']: verdict.message });
      const row = await openAdjustmentRequest(
        w,
        fee,
        {
          kind: data.kind,
          amountCents,
          method: data.kind === 'refund' ? data.method : 'none',
          reference: data.kind === 'refund' ? data.reference : null,
          reason: award ? `${award.label}: ${data.reason}` : data.reason,
          receivedOn: null,
          requestedBy: staff.userId,
        },
        ctx.clock.now(),
      );
      return toAdjustmentView((await findListedAdjustment(w.tx, row.id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', ONE_PENDING);
    throw err;
  }
}

/**
 * Write the pending request and its audit event (the caller holds the fee lock). Also used by
 * record-check-payment for a check over the approval limit.
 */
export async function openAdjustmentRequest(
  w: Work,
  fee: FeeRow,
  r: Pick<
    PaymentAdjustmentRow,
    'kind' | 'amountCents' | 'method' | 'reference' | 'reason' | 'receivedOn' | 'requestedBy'
  >,
  now: Date,
): Promise<PaymentAdjustmentRow> {
  if (await findPendingAdjustmentForFee(w.tx, fee.id)) throw new DomainError('CONFLICT', ONE_PENDING);
  const row = await insertAdjustment(w.tx, {
    id: uuidv7(now.getTime()),
    feeId: fee.id,
    state: 'pending',
    requestedAt: now,
    ...r,
  });
  await w.audit({
    action: 'payment_adjustment.requested',
    subjectType: 'payment_adjustment',
    subjectId: row.id,
    after: {
      feeId: fee.id,
      kind: r.kind,
      amountCents: r.amountCents,
      amount: formatMoney(money(r.amountCents, fee.currency)),
      method: r.method,
      reference: r.reference,
      reason: r.reason,
    },
  });
  return row;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (constraint === undefined || name === undefined || name === constraint))
      return true;
  }
  return false;
}
