import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireRole } from '../../accounts/access.js';
import { listPendingInvoicePaymentsForStaff } from '../../institutions/use-cases/decide-invoice-payment.js';
import { PendingInvoicePayments } from '../../institutions/views/pending-payments.js';
import { ledgerMethods } from '../schema.js';
import { refundMethods } from './forms.js';
import { adjustmentKinds, adjustmentStates } from './schema.js';
import { approveAdjustment, declineAdjustment, withdrawAdjustment } from './use-cases/decide-adjustment.js';
import {
  listPendingAdjustmentRequests,
  listRefundsOwed,
  viewFeeAdjustments,
} from './use-cases/list-adjustments.js';
import { requestAdjustment } from './use-cases/request-adjustment.js';
import type { AdjustmentView } from './view.js';
import { ADJUSTMENTS_PATH, AdjustmentsPage, feePath } from './views/adjustments-page.js';
import { FeePage } from './views/fee-page.js';

const hide = { hide: true };
const tags = ['payments'];
const idParams = z.object({ id: z.string().max(64) });
const SHOWN_ON_PAGE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT', 'FORBIDDEN']);

interface Shown {
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  status?: number;
  failedId?: string;
}

async function renderList(req: FastifyRequest, reply: FastifyReply, s: Shown = {}) {
  const ctx = ctxFrom(req);
  const viewerId = requireRole(ctx.actor, 'staff', 'admin').userId;
  const pending = await listPendingAdjustmentRequests(ctx);
  const owed = await listRefundsOwed(ctx);
  const invoicePayments = await listPendingInvoicePaymentsForStaff(ctx);
  return sendPage(
    req,
    reply,
    { title: `${s.status ? 'Error: ' : ''}Payment approvals and refunds`, status: s.status ?? 200 },
    <AdjustmentsPage
      pending={pending}
      owed={owed}
      viewerId={viewerId}
      csrfToken={req.csrfToken()}
      errors={s.errors}
      values={s.values}
      formError={s.formError}
      failedId={s.failedId}
    >
      <PendingInvoicePayments payments={invoicePayments} viewerId={viewerId} />
    </AdjustmentsPage>,
  );
}

async function renderFee(req: FastifyRequest, reply: FastifyReply, feeId: string, s: Shown = {}) {
  const ctx = ctxFrom(req);
  const viewerId = requireRole(ctx.actor, 'staff', 'admin').userId;
  const view = await viewFeeAdjustments(ctx, feeId);
  return sendPage(
    req,
    reply,
    { title: `${s.status ? 'Error: ' : ''}Fee and adjustments`, status: s.status ?? 200 },
    <FeePage
      view={view}
      viewerId={viewerId}
      csrfToken={req.csrfToken()}
      errors={s.errors}
      values={s.values}
      formError={s.formError}
    />,
  );
}

function shown(err: unknown, values: Record<string, string>): Shown {
  if (!(err instanceof DomainError) || !SHOWN_ON_PAGE.has(err.code)) throw err;
  return {
    values,
    errors: err.fields,
    formError: err.fields ? undefined : err.message,
    status: errorStatus[err.code],
  };
}

function registerPages(app: App): void {
  app.get(ADJUSTMENTS_PATH, { schema: hide }, (req, reply) => renderList(req, reply));
  app.get('/staff/payments/fees/:id', { schema: { ...hide, params: idParams } }, (req, reply) =>
    renderFee(req, reply, req.params.id),
  );
  app.post(
    '/staff/payments/fees/:id/adjustments',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const body = formValues(req.body);
      try {
        await requestAdjustment(ctxFrom(req), { ...body, feeId: req.params.id });
      } catch (err) {
        return renderFee(req, reply, req.params.id, shown(err, body));
      }
      reply.flash('Request made. It reaches the ledger when another staff member approves it.');
      return reply.redirect(feePath(req.params.id), 303);
    },
  );

  const decide = (
    verb: string,
    run: (req: FastifyRequest, id: string, body: Record<string, string>) => Promise<AdjustmentView>,
    done: (v: AdjustmentView) => string,
  ) =>
    app.post(
      `${ADJUSTMENTS_PATH}/:id/${verb}`,
      { schema: { ...hide, params: idParams } },
      async (req, reply) => {
        const body = formValues(req.body);
        let v: AdjustmentView;
        try {
          v = await run(req, req.params.id, body);
        } catch (err) {
          return renderList(req, reply, { ...shown(err, body), failedId: req.params.id });
        }
        reply.flash(done(v));
        return reply.redirect(ADJUSTMENTS_PATH, 303);
      },
    );
  decide(
    'approve',
    (req, id) => approveAdjustment(ctxFrom(req), id),
    (v) => `Approved: the ${v.kindLabel.toLowerCase()} of ${v.amount} is in the ledger.`,
  );
  decide(
    'decline',
    (req, id, b) => declineAdjustment(ctxFrom(req), id, b.note),
    () => 'Declined. Nothing reached the ledger, and the staff member who asked was told by email.',
  );
  decide(
    'withdraw',
    (req, id) => withdrawAdjustment(ctxFrom(req), id),
    () => 'Request withdrawn. Nothing changed.',
  );
}

