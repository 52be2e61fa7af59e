import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { invoiceForViewer } from '../access.js';
import {
  findPurchaseOrder,
  type InvoicePaymentRow,
  type InvoiceRow,
  listLines,
  listPayments,
  listUncountedPayments,
  type UncountedPaymentRow,
} from '../invoices-repository.js';
import type { InstitutionRow } from '../repository.js';
import { invoiceCoverage } from '../rules/coverage.js';

export interface InvoiceLineView {
  id: string;
  position: number;
  name: string;
  email: string;
  amountCents: number;
  member: boolean;
  memberUnknown: boolean;
  applicationNumber: string | null;
  applicationStatus: string | null;
  /** The institution's payments reach this line (lines are covered in order). */
  covered: boolean;
  /**
   * Covered money the applicant's fee did not need (a member's lower fee, or a fee already reduced):
   * it is the institution's credit. Zero until the line's money reached the fee.
   */
  unusedCents: number;
}

export interface InvoiceView {
  invoice: InvoiceRow;
  institution: InstitutionRow;
  poNumber: string;
  poAmountCents: number;
  lines: InvoiceLineView[];
  /** Payments that count, in the order they began to count. */
  payments: InvoicePaymentRow[];
  /**
   * Staff only (empty for contacts): payments waiting for a second staff member, and those declined
   * or withdrawn, which never counted.
   */
  uncounted: UncountedPaymentRow[];
  paidCents: number;
  dueCents: number;
  /** Paid beyond the invoice, plus covered money that applicants' fees did not need. */
  creditCents: number;
  /** False for staff looking in. */
  contact: boolean;
}

export async function invoiceDetails(
  db: Queryable,
  invoice: InvoiceRow,
  institution: InstitutionRow,
  contact: boolean,
): Promise<InvoiceView> {
  const po = (await findPurchaseOrder(db, invoice.purchaseOrderId))!;
  const rows = await listLines(db, invoice.id);
  const payments = await listPayments(db, invoice.id);
  const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const coverage = invoiceCoverage(
    rows.map((r) => r.line),
    paid,
  );
  const unused = (r: (typeof rows)[number]) =>
    r.allocatedCents === null ? 0 : Math.max(0, r.line.amountCents - r.allocatedCents);
  const unusedTotal = rows.reduce((sum, r) => sum + unused(r), 0);
  return {
    invoice,
    institution,
    poNumber: po.poNumber,
    poAmountCents: po.amountCents,
    lines: rows.map((r) => ({
      id: r.line.id,
      position: r.line.position,
      name: r.line.name,
      email: r.line.email,
      amountCents: r.line.amountCents,
      member: r.line.member,
      memberUnknown: r.line.memberUnknown,
      applicationNumber: r.applicationNumber,
      applicationStatus: r.applicationStatus,
      covered: coverage.covered.has(r.line.position),
      unusedCents: unused(r),
    })),
    payments,
    uncounted: contact ? [] : await listUncountedPayments(db, invoice.id),
    paidCents: paid,
    dueCents: coverage.dueCents,
    creditCents: coverage.creditCents + unusedTotal,
    contact,
  };
}

/** An invoice with who is covered: its institution's contacts and program staff only. */
export async function viewInvoice(ctx: Ctx, invoiceId: string): Promise<InvoiceView> {
  const { invoice, institution, contact } = await invoiceForViewer(ctx.db, ctx.actor, invoiceId);
  return invoiceDetails(ctx.db, invoice, institution, contact);
}
