import type { Config } from '../../../config.js';
import type { Queryable } from '../../../platform/db/client.js';
import { DomainError } from '../../../platform/errors.js';
import { paymentProviderFor } from '../provider.js';
import type { FeeRow } from '../repository.js';
import { latestCardPaymentReference } from './repository.js';
import type { PaymentAdjustmentRow } from './schema.js';

/** Stripe's payment references (PaymentIntent ids); sandbox payments carry our checkout id. */
const STRIPE_PAYMENT = /^pi_[A-Za-z0-9]+$/;

/**
 * A card refund, when approved: with Stripe configured and the fee paid through it, the money is sent
 * back through Stripe (idempotency key = the request's id, so an approval retried after a failure never
 * refunds twice) and the ledger entry carries Stripe's refund id (its `charge.refunded` webhook then
 * finds it recorded). Otherwise it is recorded, and staff return the money in the provider's dashboard.
 * Called inside the approval's transaction: a failed call refuses the approval and writes nothing.
 */
export async function returnCardRefund(
  tx: Queryable,
  config: Config,
  fee: FeeRow,
  adjustment: PaymentAdjustmentRow,
): Promise<{ reference: string | null; note: string }> {
  const manual = {
    reference: adjustment.reference,
    note: `${adjustment.reason} (goes back to the card through the card provider)`,
  };
  const provider = paymentProviderFor(config);
  if (provider.id !== 'stripe') return manual;
  const payment = await latestCardPaymentReference(tx, fee.id);
  if (!payment || !STRIPE_PAYMENT.test(payment)) return manual;
  try {
    const { reference } = await provider.refund(payment, adjustment.amountCents, {
      idempotencyKey: `refund-${adjustment.id}`,
    });
    return {
      reference: reference ?? adjustment.reference,
      note: `${adjustment.reason} (returned to the card by Stripe)`,
    };
  } catch {
    throw new DomainError(
      'INVALID_STATE',
      'Stripe did not take the refund just now, so nothing was recorded. Try approving again in a few minutes.',
    );
  }
}