const adjustmentOut = z.object({
  id: z.string(),
  feeId: z.string(),
  kind: z.enum(adjustmentKinds),
  state: z.enum(adjustmentStates),
  amountCents: z.int(),
  currency: z.string(),
  method: z.enum(ledgerMethods),
  reference: z.string().nullable(),
  reason: z.string(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  ledgerEntryId: z.string().nullable().describe('The ledger entry written on approval'),
});

const out = (v: AdjustmentView): z.infer<typeof adjustmentOut> => ({
  id: v.id,
  feeId: v.feeId,
  kind: v.kind,
  state: v.state,
  amountCents: v.amountCents,
  currency: v.currency,
  method: v.method,
  reference: v.reference,
  reason: v.reason,
  applicationId: v.applicationId,
  applicationNumber: v.applicationNumber,
  requestedBy: v.requestedBy,
  requestedAt: v.requestedAt,
  decidedBy: v.decidedBy,
  decidedAt: v.decidedAt,
  decisionNote: v.decisionNote,
  ledgerEntryId: v.ledgerEntryId,
});

const requestBody = z.object({
  kind: z.enum(['refund', 'waiver', 'award']),
  amount: z
    .union([z.string(), z.number()])
    .optional()
    .describe('Dollars, like "350.00" (refund or waiver; an award has its own amount)'),
  method: z.enum(refundMethods).optional().describe('Refunds only: how the money goes back'),
  reference: z.string().max(60).optional(),
  award: z.string().max(60).optional().describe('Awards only: the award id, e.g. enrollment-half-fee'),
  reason: z.string().max(2000),
});

function registerApi(app: App): void {
  app.get(
    '/api/v1/staff/payments/adjustments',
    {
      schema: {
        tags,
        summary: 'Refunds, waivers, awards and large checks waiting for a second staff member',
        response: { 200: z.object({ items: z.array(adjustmentOut) }) },
      },
    },
    async (req) => ({ items: (await listPendingAdjustmentRequests(ctxFrom(req))).map(out) }),
  );
  app.get(
    '/api/v1/staff/payments/refunds-owed',
    {
      schema: {
        tags,
        summary: 'Fees where the program owes money back',
        response: {
          200: z.object({
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
    async (req) => ({
      items: (await listRefundsOwed(ctxFrom(req))).map((o) => ({
        feeId: o.feeId,
        applicationId: o.applicationId,
        applicationNumber: o.applicationNumber,
        payerName: o.payerName,
        why: o.why,
        owedCents: o.owedCents,
        currency: o.currency,
      })),
    }),
  );
  app.post(
    '/api/v1/staff/fees/:id/adjustments',
    {
      schema: {
        tags,
        summary: 'Ask for a refund, waiver or award on a fee (a second staff member approves)',
        params: idParams,
        body: requestBody,
        response: { 201: adjustmentOut },
      },
    },
    async (req, reply) => {
      const v = await requestAdjustment(ctxFrom(req), { ...req.body, feeId: req.params.id });
      return reply.code(201).send(out(v));
    },
  );
  const decision = (verb: 'approve' | 'decline' | 'withdraw', summary: string) =>
    app.post(
      `/api/v1/staff/payments/adjustments/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          ...(verb === 'decline' ? { body: z.object({ note: z.string().max(2000) }) } : {}),
          response: { 200: adjustmentOut },
        },
      },
      async (req) => {
        const ctx = ctxFrom(req);
        const id = req.params.id;
        if (verb === 'approve') return out(await approveAdjustment(ctx, id));
        if (verb === 'withdraw') return out(await withdrawAdjustment(ctx, id));
        return out(await declineAdjustment(ctx, id, (req.body as { note?: string } | undefined)?.note));
      },
    );
  decision('approve', 'Approve a request made by another staff member: the ledger entry is written now');
  decision('decline', 'Decline a request made by another staff member, saying why');
  decision('withdraw', 'Withdraw your own request before anyone decides it');
}

/** Staff pages and API for refunds, waivers, awards and large checks with a second person's approval. */
export function registerAdjustmentRoutes(app: App): void {
  registerPages(app);
  registerApi(app);
}
