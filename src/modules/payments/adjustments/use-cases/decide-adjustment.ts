import { type Ctx, transact, type UserActor, type Work } from '../../../../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../../../../platform/errors.js';
import { UUID_PATTERN } from '../../../../platform/ids.js';
import { requireRole } from '../../../accounts/access.js';
import { findUserById } from '../../../accounts/users-repository.js';
import { type ApplicationRow, lockApplication } from '../../../applications/repository.js';
import { type FeeRow, findFeeById, lockFee } from '../../repository.js';
import { declineNoteSchema } from '../forms.js';
import { requesterMail } from '../mails.js';
import { closeAdjustment, findAdjustment, findListedAdjustment, lockAdjustment } from '../repository.js';
import type { PaymentAdjustmentRow } from '../schema.js';
import { type AdjustmentView, toAdjustmentView } from '../view.js';
import { applyAdjustment } from './apply-adjustment.js';
import { isUniqueViolation } from './request-adjustment.js';

type Decision = 'approve' | 'decline' | 'withdraw';

const closedAlready: Record<PaymentAdjustmentRow['state'], string> = {
  pending: '',
  approved: 'This request was already approved: it is in the ledger.',
  declined: 'This request was already declined.',
  withdrawn: 'This request was withdrawn by the staff member who made it.',
};

/**
 * Lock in the order every payment path uses (application, then fee), then the request itself, so
 * two approvers at the same moment are served one after the other and the second sees it closed.
 */
async function lockPending(w: Work, id: string) {
  const found = UUID_PATTERN.test(id) ? await findAdjustment(w.tx, id) : undefined;
  const feeRow = found && (await findFeeById(w.tx, found.feeId));
  if (!found || !feeRow) throw notFound('That request');
  const application: ApplicationRow | undefined =
    feeRow.kind === 'application' ? await lockApplication(w.tx, feeRow.subjectId) : undefined;
  const fee = (await lockFee(w.tx, feeRow.id)) as FeeRow;
  const request = (await lockAdjustment(w.tx, id))!;
  if (request.state !== 'pending') throw new DomainError('CONFLICT', closedAlready[request.state]);
  return { fee, request, application };
}

async function decide(
  ctx: Ctx,
  id: string,
  decision: Decision,
  note: string | null,
): Promise<AdjustmentView> {
  const staff: UserActor = requireRole(ctx.actor, 'staff', 'admin');
  try {
    return await transact(ctx, async (w) => {
      const { fee, request, application } = await lockPending(w, id);
      const own = request.requestedBy === staff.userId;
      if (decision === 'withdraw' && !own)
        throw forbidden('Only the staff member who made this request can withdraw it.');
      if (decision !== 'withdraw' && own)
        throw forbidden(
          `You asked for this, so a different staff member must ${decision} it. You can withdraw it instead.`,
        );
      const now = ctx.clock.now();
      const ledgerEntryId =
        decision === 'approve'
          ? await applyAdjustment(w, { config: ctx.config, fee, request, application, staff, now })
          : null;
      const state = decision === 'approve' ? 'approved' : decision === 'decline' ? 'declined' : 'withdrawn';
      const closed = await closeAdjustment(w.tx, request.id, {
        state,
        decidedBy: staff.userId,
        decidedAt: now,
        decisionNote: note,
        ledgerEntryId,
      });
      if (!closed) throw new DomainError('CONFLICT', 'Someone else decided this request a moment ago.');
      await w.audit({
        action: `payment_adjustment.${state}`,
        subjectType: 'payment_adjustment',
        subjectId: request.id,
        before: { state: 'pending' },
        after: { state, ledgerEntryId, ...(note ? { note } : {}) },
      });
      const view = toAdjustmentView((await findListedAdjustment(w.tx, request.id))!);
      if (decision !== 'withdraw') {
        const requester = await findUserById(w.tx, request.requestedBy);
        if (requester)
          await w.mail(
            requesterMail(requester, {
              kindLabel: view.kindLabel,
              amount: view.amount,
              feeLabel: view.feeLabel,
              outcome: state === 'approved' ? 'approved' : 'declined',
              deciderName: staff.displayName,
              note,
              method: request.method,
            }),
          );
      }
      return view;
    });
  } catch (err) {
    // The ledger refuses a second entry with the same reference (a check number recorded twice).
    if (isUniqueViolation(err, 'ledger_entries_reference_uq'))
      throw new DomainError(
        'CONFLICT',
        'That reference is already recorded on this fee. Decline this request.',
      );
    throw err;
  }
}

/** A second staff member approves: the ledger entry is written now and the payer is told. */
export function approveAdjustment(ctx: Ctx, id: string): Promise<AdjustmentView> {
  return decide(ctx, id, 'approve', null);
}

/** A second staff member declines, saying why; nothing reaches the ledger. */
export async function declineAdjustment(ctx: Ctx, id: string, note: unknown): Promise<AdjustmentView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const parsed = declineNoteSchema.safeParse(note ?? '');
  if (!parsed.success)
    throw validationFailed({ note: parsed.error.issues[0]?.message ?? 'Say why you decline the request' });
  return decide(ctx, id, 'decline', parsed.data);
}

/** The requester takes their request back before anyone decides it. */
export function withdrawAdjustment(ctx: Ctx, id: string): Promise<AdjustmentView> {
  return decide(ctx, id, 'withdraw', null);
}
