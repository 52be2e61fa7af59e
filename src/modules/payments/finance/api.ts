import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { listRefundsOwed } from '../adjustments/use-cases/list-adjustments.js';
import { rangeQuerySchema } from './range.js';
import { ageBuckets } from './repository.js';
import { outstandingQuerySchema, viewOutstandingInvoices } from './use-cases/view-outstanding-invoices.js';
import { viewPaymentsByDay } from './use-cases/view-payments-by-day.js';
import { viewReconciliation } from './use-cases/view-reconciliation.js';

const tags = ['finance'];

const figures = z.object({
  paymentCount: z.int(),
  paymentCents: z.int(),
  refundCount: z.int(),
  refundCents: z.int(),
  netCents: z.int().describe('Payments less refunds'),
});

export function registerFinanceApi(app: App): void {
  app.get(
    '/api/v1/staff/finance/payments',
    {
      schema: {
        tags,
        summary: 'Payments and refunds per day (UTC) and method over a period (default: the last 30 days)',
        querystring: rangeQuerySchema,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            rows: z.array(figures.extend({ day: z.string(), method: z.string() })),
            byMethod: z.array(figures.extend({ method: z.string() })),
            total: figures,
          }),
        },
      },
    },
    async (req) => {
      const v = await viewPaymentsByDay(ctxFrom(req), req.query);
      const strip = ({ day: _d, method: _m, ...f }: (typeof v.rows)[number]) => f;
      return {
        from: v.range.from,
        to: v.range.to,
        rows: v.rows,
        byMethod: v.byMethod.map((r) => ({ method: r.method, ...strip(r) })),
        total: strip(v.total),
      };
    },
  );

  app.get(
    '/api/v1/staff/finance/outstanding-invoices',
    {
      schema: {
        tags,
        summary: 'Institution invoices not fully paid, by age, oldest due date first (50 a page)',
        querystring: outstandingQuerySchema,
        response: {
          200: z.object({
            today: z.string(),
            total: z.int(),
            page: z.int(),
            pageSize: z.int(),
            buckets: z.array(z.object({ bucket: z.enum(ageBuckets), count: z.int(), dueCents: z.int() })),
            items: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                institutionId: z.string(),
                institutionName: z.string(),
                totalCents: z.int(),
                paidCents: z.int(),
                dueCents: z.int(),
                currency: z.string(),
                issuedOn: z.string(),
                dueOn: z.string(),
                daysPastDue: z.int().describe('0 or less: not yet due'),
                bucket: z.enum(ageBuckets),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const { invoices, ...v } = await viewOutstandingInvoices(ctxFrom(req), req.query);
      return { ...v, items: invoices };
    },
  );

  app.get(
    '/api/v1/staff/finance/refunds-owed',
    {
      schema: {
        tags,
        summary: 'Fees where the program owes money back (the same list as the refunds page)',
        response: {
          200: z.object({
            totalCents: z.int(),
            items: z.array(
              z.object({
                feeId: z.string(),
                applicationId: z.string().nullable(),
                applicationNumber: z.string().nullable(),
                payerName: z.string(),
                why: z.enum(['rejected', 'overpaid']),
                owedCents: z.int(),
                currency: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const owed = await listRefundsOwed(ctxFrom(req));
      return {
        totalCents: owed.reduce((n, o) => n + o.owedCents, 0),
        items: owed.map((o) => ({
          feeId: o.feeId,
          applicationId: o.applicationId,
          applicationNumber: o.applicationNumber,
          payerName: o.payerName,
          why: o.why,
          owedCents: o.owedCents,
          currency: o.currency,
        })),
      };
    },
  );

  app.get(
    '/api/v1/staff/finance/reconciliation',
    {
      schema: {
        tags,
        summary:
          'The ledger checked against itself, card checkouts and invoice payments (empty lists: all agree)',
        response: {
          200: z.object({
            clean: z.boolean(),
            totals: z.array(z.object({ kind: z.string(), count: z.int(), totalCents: z.int() })),
            overRefunded: z.array(
              z.object({
                feeId: z.string(),
                payerName: z.string(),
                paidCents: z.int(),
                refundedCents: z.int(),
              }),
            ),
            cardPaymentsWithoutCheckout: z.array(
              z.object({
                ledgerEntryId: z.string(),
                feeId: z.string(),
                amountCents: z.int(),
                reference: z.string().nullable(),
                at: z.string(),
              }),
            ),
            checkoutsWithoutPayment: z.array(
              z.object({
                checkoutId: z.string(),
                feeId: z.string(),
                amountCents: z.int(),
                provider: z.string(),
                completedAt: z.string().nullable(),
              }),
            ),
            misallocatedInvoices: z.array(
              z.object({
                invoiceId: z.string(),
                number: z.string(),
                totalCents: z.int(),
                paidCents: z.int(),
                creditCents: z.int(),
                allocatedCents: z.int(),
                wrongKind: z.int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewReconciliation(ctxFrom(req));
      return {
        ...v,
        cardPaymentsWithoutCheckout: v.cardPaymentsWithoutCheckout.map((p) => ({
          ...p,
          at: p.at.toISOString(),
        })),
        checkoutsWithoutPayment: v.checkoutsWithoutPayment.map((c) => ({
          ...c,
          completedAt: c.completedAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
