import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { transitionApplication } from '../../applications/repository.js';
import { type OpenedCheckout, openCheckoutForDue } from '../open-checkout.js';
import { paymentProviderFor } from '../provider.js';
import { balanceOf } from '../repository.js';
import { lockOwnApplicationFee } from './payable-fee.js';

export type StartedCheckout = OpenedCheckout;

/**
 * Pay the application fee by card: open a checkout for what is still due, or reuse the open one
 * (a double click must not start two payments). A candidate who chose to pay by check switches to
 * card by doing this.
 */
export async function startCheckout(ctx: Ctx): Promise<StartedCheckout> {
  return transact(ctx, async (w) => {
    const { user, application, fee } = await lockOwnApplicationFee(ctx, w);
    if (application.status === 'rejected')
      throw invalidState('This application was not accepted, so there is nothing to pay.');
    const { balance } = await balanceOf(w.tx, fee.id);
    if (balance.dueCents <= 0) throw invalidState('Your application fee is already paid.');
    const now = ctx.clock.now();

    if (application.status === 'awaiting_check') {
      await transitionApplication(w.tx, application.id, ['awaiting_check'], {
        status: 'awaiting_payment',
        paymentMethod: 'card',
        updatedAt: now,
      });
      await w.audit({
        action: 'application.payment_method_changed',
        subjectType: 'application',
        subjectId: application.id,
        before: { paymentMethod: 'check', status: 'awaiting_check' },
        after: { paymentMethod: 'card', status: 'awaiting_payment' },
      });
    }

    return openCheckoutForDue(
      w,
      fee,
      balance.dueCents,
      now,
      {
        description: `Application fee for ${application.number}`,
        openedBy: user.userId,
        returnPath: '/application',
        retryPath: '/application/pay',
      },
      paymentProviderFor(ctx.config),
    );
  });
}
