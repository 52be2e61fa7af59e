import { z } from 'zod';
import { type Ctx, transact } from '../../../../platform/context.js';
import type { Queryable } from '../../../../platform/db/client.js';
import { DomainError, type FieldErrors, notFound, validationFailed } from '../../../../platform/errors.js';
import { uuidv7 } from '../../../../platform/ids.js';
import { requireRole } from '../../../accounts/access.js';
import { findCertificationForApplication } from '../../repository.js';
import {
  findListedRequest,
  findPendingRequestFor,
  insertStatusRequest,
  lockCertification,
  statusBeforeLastSuspension,
} from '../repository.js';
import { refusalFor, statusAfterApproval } from '../rules.js';
import { statusChangeActions } from '../schema.js';
import { type StatusRequestView, toStatusRequestView } from './list-status-requests.js';

export const REASON_MIN = 10;
export const REASON_MAX = 2000;

export const requestInput = z.object({
  action: z.enum(statusChangeActions, 'Choose whether to suspend, revoke or reinstate the certification.'),
  reason: z
    .string('Give the reason.')
    .trim()
    .min(1, 'Give the reason.')
    .min(REASON_MIN, `Give the reason in at least ${REASON_MIN} characters, so the holder understands it.`)
    .max(REASON_MAX, `Keep the reason under ${REASON_MAX.toLocaleString('en-US')} characters.`),
});

const UUID = z.uuid();

/** By its id (the API) or by its application's (the staff certification page), locked. */
async function lockedCertification(
  tx: Queryable,
  by: { certificationId: string } | { applicationId: string },
) {
  const id =
    'certificationId' in by
      ? by.certificationId
      : UUID.safeParse(by.applicationId).success
        ? (await findCertificationForApplication(tx, by.applicationId))?.id
        : undefined;
  return id && UUID.safeParse(id).success ? lockCertification(tx, id) : undefined;
}

/** zod issues as one message per field, for the page and the API alike. */
export function fieldsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * A staff member asks to suspend, revoke or reinstate a certification, with a reason. Nothing
 * changes until a second staff member approves. One pending request per certification.
 */
export async function requestStatusChange(
  ctx: Ctx,
  input: ({ certificationId: string } | { applicationId: string }) & { action: unknown; reason: unknown },
): Promise<StatusRequestView> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  const parsed = requestInput.safeParse({ action: input.action ?? undefined, reason: input.reason ?? '' });
  if (!parsed.success) throw validationFailed(fieldsOf(parsed.error));
  const { action, reason } = parsed.data;
  return transact(ctx, async (w) => {
    const cert = await lockedCertification(w.tx, input);
    if (!cert) throw notFound('That certification');
    const refusal = refusalFor(action, cert.status);
    if (refusal) throw new DomainError('INVALID_STATE', refusal);
    // The certification row is locked, so a second request for it waits here and then sees this one.
    const pending = await findPendingRequestFor(w.tx, cert.id);
    if (pending)
      throw new DomainError(
        'CONFLICT',
        `There is already a request to ${pending.action} this certification waiting for approval. It must be approved, declined or withdrawn first.`,
      );
    const restoreTo = action === 'reinstate' ? await statusBeforeLastSuspension(w.tx, cert.id) : undefined;
    const now = ctx.clock.now();
    const made = await insertStatusRequest(w.tx, {
      id: uuidv7(now.getTime()),
      certificationId: cert.id,
      action,
      state: 'pending',
      reason,
      statusBefore: cert.status,
      statusAfter: statusAfterApproval(action, restoreTo),
      requestedBy: staff.userId,
      requestedAt: now,
    });
    await w.audit({
      action: 'certification_status_request.requested',
      subjectType: 'certification_status_request',
      subjectId: made.id,
      after: {
        certificationId: cert.id,
        number: cert.number,
        action,
        reason,
        statusBefore: made.statusBefore,
        statusAfter: made.statusAfter,
      },
    });
    const listed = await findListedRequest(w.tx, made.id);
    return toStatusRequestView(listed!);
  });
}
