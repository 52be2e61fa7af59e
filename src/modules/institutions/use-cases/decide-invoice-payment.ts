import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact, type UserActor } from '../../../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findUserById } from '../../accounts/users-repository.js';
import { invoiceNotFound } from '../access.js';
import { payCoveredLines } from '../applicant-coverage.js';
import { declinePaymentNoteSchema } from '../forms.js';
import {
  closeInvoicePayment,
  countsFrom,
  type InvoicePaymentRow,
  listPayments,
  listPendingInvoicePayments,
  lockInvoice,
  lockInvoicePayment,
} from '../invoices-repository.js';
import { institutionMails } from '../mails.js';
import { findInstitution } from '../repository.js';
import { mailContacts } from './record-invoice-payment.js';
import { type InvoiceView, invoiceDetails } from './view-invoice.js';

type Decision = 'approve' | 'decline' | 'withdraw';

const closedAlready: Record<InvoicePaymentRow['state'], string> = {
  pending: '',
  approved: 'This payment was already approved: it counts towards the invoice.',
  declined: 'This payment was already declined.',
  withdrawn: 'This payment was withdrawn by the staff member who recorded it.',
};

const methodWords = { check: 'Check', bank_transfer: 'Bank transfer' } as const;

/**
 * A second staff member approves or declines a payment recorded against an invoice over the
 * approval threshold; the staff member who recorded it may withdraw it. Approval makes it count:
 * the covered applicants' fees are paid and their applications move on, in the same transaction.
 * The invoice is locked first (as when recording), then the payment, so two decisions at once are
 * served one after the other and the second finds it closed.
 */
async function decide(
  ctx: Ctx,
  invoiceId: string,
  paymentId: string,
  decision: Decision,
  note: string | null,
): Promise<InvoiceView> {
  const staff: UserActor = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(invoiceId)) throw invoiceNotFound();
  if (!UUID_PATTERN.test(paymentId)) throw notFound('That payment');
  return transact(ctx, async (w) => {
    const invoice = await lockInvoice(w.tx, invoiceId);
    if (!invoice) throw invoiceNotFound();
    const payment = await lockInvoicePayment(w.tx, invoice.id, paymentId);
    if (!payment) throw notFound('That payment');
    if (payment.state !== 'pending') throw new DomainError('CONFLICT', closedAlready[payment.state]);
    const own = payment.recordedBy === staff.userId;
    if (decision === 'withdraw' && !own)
      throw forbidden('Only the staff member who recorded this payment can withdraw it.');
    if (decision !== 'withdraw' && own)
      throw forbidden(
        `You recorded this payment, so a different staff member must ${decision} it. You can withdraw it instead.`,
      );
    const counted = await listPayments(w.tx, invoice.id);
    const before = counted.reduce((sum, p) => sum + p.amountCents, 0);
    const now = ctx.clock.now();
    const state = decision === 'approve' ? 'approved' : decision === 'decline' ? 'declined' : 'withdrawn';
    const closed = await closeInvoicePayment(w.tx, payment.id, {
      state,
      decidedBy: staff.userId,
      decidedAt: now,
      decisionNote: note,
      approvedAt: state === 'approved' ? countsFrom(now, counted) : null,
    });
    if (!closed) throw new DomainError('CONFLICT', 'Someone else decided this payment a moment ago.');
    const linesPaid = state === 'approved' ? await payCoveredLines(w, invoice, now) : [];
    const institution = (await findInstitution(w.tx, invoice.institutionId))!;
    const view = await invoiceDetails(w.tx, invoice, institution, false);
    await w.audit({
      action: `invoice.payment_${state}`,
      subjectType: 'invoice',
      subjectId: invoice.id,
      before: { paymentState: 'pending', paidCents: before },
      after: {
        paymentId: payment.id,
        paymentState: state,
        amountCents: payment.amountCents,
        paidCents: view.paidCents,
        creditCents: view.creditCents,
        linesPaid,
        ...(note ? { note } : {}),
      },
    });
    if (state === 'approved') await mailContacts(w, ctx.config.baseUrl, view, payment.amountCents);
    if (decision !== 'withdraw') {
      const recorder = await findUserById(w.tx, payment.recordedBy);
      if (recorder)
        await w.mail(
          institutionMails.paymentDecided({
            to: recorder.email,
            name: recorder.displayName,
            outcome: state === 'approved' ? 'approved' : 'declined',
            deciderName: staff.displayName,
            what: `${methodWords[payment.method]} of ${formatMoney(money(payment.amountCents, invoice.currency))} (reference ${payment.reference})`,
            number: invoice.number,
            note,
            link: `${ctx.config.baseUrl}/staff/invoices/${invoice.id}`,
          }),
        );
    }
    return view;
  });
}

/** A different staff member approves: the payment counts now and covers applicants in line order. */
export function approveInvoicePayment(ctx: Ctx, invoiceId: string, paymentId: string): Promise<InvoiceView> {
  return decide(ctx, invoiceId, paymentId, 'approve', null);
}

/** A different staff member declines, saying why; the payment never counts. */
export function declineInvoicePayment(
  ctx: Ctx,
  invoiceId: string,
  paymentId: string,
  note: unknown,
): Promise<InvoiceView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const parsed = declinePaymentNoteSchema.safeParse(note ?? '');
  if (!parsed.success)
    throw validationFailed({ note: parsed.error.issues[0]?.message ?? 'Say why you decline the payment' });
  return decide(ctx, invoiceId, paymentId, 'decline', parsed.data);
}

/** The staff member who recorded it takes it back before anyone decides (a typo, a bounced check). */
export function withdrawInvoicePayment(ctx: Ctx, invoiceId: string, paymentId: string): Promise<InvoiceView> {
  return decide(ctx, invoiceId, paymentId, 'withdraw', null);
}

export const PENDING_INVOICE_PAYMENTS_LIMIT = 200;

export interface PendingInvoicePayment {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  institutionName: string;
  method: InvoicePaymentRow['method'];
  amountCents: number;
  amount: string;
  reference: string;
  receivedOn: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** Staff: every invoice payment waiting for a second staff member, oldest first. */
export async function listPendingInvoicePaymentsForStaff(ctx: Ctx): Promise<PendingInvoicePayment[]> {
  requireRole(ctx.actor, 'staff', 'admin');
  const rows = await listPendingInvoicePayments(ctx.db, PENDING_INVOICE_PAYMENTS_LIMIT);
  return rows.map((r) => ({
    id: r.payment.id,
    invoiceId: r.payment.invoiceId,
    invoiceNumber: r.invoiceNumber,
    institutionName: r.institutionName,
    method: r.payment.method,
    amountCents: r.payment.amountCents,
    amount: formatMoney(money(r.payment.amountCents, r.currency)),
    reference: r.payment.reference,
    receivedOn: r.payment.receivedOn,
    recordedBy: r.payment.recordedBy,
    recordedByName: r.recordedByName,
    recordedAt: r.payment.createdAt.toISOString(),
  }));
}
