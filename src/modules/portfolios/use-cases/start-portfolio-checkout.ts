import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState } from '../../../platform/errors.js';
import { type OpenedCheckout, openCheckoutForDue } from '../../payments/open-checkout.js';
import { paymentProviderFor } from '../../payments/provider.js';
import { balanceOf, findFeeBySubject, lockFee } from '../../payments/repository.js';
import { portfolioForChange } from '../access.js';

/**
 * Pay the portfolio fee by card: open a checkout for what is due, or reuse the open one (a double
 * click must not start two payments). Afterwards the payer comes back to the portfolio.
 */
export async function startPortfolioCheckout(ctx: Ctx, id: string): Promise<OpenedCheckout> {
  return transact(ctx, async (w) => {
    const { user, portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    const feeRow = await findFeeBySubject(w.tx, 'portfolio', portfolio.id);
    if (!portfolio.number || !feeRow) throw invalidState('Submit the portfolio before paying the fee.');
    const fee = (await lockFee(w.tx, feeRow.id))!;
    const { balance } = await balanceOf(w.tx, fee.id);
    if (balance.dueCents <= 0) throw invalidState('The portfolio fee is already paid.');
    return openCheckoutForDue(
      w,
      fee,
      balance.dueCents,
      ctx.clock.now(),
      {
        description: `Portfolio fee for ${portfolio.number}`,
        openedBy: user.userId,
        returnPath: `/portfolios/${portfolio.id}`,
        retryPath: `/portfolios/${portfolio.id}/check`,
      },
      paymentProviderFor(ctx.config),
    );
  });
}
