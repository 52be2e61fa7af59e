import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { type OpenedCheckout, openCheckoutForDue } from '../../payments/open-checkout.js';
import { paymentProviderFor } from '../../payments/provider.js';
import { balanceOf, findFeeBySubject, lockFee } from '../../payments/repository.js';
import { courseApplicationForChange } from '../access.js';
import { courseFeeKind, courseFeeName } from '../fees.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type StartedCourseCheckout = OpenedCheckout;

/**
 * Pay the course approval fee by card: open a checkout for what is due, or reuse the open one (a
 * double click must not start two payments). Any member of the provider may pay.
 */
export async function startCourseCheckout(ctx: Ctx, id: string): Promise<StartedCourseCheckout> {
  return transact(ctx, async (w) => {
    const { user, application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    const feeRow = await findFeeBySubject(w.tx, courseFeeKind(application), application.id);
    if (application.status === 'draft' || !feeRow)
      throw invalidState('Submit the course application before paying the fee.');
    const fee = (await lockFee(w.tx, feeRow.id))!;
    const { balance } = await balanceOf(w.tx, fee.id);
    if (balance.dueCents <= 0) throw invalidState(`The ${courseFeeName(application)} is already paid.`);
    const now = ctx.clock.now();
    return openCheckoutForDue(
      w,
      fee,
      balance.dueCents,
      now,
      {
        description: `${capitalise(courseFeeName(application))} for ${application.number}`,
        openedBy: user.userId,
        returnPath: `/provider/courses/${application.id}`,
        retryPath: `/provider/courses/${application.id}/check`,
      },
      paymentProviderFor(ctx.config),
    );
  });
}
