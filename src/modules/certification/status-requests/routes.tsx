import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, errorStatus } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireRole } from '../../accounts/access.js';
import { certificationStatuses } from '../schema.js';
import { renderStaffCertificationPage } from '../staff-routes.js';
import { actionDone } from './rules.js';
import { statusChangeActions, statusRequestStates } from './schema.js';
import {
  approveStatusRequest,
  type DecisionScope,
  declineStatusRequest,
  withdrawStatusRequest,
} from './use-cases/decide-status-request.js';
import {
  approvalsQuery,
  listPendingStatusRequests,
  type StatusRequestView,
} from './use-cases/list-status-requests.js';
import { requestStatusChange } from './use-cases/request-status-change.js';
import { APPROVALS_PATH, ApprovalsPage } from './views/approvals-page.js';
import type { StatusForm } from './views/status-section.js';

const hide = { hide: true };
const tags = ['certification'];
const idParams = z.object({ id: z.string().max(64) });
const pageParams = z.object({ id: z.string().max(64), requestId: z.string().max(64) });
// Errors a staff member can fix or should read on the certification page itself.
const SHOWN_ON_PAGE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT', 'FORBIDDEN']);

const person = z.object({ id: z.string(), name: z.string() });
const requestOut = z.object({
  id: z.string(),
  certificationId: z.string(),
  number: z.string().describe('The certificate number, like CLSS-2026-000123'),
  holderName: z.string(),
  action: z.enum(statusChangeActions),
  state: z.enum(statusRequestStates),
  reason: z.string(),
  statusBefore: z.enum(certificationStatuses),
  statusAfter: z.enum(certificationStatuses).describe('What the certification becomes when approved'),
  requestedBy: person,
  requestedAt: z.string(),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  effectiveOn: z.string().nullable().describe('YYYY-MM-DD: the day an approved change took effect'),
  decisionNote: z.string().nullable(),
});

const out = (v: StatusRequestView) => ({
  id: v.id,
  certificationId: v.certificationId,
  number: v.number,
  holderName: v.holderName,
  action: v.action,
  state: v.state,
  reason: v.reason,
  statusBefore: v.statusBefore,
  statusAfter: v.statusAfter,
  requestedBy: v.requestedBy,
  requestedAt: v.requestedAt.toISOString(),
  decidedBy: v.decidedBy,
  decidedAt: v.decidedAt?.toISOString() ?? null,
  effectiveOn: v.effectiveOn,
  decisionNote: v.decisionNote,
});

/** Staff pages: the approvals list, and the forms of the "Suspend or revoke" section. */
function registerPages(app: App): void {
  app.get(APPROVALS_PATH, { schema: { ...hide, querystring: approvalsQuery } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const r = await listPendingStatusRequests(ctx, req.query);
    const viewerId = requireRole(ctx.actor, 'staff', 'admin').userId;
    return sendPage(
      req,
      reply,
      { title: 'Certification changes waiting for approval' },
      <ApprovalsPage {...r} viewerId={viewerId} />,
    );
  });

  const act = <P extends z.ZodType>(
    path: string,
    params: P,
    form: StatusForm | undefined,
    run: (ctx: Ctx, p: z.infer<P>, b: Record<string, string>) => Promise<StatusRequestView>,
    done: (v: StatusRequestView) => string,
  ) =>
    app.post(path, { schema: { ...hide, params } }, async (req, reply) => {
      const p = req.params as z.infer<P> & { id: string };
      const body = formValues(req.body);
      let v: StatusRequestView;
      try {
        v = await run(ctxFrom(req), p, body);
      } catch (err) {
        if (!(err instanceof DomainError) || !SHOWN_ON_PAGE.has(err.code)) throw err;
        return renderStaffCertificationPage(req, reply, p.id, {
          ...(form ? { form, values: body } : {}),
          errors: err.fields,
          ...(err.fields ? {} : { formError: err.message }),
          status: errorStatus[err.code],
        });
      }
      reply.flash(done(v));
      return reply.redirect(`/staff/applications/${p.id}/certification`, 303);
    });

  const base = '/staff/applications/:id/certification/status-requests';
  const scope = (p: { id: string }): DecisionScope => ({ applicationId: p.id });
  act(
    base,
    idParams,
    'status-request',
    (ctx, p, b) => requestStatusChange(ctx, { applicationId: p.id, action: b.action, reason: b.reason }),
    () => 'Request made. It takes effect when another staff member approves it.',
  );
  act(
    `${base}/:requestId/approve`,
    pageParams,
    undefined,
    (ctx, p) => approveStatusRequest(ctx, p.requestId, scope(p)),
    (v) => `Approved: the certification is ${actionDone[v.action]}, and the holder was told by email.`,
  );
  act(
    `${base}/:requestId/decline`,
    pageParams,
    'status-decline',
    (ctx, p, b) => declineStatusRequest(ctx, p.requestId, b.note, scope(p)),
    () => 'Request declined. Nothing changed, and the staff member who asked was told by email.',
  );
  act(
    `${base}/:requestId/withdraw`,
    pageParams,
    undefined,
    (ctx, p) => withdrawStatusRequest(ctx, p.requestId, scope(p)),
    () => 'Request withdrawn. Nothing changed.',
  );
}

function registerApi(app: App): void {
  app.post(
    '/api/v1/staff/certifications/:id/status-requests',
    {
      schema: {
        tags,
        summary: 'Ask to suspend, revoke or reinstate a certification (a second staff member approves)',
        params: idParams,
        body: z.object({
          action: z.enum(statusChangeActions),
          reason: z.string().max(4000).describe('10 to 2,000 characters; the holder is sent it'),
        }),
        response: { 201: requestOut },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(out(await requestStatusChange(ctxFrom(req), { certificationId: req.params.id, ...req.body }))),
  );
  app.get(
    '/api/v1/staff/certification-status-requests',
    {
      schema: {
        tags,
        summary: 'Requests to change a certification that wait for approval, oldest first',
        querystring: approvalsQuery,
        response: {
          200: z.object({ items: z.array(requestOut), total: z.int(), page: z.int(), pageSize: z.int() }),
        },
      },
    },
    async (req) => {
      const r = await listPendingStatusRequests(ctxFrom(req), req.query);
      return { ...r, items: r.items.map(out) };
    },
  );
  const decision = '/api/v1/staff/certification-status-requests/:id';
  app.post(
    `${decision}/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a request made by another staff member: the change takes effect now',
        params: idParams,
        response: { 200: requestOut },
      },
    },
    async (req) => out(await approveStatusRequest(ctxFrom(req), req.params.id)),
  );
  app.post(
    `${decision}/decline`,
    {
      schema: {
        tags,
        summary: 'Decline a request made by another staff member, with a note',
        params: idParams,
        body: z.object({ note: z.string().max(4000) }),
        response: { 200: requestOut },
      },
    },
    async (req) => out(await declineStatusRequest(ctxFrom(req), req.params.id, req.body.note)),
  );
  app.post(
    `${decision}/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw your own pending request',
        params: idParams,
        response: { 200: requestOut },
      },
    },
    async (req) => out(await withdrawStatusRequest(ctxFrom(req), req.params.id)),
  );
}

/** Suspension, revocation and reinstatement with a second staff member's approval. */
export function registerStatusRequestRoutes(app: App): void {
  registerPages(app);
  registerApi(app);
}
