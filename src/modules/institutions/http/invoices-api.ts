import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { invoicePaymentMethods, invoicePaymentStates } from '../schema.js';
import {
  approveInvoicePayment,
  declineInvoicePayment,
  listPendingInvoicePaymentsForStaff,
  withdrawInvoicePayment,
} from '../use-cases/decide-invoice-payment.js';
import { recordInvoicePayment } from '../use-cases/record-invoice-payment.js';
import { type InvoiceView, viewInvoice } from '../use-cases/view-invoice.js';
import { paymentParams, sendInvoicePdf, sendInvoiceReceipt } from './pages.js';

const tags = ['institutions'];
const base = '/api/v1/institutions';
// Ids are checked by the use cases, so a malformed id is "not found" like any unknown one.
const idParams = z.object({ id: z.string().max(64) });

export const invoiceOut = z.object({
  id: z.string(),
  number: z.string(),
  institutionId: z.string(),
  poNumber: z.string(),
  poAmountCents: z.number().int(),
  currency: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  dueCents: z.number().int(),
  creditCents: z.number().int(),
  lines: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      email: z.string(),
      amountCents: z.number().int(),
      member: z.boolean(),
      memberUnknown: z.boolean().describe('Not applied yet, so the non-member fee was used'),
      applicationNumber: z.string().nullable(),
      covered: z.boolean().describe('The payments so far reach this line (lines are covered in order)'),
      unusedCents: z
        .number()
        .int()
        .describe(
          "Covered money the applicant's fee did not need (a member's lower fee): part of the credit",
        ),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      method: z.enum(invoicePaymentMethods),
      amountCents: z.number().int(),
      reference: z.string(),
      receivedOn: z.string(),
      receiptUrl: z.string().describe('The receipt for this payment (PDF)'),
    }),
  ),
  uncountedPayments: z
    .array(
      z.object({
        id: z.string(),
        state: z.enum(invoicePaymentStates),
        method: z.enum(invoicePaymentMethods),
        amountCents: z.number().int(),
        reference: z.string(),
        receivedOn: z.string(),
        recordedBy: z.string(),
        decisionNote: z.string().nullable(),
      }),
    )
    .describe(
      'Staff only (empty for contacts): payments over the approval limit waiting for a second staff member (pending), and those declined or withdrawn. None of them counts.',
    ),
  pdfUrl: z.string(),
});

export const invoiceOf = (v: InvoiceView) => ({
  id: v.invoice.id,
  number: v.invoice.number,
  institutionId: v.institution.id,
  poNumber: v.poNumber,
  poAmountCents: v.poAmountCents,
  currency: v.invoice.currency,
  issuedOn: v.invoice.issuedOn,
  dueOn: v.invoice.dueOn,
  totalCents: v.invoice.totalCents,
  paidCents: v.paidCents,
  dueCents: v.dueCents,
  creditCents: v.creditCents,
  lines: v.lines.map((l) => ({
    position: l.position,
    name: l.name,
    email: l.email,
    amountCents: l.amountCents,
    member: l.member,
    memberUnknown: l.memberUnknown,
    applicationNumber: l.applicationNumber,
    covered: l.covered,
    unusedCents: l.unusedCents,
  })),
  payments: v.payments.map((p) => ({
    id: p.id,
    method: p.method,
    amountCents: p.amountCents,
    reference: p.reference,
    receivedOn: p.receivedOn,
    receiptUrl: `${base}/invoices/${v.invoice.id}/payments/${p.id}/receipt.pdf`,
  })),
  uncountedPayments: v.uncounted.map(({ payment: p }) => ({
    id: p.id,
    state: p.state,
    method: p.method,
    amountCents: p.amountCents,
    reference: p.reference,
    receivedOn: p.receivedOn,
    recordedBy: p.recordedBy,
    decisionNote: p.decisionNote,
  })),
  pdfUrl: `${base}/invoices/${v.invoice.id}/pdf`,
});

// Documents the body; the use case validates it with the same rules as the form.
const paymentBody = z.object({
  method: z.enum(invoicePaymentMethods),
  amountCents: z.number().int(),
  reference: z.string(),
  receivedOn: z.string().describe('YYYY-MM-DD'),
});

