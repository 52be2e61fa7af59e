import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { invoiceForViewer } from '../access.js';
import {
  findPurchaseOrder,
  type InvoicePaymentRow,
  type InvoiceRow,
  listLines,
  listPayments,
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
}

export interface InvoiceView {
  invoice: InvoiceRow;
  institution: InstitutionRow;
  poNumber: string;
  poAmountCents: number;
  lines: InvoiceLineView[];
  payments: InvoicePaymentRow[];
  paidCents: number;
  dueCents: number;
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
  return {
    invoice,
    institution,
    poNumber: po.poNumber,
    poAmountCents: po.amountCents,
    lines: rows.map(({ line, applicationNumber, applicationStatus }) => ({
      id: line.id,
      position: line.position,
      name: line.name,
      email: line.email,
      amountCents: line.amountCents,
      member: line.member,
      memberUnknown: line.memberUnknown,
      applicationNumber,
      applicationStatus,
      covered: coverage.covered.has(line.position),
    })),
    payments,
    paidCents: paid,
    dueCents: coverage.dueCents,
    creditCents: coverage.creditCents,
    contact,
  };
}

/** An invoice with who is covered: its institution's contacts and program staff only. */
export async function viewInvoice(ctx: Ctx, invoiceId: string): Promise<InvoiceView> {
  const { invoice, institution, contact } = await invoiceForViewer(ctx.db, ctx.actor, invoiceId);
  return invoiceDetails(ctx.db, invoice, institution, contact);
}
