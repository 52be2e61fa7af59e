import type { CertificationStatus } from '../schema.js';
import type { StatusChangeAction, StatusRequestState } from './schema.js';

export const actionLabels: Record<StatusChangeAction, string> = {
  suspend: 'Suspend',
  revoke: 'Revoke',
  reinstate: 'Reinstate (lift the suspension)',
};

/** "The certification was …" */
export const actionDone: Record<StatusChangeAction, string> = {
  suspend: 'suspended',
  revoke: 'revoked',
  reinstate: 'reinstated',
};

export const requestStateLabels: Record<StatusRequestState, string> = {
  pending: 'Waiting for a second staff member',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/**
 * Why `action` cannot be asked for while the certification has `status`, or null when it can.
 * Revoked is final; only a standing certification (active or provisional) can be suspended or
 * revoked; only a suspended one can be reinstated.
 */
export function refusalFor(action: StatusChangeAction, status: CertificationStatus): string | null {
  if (status === 'revoked')
    return 'This certification is revoked. Revocation is final: it cannot be suspended, reinstated or revoked again.';
  if (action === 'reinstate')
    return status === 'suspended' ? null : 'Only a suspended certification can be reinstated.';
  if (status === 'suspended')
    return 'This certification is already suspended. Only an active or provisional certification can be suspended or revoked; reinstate it first if that is what you mean.';
  return null;
}

/** The status a certification takes when the request is approved. */
export function statusAfterApproval(
  action: StatusChangeAction,
  restoreTo: CertificationStatus | undefined,
): CertificationStatus {
  if (action === 'suspend') return 'suspended';
  if (action === 'revoke') return 'revoked';
  // A suspension recorded before this feature has no "before": active is the ordinary standing.
  return restoreTo === 'provisional' ? 'provisional' : 'active';
}

export const certificationStatusLabels: Record<CertificationStatus, string> = {
  active: 'Active',
  provisional: 'Provisional',
  suspended: 'Suspended',
  revoked: 'Revoked',
};

/** The actions staff can ask for while the certification has `status` (the form offers only these). */
export function actionsAllowed(status: CertificationStatus): StatusChangeAction[] {
  return (['suspend', 'revoke', 'reinstate'] as const).filter((a) => refusalFor(a, status) === null);
}
