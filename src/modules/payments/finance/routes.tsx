import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireRole } from '../../accounts/access.js';
import { listRefundsOwed } from '../adjustments/use-cases/list-adjustments.js';
import { registerFinanceApi } from './api.js';
import { outstandingCsv, paymentsCsv, reconciliationCsv, refundsOwedCsv } from './csv-reports.js';
import {
  FINANCE_PATH,
  OUTSTANDING_PATH,
  PAYMENTS_PATH,
  RECONCILIATION_PATH,
  REFUNDS_OWED_PATH,
} from './labels.js';
import { viewOutstandingInvoices } from './use-cases/view-outstanding-invoices.js';
import { viewPaymentsByDay } from './use-cases/view-payments-by-day.js';
import { viewReconciliation } from './use-cases/view-reconciliation.js';
import { FinanceHomePage } from './views/finance-home.js';
import { OutstandingPage } from './views/outstanding-page.js';
import { PaymentsPage } from './views/payments-page.js';
import { ReconciliationPage } from './views/reconciliation-page.js';
import { RefundsOwedPage } from './views/refunds-owed-page.js';

const hide = { hide: true };

const textOf = (query: unknown) => {
  const raw = (query ?? {}) as Record<string, unknown>;
  return (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
};

const wantsCsv = (req: FastifyRequest) => textOf(req.query)('format') === 'csv';

/** A report as a download: CSV, never shown in the browser, named for the report and day. */
export function sendCsv(reply: FastifyReply, name: string, today: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${today}.csv"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function registerPages(app: App): void {
  app.get(FINANCE_PATH, { schema: hide }, async (req, reply) => {
    requireRole(ctxFrom(req).actor, 'staff', 'admin');
    return sendPage(req, reply, { title: 'Finance' }, <FinanceHomePage />);
  });

  const payments = async (req: FastifyRequest, reply: FastifyReply, csv: boolean) => {
    const ctx = ctxFrom(req);
    const text = textOf(req.query);
    const values = { from: text('from'), to: text('to') };
    try {
      const v = await viewPaymentsByDay(ctx, values);
      if (csv) return sendCsv(reply, 'payments-by-day', ctx.clock.today(), paymentsCsv(v));
      return sendPage(
        req,
        reply,
        { title: 'Payments by day and method' },
        <PaymentsPage v={v} values={values} />,
      );
    } catch (err) {
      if (csv || !(err instanceof DomainError) || err.code !== 'VALIDATION_FAILED') throw err;
      return sendPage(
        req,
        reply,
        { title: 'Error: Payments by day and method', status: 400 },
        <PaymentsPage v={null} values={values} errors={err.fields} />,
      );
    }
  };
  app.get(PAYMENTS_PATH, { schema: hide }, (req, reply) => payments(req, reply, wantsCsv(req)));
  app.get(`${PAYMENTS_PATH}.csv`, { schema: hide }, (req, reply) => payments(req, reply, true));

  const outstanding = async (req: FastifyRequest, reply: FastifyReply, csv: boolean) => {
    const ctx = ctxFrom(req);
    const v = await viewOutstandingInvoices(ctx, { page: textOf(req.query)('page') }, { all: csv });
    if (csv) return sendCsv(reply, 'outstanding-invoices', v.today, outstandingCsv(v));
    return sendPage(req, reply, { title: 'Outstanding invoices by age' }, <OutstandingPage v={v} />);
  };
  app.get(OUTSTANDING_PATH, { schema: hide }, (req, reply) => outstanding(req, reply, wantsCsv(req)));
  app.get(`${OUTSTANDING_PATH}.csv`, { schema: hide }, (req, reply) => outstanding(req, reply, true));

  const refunds = async (req: FastifyRequest, reply: FastifyReply, csv: boolean) => {
    const ctx = ctxFrom(req);
    const owed = await listRefundsOwed(ctx);
    if (csv) return sendCsv(reply, 'refunds-owed', ctx.clock.today(), refundsOwedCsv(owed));
    return sendPage(req, reply, { title: 'Refunds owed' }, <RefundsOwedPage owed={owed} />);
  };
  app.get(REFUNDS_OWED_PATH, { schema: hide }, (req, reply) => refunds(req, reply, wantsCsv(req)));
  app.get(`${REFUNDS_OWED_PATH}.csv`, { schema: hide }, (req, reply) => refunds(req, reply, true));

  const reconciliation = async (req: FastifyRequest, reply: FastifyReply, csv: boolean) => {
    const ctx = ctxFrom(req);
    const v = await viewReconciliation(ctx);
    if (csv) return sendCsv(reply, 'reconciliation', ctx.clock.today(), reconciliationCsv(v));
    return sendPage(req, reply, { title: 'Reconciliation' }, <ReconciliationPage v={v} />);
  };
  app.get(RECONCILIATION_PATH, { schema: hide }, (req, reply) => reconciliation(req, reply, wantsCsv(req)));
  app.get(`${RECONCILIATION_PATH}.csv`, { schema: hide }, (req, reply) => reconciliation(req, reply, true));
}

/** Staff finance reports: pages, their CSV downloads, and the same figures as JSON. */
export function registerFinanceRoutes(app: App): void {
  registerPages(app);
  registerFinanceApi(app);
}
