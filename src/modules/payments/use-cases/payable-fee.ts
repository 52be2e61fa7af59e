import type { Ctx, UserActor, Work } from '../../../platform/context.js';
import { DomainError, invalidState } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  lockApplication,
} from '../../applications/repository.js';
import { type FeeRow, findFeeBySubject, lockFee } from '../repository.js';

/** The signed-in candidate's own application and its fee, both locked for this transaction. */
export async function lockOwnApplicationFee(
  ctx: Ctx,
  w: Work,
): Promise<{ user: UserActor; application: ApplicationRow; fee: FeeRow }> {
  const user = requireRole(ctx.actor, 'candidate');
  const current = await findCurrentApplication(w.tx, user.userId);
  if (!current) throw new DomainError('NOT_FOUND', 'You have not started an application yet.');
  const application = (await lockApplication(w.tx, current.id))!;
  const feeRow = await findFeeBySubject(w.tx, 'application', application.id);
  if (!feeRow || application.status === 'draft')
    throw invalidState('Submit your application before paying the fee.');
  if (feeRow.payerUserId !== user.userId)
    throw new DomainError('FORBIDDEN', 'Only the person paying this fee can pay it.');
  const fee = (await lockFee(w.tx, feeRow.id))!;
  return { user, application, fee };
}
