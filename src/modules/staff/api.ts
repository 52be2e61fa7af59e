import { z } from 'zod';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import type { ApplicationRow } from '../applications/repository.js';
import { admitApplication } from '../applications/use-cases/admit-application.js';
import { recordCheckPayment } from '../applications/use-cases/record-check-payment.js';
import { rejectApplication } from '../applications/use-cases/reject-application.js';
import { requestMoreInformation } from '../applications/use-cases/request-more-information.js';
import {
  applicationDetail,
  applicationSummary,
  checkPaymentBody,
  checkPaymentResponse,
  queueResponse,
  rejectBody,
  rejectResponse,
  requestInformationBody,
} from './api-schemas.js';
import { queueQuery } from './queue-query.js';
import { listApplications } from './use-cases/list-applications.js';
import { type StaffApplicationView, viewApplication } from './use-cases/view-application.js';

const idParams = z.object({ id: z.string().max(64) });
const base = '/api/v1/staff/applications';
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const summaryOf = (a: ApplicationRow) => ({
  id: a.id,
  number: a.number,
  status: a.status,
  admittedOn: a.admittedOn,
  deadlineOn: a.deadlineOn,
  policyVersionId: a.policyVersionId,
  frameworkVersionId: a.frameworkVersionId,
  decidedBy: a.decidedBy,
  decidedAt: iso(a.decidedAt),
  rejectionReason: a.rejectionReason,
});

/** The staff API: the same use cases as the staff pages. */
export function registerStaffApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags: ['staff'],
        summary: 'The application queue: filtered, oldest submitted first, paginated',
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
    },
    async (req) => {
      const r = await listApplications(ctxFrom(req), req.query);
      return {
        items: r.items.map((i) => ({ ...i, submittedAt: iso(i.submittedAt) })),
        total: r.total,
        totalExact: r.totalExact,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags: ['staff'],
        summary:
          'One application with eligibility, payment, messages, history and the actions its state allows',
        params: idParams,
        response: { 200: applicationDetail },
      },
    },
    async (req) => detailOf(await viewApplication(ctxFrom(req), req.params.id)),
  );

  app.post(
    `${base}/:id/request-information`,
    {
      schema: {
        tags: ['staff'],
        summary: 'Ask the candidate for more information (in review → more information requested)',
        params: idParams,
        body: requestInformationBody,
        response: {
          200: z.object({
            applicationId: z.string(),
            status: z.literal('info_requested'),
            messageId: z.string(),
          }),
        },
      },
    },
    async (req) =>
      requestMoreInformation(ctxFrom(req), { applicationId: req.params.id, message: req.body.message }),
  );

  app.post(
    `${base}/:id/check-payments`,
    {
      schema: {
        tags: ['staff'],
        summary: 'Record a check received for the application fee',
        params: idParams,
        body: checkPaymentBody,
        response: { 200: checkPaymentResponse },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const r = await recordCheckPayment(ctx, { applicationId: req.params.id, ...req.body });
      const after = await viewApplication(ctx, req.params.id);
      return {
        application: summaryOf(after.application),
        ledgerEntryId: r.ledgerEntryId,
        pendingApprovalId: r.pendingApprovalId,
        amountCents: r.amountCents,
        dueCents: r.balance.dueCents,
        settled: r.balance.settled,
      };
    },
  );

  app.post(
    `${base}/:id/admit`,
    {
      schema: {
        tags: ['staff'],
        summary: 'Admit the applicant (in review → admitted); the fee must be paid',
        params: idParams,
        response: { 200: applicationSummary },
      },
    },
    async (req) => summaryOf(await admitApplication(ctxFrom(req), { applicationId: req.params.id })),
  );

  app.post(
    `${base}/:id/reject`,
    {
      schema: {
        tags: ['staff'],
        summary: 'Reject as ineligible, with the reason; the refund owed is reported',
        params: idParams,
        body: rejectBody,
        response: { 200: rejectResponse },
      },
    },
    async (req) => {
      const r = await rejectApplication(ctxFrom(req), {
        applicationId: req.params.id,
        reason: req.body.reason,
      });
      return { application: summaryOf(r.application), refundOwedCents: r.refundOwedCents };
    },
  );
}

function detailOf(v: StaffApplicationView) {
  const a = v.application;
  const e = v.eligibility;
  return {
    ...summaryOf(a),
    candidate: { id: a.candidateId, email: a.candidateEmail, name: a.candidateName },
    givenName: a.givenName,
    familyName: a.familyName,
    country: a.country,
    region: a.region,
    hasHighSchool: a.hasHighSchool,
    alaMemberNumber: a.alaMemberNumber,
    paymentMethod: a.paymentMethod,
    submittedAt: iso(a.submittedAt),
    submittedOn: a.submittedOn,
    details: (a.details ?? {}) as Record<string, unknown>,
    eligibility: e && {
      eligible: e.eligible,
      countedHours: e.countedHours,
      requiredHours: e.requiredHours,
      window: e.window,
      policyVersion: v.policyVersion,
      reasons: e.reasons,
      entries: v.experience.map((x, i) => ({
        id: x.id,
        library: x.library,
        libraryType: x.libraryType,
        position: x.position,
        paid: x.paid,
        startDate: x.startDate,
        endDate: x.endDate,
        hoursPerWeek: x.hoursPerWeek === null ? null : Number(x.hoursPerWeek),
        totalHours: x.totalHours,
        countedHours: e.entries[i]?.countedHours ?? null,
        outsideWindow: e.entries[i]?.outsideWindow ?? false,
        errors: e.entries[i]?.errors ?? [],
      })),
    },
    eligibilitySnapshot: a.eligibility ?? null,
    payment: v.fee && {
      feeId: v.fee.feeId,
      member: v.fee.member,
      currency: v.fee.amount.currency,
      ...v.fee.balance,
      entries: v.fee.entries.map((l) => ({
        id: l.id,
        kind: l.kind,
        method: l.method,
        amountCents: l.amountCents,
        reference: l.reference,
        note: l.note,
        createdAt: l.createdAt.toISOString(),
      })),
    },
    refundOwedCents: v.refundOwedCents,
    messages: v.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      authorId: m.authorId,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    audit: v.audit.map((x) => ({
      seq: x.seq,
      at: x.at.toISOString(),
      action: x.action,
      actorLabel: x.actorLabel,
      before: x.before,
      after: x.after,
    })),
    actions: v.actions,
  };
}
