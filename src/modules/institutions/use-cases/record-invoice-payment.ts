import { compareDates } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { invoiceNotFound } from '../access.js';
import { payCoveredLines } from '../applicant-coverage.js';
import { invoicePaymentSchema } from '../forms.js';
import {
  findInvoicePayment,
  insertInvoicePayment,
  listPayments,
  lockInvoice,
} from '../invoices-repository.js';
import { institutionMails } from '../mails.js';
import { findInstitution, listContacts } from '../repository.js';
import { isUniqueViolation } from '../rules/unique-violation.js';
import { type InvoiceView, invoiceDetails } from './view-invoice.js';

const duplicate = () =>
  new DomainError('CONFLICT', 'This payment is already recorded.', {
    reference: 'A payment with this method and reference is already recorded on this invoice',
  });

/**
 * Staff record money received against an invoice (check or bank transfer, full or partial). The
 * money covers the applicants in line order; each newly covered applicant with a submitted
 * application gets a ledger payment on their fee and moves on to review, in this same transaction.
 * More than the invoice is recorded too and shown as the institution's credit.
 */
export async function recordInvoicePayment(ctx: Ctx, invoiceId: string, raw: unknown): Promise<InvoiceView> {
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
      const before = (await listPayments(w.tx, invoice.id)).reduce((sum, p) => sum + p.amountCents, 0);
      const now = ctx.clock.now();
      const paymentId = uuidv7(now.getTime());
      await insertInvoicePayment(w.tx, {
        id: paymentId,
        invoiceId: invoice.id,
        method: input.method,
        amountCents: input.amountCents,
        reference: input.reference,
        receivedOn: input.receivedOn,
        recordedBy: staff.userId,
        createdAt: now,
      });
      const paidLines = await payCoveredLines(w, invoice, now);
      const institution = (await findInstitution(w.tx, invoice.institutionId))!;
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
      const fmt = (cents: number) => formatMoney(money(cents, invoice.currency));
      for (const contact of await listContacts(w.tx, institution.id)) {
        await w.mail(
          institutionMails.paymentRecorded({
            to: contact.email,
            name: contact.name,
            number: invoice.number,
            amount: fmt(input.amountCents),
            due: fmt(view.dueCents),
            credit: view.creditCents > 0 ? fmt(view.creditCents) : null,
            link: `${ctx.config.baseUrl}/institution/invoices/${invoice.id}`,
          }),
        );
      }
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'invoice_payments_reference_uq')) throw duplicate();
    throw err;
  }
}
