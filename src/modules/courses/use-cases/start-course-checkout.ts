import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { type OpenedCheckout, openCheckoutForDue } from '../../payments/open-checkout.js';
import { balanceOf, findFeeBySubject, lockFee } from '../../payments/repository.js';
import { courseApplicationForChange } from '../access.js';

export type StartedCourseCheckout = OpenedCheckout;

/**
 * Pay the course approval fee by card: open a checkout for what is due, or reuse the open one (a
 * double click must not start two payments). The member who submitted pays: the fee is theirs.
 */
export async function startCourseCheckout(ctx: Ctx, id: string): Promise<StartedCourseCheckout> {
  return transact(ctx, async (w) => {
    const { user, application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    const feeRow = await findFeeBySubject(w.tx, 'course_approval', application.id);
    if (application.status === 'draft' || !feeRow)
      throw invalidState('Submit the course application before paying the fee.');
    if (feeRow.payerUserId !== user.userId)
      throw invalidState('Only the member who submitted this course application can pay its fee by card.');
    const fee = (await lockFee(w.tx, feeRow.id))!;
    const { balance } = await balanceOf(w.tx, fee.id);
    if (balance.dueCents <= 0) throw invalidState('The course approval fee is already paid.');
    const now = ctx.clock.now();
    return openCheckoutForDue(w, fee, balance.dueCents, now, `Course approval fee for ${application.number}`);
  });
}
