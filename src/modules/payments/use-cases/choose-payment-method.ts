import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { submitSchema } from '../../applications/forms.js';
import { type ApplicationRow, transitionApplication } from '../../applications/repository.js';
import { parseInput } from '../../applications/validate.js';
import { balanceOf } from '../repository.js';
import { lockOwnApplicationFee } from './payable-fee.js';

/** While the fee is unpaid the candidate may switch between card and check, either way. */
export async function choosePaymentMethod(ctx: Ctx, raw: unknown): Promise<ApplicationRow> {
  const { paymentMethod } = parseInput(submitSchema, raw);
  return transact(ctx, async (w) => {
    const { application, fee } = await lockOwnApplicationFee(ctx, w);
    const { balance } = await balanceOf(w.tx, fee.id);
    if (balance.settled) throw invalidState('Your application fee is already paid.');
    if (application.status !== 'awaiting_payment' && application.status !== 'awaiting_check') {
      throw invalidState('The way you pay can be changed only while your application waits for payment.');
    }
    const status = paymentMethod === 'card' ? 'awaiting_payment' : 'awaiting_check';
    if (application.status === status) return application;
    const changed = (await transitionApplication(
      w.tx,
      application.id,
      ['awaiting_payment', 'awaiting_check'],
      {
        status,
        paymentMethod,
        updatedAt: ctx.clock.now(),
      },
    ))!;
    await w.audit({
      action: 'application.payment_method_changed',
      subjectType: 'application',
      subjectId: application.id,
      before: { paymentMethod: application.paymentMethod, status: application.status },
      after: { paymentMethod, status },
    });
    return changed;
  });
}