/** Invoices as JSON: contacts and staff read them; staff record payments and decide pending ones. */
export function registerInvoicesApi(app: App) {
  app.get(
    `${base}/invoices/:id`,
    {
      schema: {
        tags,
        summary: 'An invoice: lines, who is covered, payments',
        params: idParams,
        response: { 200: invoiceOut },
      },
    },
    async (req) => invoiceOf(await viewInvoice(ctxFrom(req), req.params.id)),
  );
  app.get(
    `${base}/invoices/:id/pdf`,
    {
      schema: {
        tags,
        summary: 'The invoice as a PDF',
        params: idParams,
        response: { 200: z.string().meta({ format: 'binary' }).describe('The invoice (PDF)') },
      },
    },
    (req, reply) => sendInvoicePdf(req, reply, req.params.id),
  );
  app.get(
    `${base}/invoices/:id/payments/:paymentId/receipt.pdf`,
    {
      schema: {
        tags,
        summary: 'The receipt for one payment against an invoice, as a PDF',
        params: paymentParams,
        response: { 200: z.string().meta({ format: 'binary' }).describe('The receipt (PDF)') },
      },
    },
    (req, reply) => sendInvoiceReceipt(req, reply, req.params.id, req.params.paymentId),
  );
  app.post(
    `${base}/invoices/:id/payments`,
    {
      schema: {
        tags,
        summary: 'Record a payment against an invoice (staff)',
        description:
          'Check or bank transfer, full or partial; covers the applicants in line order. Overpayment is kept as credit. ' +
          'A payment over the approval limit ($500) is recorded as pending (paymentState "pending", listed in uncountedPayments) ' +
          'and counts only once a different staff member approves it.',
        params: idParams,
        body: paymentBody,
        response: {
          201: invoiceOut.extend({
            paymentId: z.string(),
            paymentState: z.enum(['approved', 'pending']),
          }),
        },
      },
    },
    async (req, reply) => {
      const { view, paymentId, pending } = await recordInvoicePayment(ctxFrom(req), req.params.id, req.body);
      return reply.code(201).send({
        ...invoiceOf(view),
        paymentId,
        paymentState: pending ? ('pending' as const) : ('approved' as const),
      });
    },
  );
  const decisions = [
    [
      'approve',
      'Approve a pending payment (a staff member other than the one who recorded it); it counts at once',
    ],
    ['decline', 'Decline a pending payment, saying why (a staff member other than the one who recorded it)'],
    ['withdraw', 'Withdraw a pending payment (only the staff member who recorded it)'],
  ] as const;
  for (const [decision, summary] of decisions) {
    app.post(
      `${base}/invoices/:id/payments/:paymentId/${decision}`,
      {
        schema: {
          tags,
          summary,
          params: paymentParams,
          ...(decision === 'decline' ? { body: z.object({ note: z.string() }) } : {}),
          response: { 200: invoiceOut },
        },
      },
      async (req) => {
        const ctx = ctxFrom(req);
        const { id, paymentId } = req.params;
        const view =
          decision === 'approve'
            ? await approveInvoicePayment(ctx, id, paymentId)
            : decision === 'decline'
              ? await declineInvoicePayment(
                  ctx,
                  id,
                  paymentId,
                  (req.body as { note?: unknown } | undefined)?.note,
                )
              : await withdrawInvoicePayment(ctx, id, paymentId);
        return invoiceOf(view);
      },
    );
  }
  app.get(
    `${base}/pending-invoice-payments`,
    {
      schema: {
        tags,
        summary: 'Invoice payments waiting for a second staff member, oldest first (staff)',
        response: {
          200: z.object({
            payments: z.array(
              z.object({
                id: z.string(),
                invoiceId: z.string(),
                invoiceNumber: z.string(),
                institutionName: z.string(),
                method: z.enum(invoicePaymentMethods),
                amountCents: z.number().int(),
                reference: z.string(),
                receivedOn: z.string(),
                recordedBy: z.string(),
                recordedByName: z.string(),
                recordedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const payments = await listPendingInvoicePaymentsForStaff(ctxFrom(req));
      return { payments: payments.map(({ amount: _amount, ...rest }) => rest) };
    },
  );
}
