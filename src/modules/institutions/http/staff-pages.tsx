import { z } from 'zod';
import { formatMoney, money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, errorStatus } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireRole } from '../../accounts/access.js';
import { CHECK_APPROVAL_THRESHOLD_CENTS } from '../../payments/adjustments/policy.js';
import {
  approveInvoicePayment,
  declineInvoicePayment,
  withdrawInvoicePayment,
} from '../use-cases/decide-invoice-payment.js';
import { recordInvoicePayment } from '../use-cases/record-invoice-payment.js';
import {
  findInvoiceForStaff,
  listInstitutionsForStaff,
  viewInstitution,
} from '../use-cases/view-institution.js';
import { viewInvoice } from '../use-cases/view-invoice.js';
import { InstitutionPage } from '../views/institution-views.js';
import { InvoicePage } from '../views/invoice-views.js';
import { StaffInstitutionsPage } from '../views/staff-views.js';
import { paymentParams, sendInvoicePdf, sendInvoiceReceipt } from './pages.js';

const idParams = z.object({ id: z.string().max(64) });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  invoice: z.string().max(40).optional(),
});
const hide = { hide: true } as const;

/** Program staff: every institution, an institution's invoices, an invoice with the payment form. */
export function registerStaffInstitutionPages(app: App) {
  app.get('/staff/institutions', { schema: { ...hide, querystring: pageQuery } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const result = await listInstitutionsForStaff(ctx, req.query.page);
    const typed = req.query.invoice?.trim();
    if (typed) {
      const id = await findInvoiceForStaff(ctx, typed);
      if (id) return reply.redirect(`/staff/invoices/${id}`, 303);
      const invoice = { typed, error: `No invoice has the number ${typed}; check what you typed` };
      return sendPage(
        req,
        reply,
        { title: 'Institutions', status: 404 },
        <StaffInstitutionsPage {...result} invoice={invoice} />,
      );
    }
    return sendPage(req, reply, { title: 'Institutions' }, <StaffInstitutionsPage {...result} />);
  });
  app.get('/staff/institutions/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    requireRole(ctx.actor, 'staff', 'admin');
    const view = await viewInstitution(ctx, req.params.id);
    return sendPage(
      req,
      reply,
      { title: view.institution.name },
      <InstitutionPage view={{ ...view, contact: false }} csrfToken={req.csrfToken()} staff />,
    );
  });
  app.get('/staff/invoices/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    requireRole(ctx.actor, 'staff', 'admin');
    const view = await viewInvoice(ctx, req.params.id);
    return sendPage(
      req,
      reply,
      { title: `Invoice ${view.invoice.number}` },
      <InvoicePage
        view={view}
        staff
        viewerId={ctx.actor.kind === 'user' ? ctx.actor.userId : ''}
        csrfToken={req.csrfToken()}
      />,
    );
  });
  app.get('/staff/invoices/:id/pdf', { schema: { ...hide, params: idParams } }, (req, reply) => {
    requireRole(req.actor, 'staff', 'admin');
    return sendInvoicePdf(req, reply, req.params.id);
  });
  app.get(
    '/staff/invoices/:id/payments/:paymentId/receipt.pdf',
    { schema: { ...hide, params: paymentParams } },
    (req, reply) => {
      requireRole(req.actor, 'staff', 'admin');
      return sendInvoiceReceipt(req, reply, req.params.id, req.params.paymentId);
    },
  );
  app.post('/staff/invoices/:id/payments', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const { view, pending } = await recordInvoicePayment(ctx, req.params.id, {
        ...body,
        amountCents: body.amount,
      });
      const covered = view.lines.filter((l) => l.covered).length;
      const threshold = formatMoney(money(CHECK_APPROVAL_THRESHOLD_CENTS, view.invoice.currency));
      reply.flash(
        pending
          ? `Payment recorded, waiting for approval: it is over ${threshold}, so a different staff member must approve it before it counts.`
          : `Payment recorded. ${covered} of ${view.lines.length} applicants are covered.`,
      );
      return reply.redirect(`/staff/invoices/${req.params.id}`, 303);
    } catch (err) {
      if (
        !(err instanceof DomainError) ||
        !err.fields ||
        (err.code !== 'VALIDATION_FAILED' && err.code !== 'CONFLICT')
      )
        throw err;
      const { amountCents, ...rest } = err.fields;
      const errors = amountCents ? { ...rest, amount: amountCents } : rest;
      const view = await viewInvoice(ctx, req.params.id);
      return sendPage(
        req,
        reply,
        { title: `Invoice ${view.invoice.number}`, status: err.code === 'CONFLICT' ? 409 : 400 },
        <InvoicePage
          view={view}
          staff
          viewerId={ctx.actor.kind === 'user' ? ctx.actor.userId : ''}
          csrfToken={req.csrfToken()}
          values={formValues(body)}
          errors={errors}
        />,
      );
    }
  });

  const decisions = {
    approve: (ctx: Ctx, id: string, paymentId: string) => approveInvoicePayment(ctx, id, paymentId),
    decline: (ctx: Ctx, id: string, paymentId: string, body: Record<string, unknown>) =>
      declineInvoicePayment(ctx, id, paymentId, body.note),
    withdraw: (ctx: Ctx, id: string, paymentId: string) => withdrawInvoicePayment(ctx, id, paymentId),
  } as const;
  const done = {
    approve: 'Payment approved: it now counts.',
    decline: 'Payment declined.',
    withdraw: 'Payment withdrawn.',
  };
  for (const decision of ['approve', 'decline', 'withdraw'] as const) {
    app.post(
      `/staff/invoices/:id/payments/:paymentId/${decision}`,
      { schema: { ...hide, params: paymentParams } },
      async (req, reply) => {
        const ctx = ctxFrom(req);
        requireRole(ctx.actor, 'staff', 'admin');
        const body = (req.body ?? {}) as Record<string, unknown>;
        try {
          await decisions[decision](ctx, req.params.id, req.params.paymentId, body);
          reply.flash(done[decision]);
          return reply.redirect(`/staff/invoices/${req.params.id}`, 303);
        } catch (err) {
          if (!(err instanceof DomainError) || !DECISION_ERRORS.has(err.code)) throw err;
          const view = await viewInvoice(ctx, req.params.id);
          return sendPage(
            req,
            reply,
            { title: `Error: Invoice ${view.invoice.number}`, status: errorStatus[err.code] },
            <InvoicePage
              view={view}
              staff
              viewerId={ctx.actor.kind === 'user' ? ctx.actor.userId : ''}
              csrfToken={req.csrfToken()}
              decision={{
                paymentId: req.params.paymentId,
                errors: err.fields,
                message: err.fields ? undefined : err.message,
                values: formValues(body),
              }}
            />,
          );
        }
      },
    );
  }
}

const DECISION_ERRORS = new Set(['VALIDATION_FAILED', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);
