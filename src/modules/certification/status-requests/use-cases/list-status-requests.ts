import { z } from 'zod';
import type { CalendarDate } from '../../../../lib/calendar-date.js';
import type { Ctx } from '../../../../platform/context.js';
import type { Queryable } from '../../../../platform/db/client.js';
import { requireRole } from '../../../accounts/access.js';
import { policyFor } from '../../../applications/own-application.js';
import { findApplicationById } from '../../../applications/repository.js';
import type { CertificationStatus } from '../../schema.js';
import { appealDates } from '../mails.js';
import {
  type ListedStatusRequest,
  latestApprovedChange,
  listPendingRequests,
  listRequestsFor,
} from '../repository.js';
import type { StatusChangeAction, StatusRequestState } from '../schema.js';

export const APPROVALS_PAGE_SIZE = 25;

export const approvalsQuery = z.object({
  page: z.coerce.number('Enter a page number').int('Enter a whole page number').min(1).max(10_000).optional(),
});

export interface StatusRequestView {
  id: string;
  certificationId: string;
  applicationId: string;
  number: string;
  holderName: string;
  action: StatusChangeAction;
  state: StatusRequestState;
  reason: string;
  statusBefore: CertificationStatus;
  statusAfter: CertificationStatus;
  requestedBy: { id: string; name: string };
  requestedAt: Date;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  effectiveOn: CalendarDate | null;
  decisionNote: string | null;
}

export function toStatusRequestView(row: ListedStatusRequest): StatusRequestView {
  const r = row.request;
  return {
    id: r.id,
    certificationId: r.certificationId,
    applicationId: row.applicationId,
    number: row.number,
    holderName: [row.givenName, row.familyName].filter(Boolean).join(' '),
    action: r.action,
    state: r.state,
    reason: r.reason,
    statusBefore: r.statusBefore,
    statusAfter: r.statusAfter,
    requestedBy: { id: r.requestedBy, name: row.requesterName },
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: row.deciderName ?? 'A staff member' } : null,
    decidedAt: r.decidedAt,
    effectiveOn: r.effectiveOn,
    decisionNote: r.decisionNote,
  };
}

/** Pending requests, the longest waiting first, for program staff to approve or decline. */
export async function listPendingStatusRequests(ctx: Ctx, query: z.infer<typeof approvalsQuery>) {
  requireRole(ctx.actor, 'staff', 'admin');
  const page = query.page ?? 1;
  const { rows, total } = await listPendingRequests(ctx.db, {
    limit: APPROVALS_PAGE_SIZE,
    offset: (page - 1) * APPROVALS_PAGE_SIZE,
  });
  return { items: rows.map(toStatusRequestView), total, page, pageSize: APPROVALS_PAGE_SIZE };
}

/** Every request about one certification, newest first; the caller has checked the staff role. */
export async function statusRequestsOf(db: Queryable, certificationId: string): Promise<StatusRequestView[]> {
  return (await listRequestsFor(db, certificationId)).map(toStatusRequestView);
}

export interface StandingChange {
  action: StatusChangeAction;
  reason: string;
  effectiveOn: CalendarDate;
  appeal: { intentDays: number; intentBy: CalendarDate; groundsDays: number; groundsBy: CalendarDate };
}

/**
 * Why the holder's certification is suspended or revoked, and until when they can appeal (the
 * periods of the policy they were admitted under). Null when no approved request explains it.
 */
export async function standingChangeOf(
  db: Queryable,
  cert: { id: string; applicationId: string },
): Promise<StandingChange | null> {
  const change = await latestApprovedChange(db, cert.id);
  if (!change?.effectiveOn || change.action === 'reinstate') return null;
  const application = await findApplicationById(db, cert.applicationId);
  const { policy } = await policyFor(db, application);
  return {
    action: change.action,
    reason: change.reason,
    effectiveOn: change.effectiveOn,
    appeal: appealDates(change.effectiveOn, policy.appeals),
  };
}
