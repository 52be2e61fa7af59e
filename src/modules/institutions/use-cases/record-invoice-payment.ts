import { compareDates } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { CHECK_APPROVAL_THRESHOLD_CENTS } from '../../payments/adjustments/policy.js';
import { invoiceNotFound } from '../access.js';
import { payCoveredLines } from '../applicant-coverage.js';
import { invoicePaymentSchema } from '../forms.js';
import {
  countsFrom,
  findInvoicePayment,
  insertInvoicePayment,
  listPayments,
  lockInvoice,
} from '../invoices-repository.js';
import { institutionMails } from '../mails.js';
import { findInstitution, listContacts } from '../repository.js';
import { isUniqueViolation } from '../rules/unique-violation.js';
import { type InvoiceView, invoiceDetails } from './view-invoice.js';

/** Tell the institution's contacts that a payment now counts, and what is still due. */
export async function mailContacts(w: Work, baseUrl: string, view: InvoiceView, amountCents: number) {
  const fmt = (cents: number) => formatMoney(money(cents, view.invoice.currency));
  for (const contact of await listContacts(w.tx, view.institution.id)) {
    await w.mail(
      institutionMails.paymentRecorded({
        to: contact.email,
        name: contact.name,
        number: view.invoice.number,
        amount: fmt(amountCents),
        due: fmt(view.dueCents),
        credit: view.creditCents > 0 ? fmt(view.creditCents) : null,
        link: `${baseUrl}/institution/invoices/${view.invoice.id}`,
      }),
    );
  }
}

const duplicate = () =>
  new DomainError('CONFLICT', 'This payment is already recorded.', {
    reference: 'A payment with this method and reference is already recorded on this invoice',
  });

export interface RecordedInvoicePayment {
  view: InvoiceView;
  paymentId: string;
  /** Over the approval threshold: it counts only once a different staff member approves it. */
  pending: boolean;
}

/**
 * Staff record money received against an invoice (check or bank transfer, full or partial). The
 * money covers the applicants in line order; each newly covered applicant with a submitted
 * application gets a ledger payment on their fee and moves on to review, in this same transaction.
 * More than the invoice is recorded too and shown as the institution's credit. A payment over the
 * approval threshold is kept as pending and counts only when a second staff member approves it
 * (decide-invoice-payment.ts).
 */
export async function recordInvoicePayment(
  ctx: Ctx,
  invoiceId: string,
  raw: unknown,
): Promise<RecordedInvoicePayment> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(invoiceId)) throw invoiceNotFound();
  const input = parseInput(invoicePaymentSchema, raw ?? {});
  if (compareDates(input.receivedOn, ctx.clock.today()) > 0) {
    throw validationFailed({ receivedOn: 'The date received cannot be in the future' });
  }
  try {
    return await transact(ctx, async (w) => {
      // The invoice lock takes payments on one invoice one at a time, so coverage is computed once per payment.
      const invoice = await lockInvoice(w.tx, invoiceId);
      if (!invoice) throw invoiceNotFound();
      if (await findInvoicePayment(w.tx, invoice.id, input.method, input.reference)) throw duplicate();
      const counted = await listPayments(w.tx, invoice.id);
      const before = counted.reduce((sum, p) => sum + p.amountCents, 0);
      const now = ctx.clock.now();
      const paymentId = uuidv7(now.getTime());
      const pending = input.amountCents > CHECK_APPROVAL_THRESHOLD_CENTS;
      await insertInvoicePayment(w.tx, {
        id: paymentId,
        invoiceId: invoice.id,
        method: input.method,
        amountCents: input.amountCents,
        reference: input.reference,
        receivedOn: input.receivedOn,
        recordedBy: staff.userId,
        createdAt: now,
        state: pending ? 'pending' : 'approved',
        approvedAt: pending ? null : countsFrom(now, counted),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      const institution = (await findInstitution(w.tx, invoice.institutionId))!;
      if (pending) {
        await w.audit({
          action: 'invoice.payment_pending',
          subjectType: 'invoice',
          subjectId: invoice.id,
          after: {
            paymentId,
            method: input.method,
            amountCents: input.amountCents,
            reference: input.reference,
            receivedOn: input.receivedOn,
            thresholdCents: CHECK_APPROVAL_THRESHOLD_CENTS,
          },
        });
        return { view: await invoiceDetails(w.tx, invoice, institution, false), paymentId, pending };
      }
      const paidLines = await payCoveredLines(w, invoice, now);
      const view = await invoiceDetails(w.tx, invoice, institution, false);
      await w.audit({
        action: 'invoice.payment_recorded',
        subjectType: 'invoice',
        subjectId: invoice.id,
        before: { paidCents: before },
        after: {
          paymentId,
          method: input.method,
          amountCents: input.amountCents,
          reference: input.reference,
          receivedOn: input.receivedOn,
          paidCents: view.paidCents,
          creditCents: view.creditCents,
          linesPaid: paidLines,
        },
      });
      await mailContacts(w, ctx.config.baseUrl, view, input.amountCents);
      return { view, paymentId, pending };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'invoice_payments_reference_uq')) throw duplicate();
    throw err;
  }
}
