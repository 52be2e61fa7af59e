import { z } from 'zod';
import { type Ctx, transact, type Work } from '../../../../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../../../../platform/errors.js';
import { requireRole } from '../../../accounts/access.js';
import { findUserById } from '../../../accounts/users-repository.js';
import { policyFor } from '../../../applications/own-application.js';
import { findApplicationById } from '../../../applications/repository.js';
import { holderMail, requesterMail } from '../mails.js';
import {
  closeStatusRequest,
  findListedRequest,
  lockCertification,
  lockStatusRequest,
  setCertificationStatus,
} from '../repository.js';
import type { CertificationStatusRequestRow } from '../schema.js';
import { type StatusRequestView, toStatusRequestView } from './list-status-requests.js';

type Decision = 'approve' | 'decline' | 'withdraw';

const UUID = z.uuid();
const noteSchema = z
  .string('Say why you decline the request.')
  .trim()
  .min(1, 'Say why you decline the request.')
  .max(2000, 'Keep the note under 2,000 characters.');

const closedAlready: Record<CertificationStatusRequestRow['state'], string> = {
  pending: '',
  approved: 'This request was already approved: the change has taken effect.',
  declined: 'This request was already declined.',
  withdrawn: 'This request was withdrawn by the staff member who made it.',
};

export interface DecisionScope {
  /** Set by the staff certification page: the request must be about that application's certification. */
  applicationId?: string;
}

/** The pending request and its certification, both locked (certification first, as a new request does). */
async function lockPending(w: Work, requestId: string, scope: DecisionScope) {
  const listed = UUID.safeParse(requestId).success ? await findListedRequest(w.tx, requestId) : undefined;
  if (!listed || (scope.applicationId && listed.applicationId !== scope.applicationId))
    throw notFound('That request');
  const cert = await lockCertification(w.tx, listed.request.certificationId);
  const request = await lockStatusRequest(w.tx, requestId);
  if (!cert || !request) throw notFound('That request');
  if (request.state !== 'pending') throw new DomainError('CONFLICT', closedAlready[request.state]);
  return { cert, request, listed };
}

/** Close the request unless someone else closed it between the lock and now (belt and braces). */
async function close(w: Work, id: string, change: Parameters<typeof closeStatusRequest>[2]) {
  const closed = await closeStatusRequest(w.tx, id, change);
  if (!closed) throw new DomainError('CONFLICT', 'Someone else decided this request a moment ago.');
  return closed;
}

async function decide(
  ctx: Ctx,
  requestId: string,
  decision: Decision,
  note: string | null,
  scope: DecisionScope,
): Promise<StatusRequestView> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  return transact(ctx, async (w) => {
    const { cert, request, listed } = await lockPending(w, requestId, scope);
    const own = request.requestedBy === staff.userId;
    if (decision === 'withdraw' && !own)
      throw forbidden('Only the staff member who made this request can withdraw it.');
    if (decision !== 'withdraw' && own)
      throw forbidden(
        `You made this request, so another staff member must ${decision} it. You can withdraw it instead.`,
      );
    const now = ctx.clock.now();
    const today = ctx.clock.today();
    const state = decision === 'approve' ? 'approved' : decision === 'decline' ? 'declined' : 'withdrawn';
    if (decision === 'approve' && cert.status !== request.statusBefore)
      throw new DomainError(
        'INVALID_STATE',
        `The certification changed since this request was made (it is now ${cert.status}). Decline or withdraw it and make a new one.`,
      );
    await close(w, request.id, {
      state,
      decidedBy: staff.userId,
      decidedAt: now,
      effectiveOn: decision === 'approve' ? today : null,
      decisionNote: note,
    });
    await w.audit({
      action: `certification_status_request.${state}`,
      subjectType: 'certification_status_request',
      subjectId: request.id,
      before: { state: 'pending' },
      after: { state, ...(note ? { note } : {}) },
    });
    const holderName = [listed.givenName, listed.familyName].filter(Boolean).join(' ');
    if (decision === 'approve') {
      await setCertificationStatus(w.tx, cert.id, request.statusAfter, now);
      await w.audit({
        action: `certification.${request.action === 'suspend' ? 'suspended' : request.action === 'revoke' ? 'revoked' : 'reinstated'}`,
        subjectType: 'certification',
        subjectId: cert.id,
        before: { status: cert.status },
        after: { status: request.statusAfter, reason: request.reason, requestId: request.id },
      });
      const holder = await findUserById(w.tx, cert.candidateId);
      const { policy } = await policyFor(w.tx, await findApplicationById(w.tx, cert.applicationId));
      if (holder)
        await w.mail(
          holderMail(ctx, holder, {
            number: cert.number,
            action: request.action,
            reason: request.reason,
            effectiveOn: today,
            appeals: policy.appeals,
          }),
        );
    }
    if (decision !== 'withdraw') {
      const requester = await findUserById(w.tx, request.requestedBy);
      if (requester)
        await w.mail(
          requesterMail(ctx, requester, {
            number: cert.number,
            holderName,
            action: request.action,
            outcome: decision === 'approve' ? 'approved' : 'declined',
            deciderName: staff.displayName,
            note,
            applicationId: cert.applicationId,
          }),
        );
    }
    const after = await findListedRequest(w.tx, request.id);
    return toStatusRequestView(after!);
  });
}

/** A second staff member approves: the certification's status changes now; holder and requester are mailed. */
export function approveStatusRequest(ctx: Ctx, requestId: string, scope: DecisionScope = {}) {
  return decide(ctx, requestId, 'approve', null, scope);
}

/** A second staff member declines, saying why; nothing changes and the requester is mailed. */
export async function declineStatusRequest(
  ctx: Ctx,
  requestId: string,
  note: unknown,
  scope: DecisionScope = {},
): Promise<StatusRequestView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const parsed = noteSchema.safeParse(note ?? '');
  if (!parsed.success)
    throw validationFailed({ note: parsed.error.issues[0]?.message ?? 'Say why you decline the request.' });
  return decide(ctx, requestId, 'decline', parsed.data, scope);
}

/** The requester takes their request back before anyone decides it. */
export function withdrawStatusRequest(ctx: Ctx, requestId: string, scope: DecisionScope = {}) {
  return decide(ctx, requestId, 'withdraw', null, scope);
}
