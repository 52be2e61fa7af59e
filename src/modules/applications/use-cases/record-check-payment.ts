import { z } from 'zod';
import {
  type CalendarDate,
  compareDates,
  formatCalendarDate,
  isCalendarDate,
} from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { CHECK_APPROVAL_THRESHOLD_CENTS } from '../../payments/adjustments/policy.js';
import { openAdjustmentRequest } from '../../payments/adjustments/use-cases/request-adjustment.js';
import { type ApplyPaymentResult, applyPaymentToApplicationFee } from '../../payments/application-fee.js';
import { balanceOf, findFeeBySubject, findPaymentByReference, lockFee } from '../../payments/repository.js';
import { notNowMessage } from '../../staff/status.js';
import { lockApplication } from '../repository.js';
import { parseInput } from '../validate.js';

const DUPLICATE_CHECK = 'This check number is already recorded.';
// Far above any fee; keeps typos such as 35000000 from reaching the ledger as cents overflow.
const MAX_DOLLARS = 1_000_000;

/** "$350", "350.00", "1,325.5" → cents; anything else is a message at the amount field. */
const dollars = z.string({ error: 'Enter the amount of the check' }).transform((raw, ctx) => {
  const text = raw.trim().replace(/^\$/, '').replace(/[,\s]/g, '');
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (text === '') return fail('Enter the amount of the check');
  if (/^-/.test(text)) return fail('The amount must be more than $0.00');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return fail('Enter the amount in dollars and cents, like 350.00');
  const [whole, fraction = ''] = text.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents <= 0) return fail('The amount must be more than $0.00');
  if (cents > MAX_DOLLARS * 100) return fail('That amount is far more than any fee; check what you typed');
  return cents;
});

export const recordCheckInput = z.object({
  checkNumber: z
    .string({ error: 'Enter the check number' })
    .trim()
    .min(1, 'Enter the check number')
    .max(30, 'Use 30 characters or fewer')
    .regex(/^[A-Za-z0-9-]+$/, 'Enter the check number as printed on the check, like 1042'),
  amount: dollars,
  receivedOn: z
    .string({ error: 'Enter the date the check arrived' })
    .trim()
    .min(1, 'Enter the date the check arrived')
    .refine(isCalendarDate, 'Enter a real date, like 2026-11-28'),
});

export interface RecordCheckResult extends Omit<ApplyPaymentResult, 'ledgerEntryId'> {
  /** Null while a check over the approval limit waits for a second staff member. */
  ledgerEntryId: string | null;
  pendingApprovalId: string | null;
  amountCents: number;
  checkNumber: string;
}

/**
 * Staff record a check received for an application fee. The amount may not exceed what is still
 * due (an overpayment would have to be refunded); a check number is recorded once. A check over
 * the approval limit is not recorded yet: it becomes a request a second staff member approves. Applying the
 * payment (ledger, move to review when settled, mail to the candidate) is the payments module's.
 */
export async function recordCheckPayment(
  ctx: Ctx,
  input: { applicationId: string; checkNumber?: unknown; amount?: unknown; receivedOn?: unknown },
): Promise<RecordCheckResult> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(input.applicationId)) throw notFound('That application');
  const data = parseInput(recordCheckInput, {
    checkNumber: input.checkNumber,
    amount: typeof input.amount === 'number' ? String(input.amount) : input.amount,
    receivedOn: input.receivedOn,
  });
  const today = ctx.clock.today();
  if (compareDates(data.receivedOn, today) > 0) {
    throw validationFailed({ receivedOn: 'The date received cannot be in the future' });
  }
  try {
    return await transact(ctx, async (w) => {
      // Application first, then fee: the same lock order as the card path, so the two cannot deadlock.
      const application = await lockApplication(w.tx, input.applicationId);
      if (!application) throw notFound('That application');
      if (application.status !== 'awaiting_check' && application.status !== 'awaiting_payment') {
        throw invalidState(notNowMessage(application.status, 'record a check for'));
      }
      const feeRow = await findFeeBySubject(w.tx, 'application', application.id);
      const fee = feeRow && (await lockFee(w.tx, feeRow.id));
      if (!fee) throw invalidState('This application has no fee to pay.');
      const { balance } = await balanceOf(w.tx, fee.id);
      if (data.amount > balance.dueCents) {
        const due = formatMoney(money(Math.max(0, balance.dueCents), fee.currency));
        throw validationFailed({ amount: `The amount is more than the ${due} still due` });
      }
      if (await findPaymentByReference(w.tx, fee.id, 'check', data.checkNumber)) throw duplicateCheck();
      if (data.amount > CHECK_APPROVAL_THRESHOLD_CENTS) {
        // A large check waits for a second staff member; the ledger is written when they approve.
        const request = await openAdjustmentRequest(
          w,
          fee,
          {
            kind: 'check_payment',
            amountCents: data.amount,
            method: 'check',
            reference: data.checkNumber,
            reason: `Check received ${formatCalendarDate(data.receivedOn as CalendarDate)}`,
            receivedOn: data.receivedOn,
            requestedBy: staff.userId,
          },
          ctx.clock.now(),
        );
        return {
          ledgerEntryId: null,
          pendingApprovalId: request.id,
          balance,
          applicationStatus: application.status,
          movedToReview: false,
          amountCents: data.amount,
          checkNumber: data.checkNumber,
        };
      }
      const result = await applyPaymentToApplicationFee(w, {
        applicationId: application.id,
        amountCents: data.amount,
        method: 'check',
        reference: data.checkNumber,
        note: `Check received ${formatCalendarDate(data.receivedOn as CalendarDate)}`,
        actorId: staff.userId,
        at: ctx.clock.now(),
      });
      await w.audit({
        action: 'application.check_recorded',
        subjectType: 'application',
        subjectId: application.id,
        before: { status: application.status, dueCents: balance.dueCents },
        after: {
          status: result.applicationStatus,
          dueCents: result.balance.dueCents,
          checkNumber: data.checkNumber,
          amountCents: data.amount,
          receivedOn: data.receivedOn,
        },
      });
      return { ...result, pendingApprovalId: null, amountCents: data.amount, checkNumber: data.checkNumber };
    });
  } catch (err) {
    // Two staff recording the same check at once: the unique index refuses the second.
    if (isUniqueViolation(err, 'ledger_entries_reference_uq')) throw duplicateCheck();
    if (err instanceof DomainError && err.code === 'CONFLICT' && err.fields?.reference)
      throw duplicateCheck();
    throw err;
  }
}

function duplicateCheck(): DomainError {
  return new DomainError('CONFLICT', DUPLICATE_CHECK, { checkNumber: DUPLICATE_CHECK });
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}
