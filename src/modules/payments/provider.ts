import type { Config } from '../../config.js';
import type { Money } from '../../lib/money.js';
import { createStripeProvider } from './stripe/stripe-provider.js';

/**
 * How card payments reach a payment service. The sandbox is built in (a page on this site that
 * takes no money); Stripe Checkout implements the same interface when its keys are configured.
 * Everything after "this checkout succeeded or failed" is shared (the ledger, the fee, the subject).
 */
export interface CheckoutRequest {
  /** Our checkouts.id; the provider echoes it back so a completion finds its checkout. */
  checkoutId: string;
  amount: Money;
  /** What the payer sees, e.g. "Application fee for LSSC-2026-000001". */
  description: string;
}

export interface CheckoutOutcome {
  checkoutId: string;
  outcome: 'succeeded' | 'failed';
  /** The provider's reference for the payment; stored on the ledger entry (unique, so a retry records once). */
  reference: string;
}

export type PaymentProviderId = 'sandbox' | 'stripe';

export interface PaymentProvider {
  readonly id: PaymentProviderId;
  /**
   * The page on this site that sends the payer on to pay a checkout. It touches no network, so it is
   * safe inside the transaction that opens the checkout.
   */
  startPath(checkoutId: string): string;
  /**
   * Where the payer pays: an absolute URL for a hosted provider, a path on this site for the sandbox.
   * A hosted provider is called over the network: call this outside any database transaction.
   */
  createCheckout(request: CheckoutRequest): Promise<{ url: string }>;
  /**
   * Give money back for a payment recorded under `paymentReference` (the reference on its ledger entry).
   * Returns the provider's refund reference to record on the ledger's refund entry (null: nothing to
   * reference, as in the sandbox, where no money moved). Recording the refund is the caller's job.
   * Give the same `idempotencyKey` when retrying one refund, and a different one for each new refund.
   */
  refund(
    paymentReference: string,
    amountCents: number,
    opts?: { idempotencyKey?: string },
  ): Promise<{ reference: string | null }>;
}

/** The sandbox: the payer presses "Pay" or "Simulate a declined card" on /pay/sandbox/:id. */
export type SandboxEvidence = { checkoutId: string; choice: 'pay' | 'decline' };

export const sandboxProvider: PaymentProvider & {
  complete(evidence: SandboxEvidence): Promise<CheckoutOutcome>;
} = {
  id: 'sandbox',
  startPath: (checkoutId) => `/pay/sandbox/${checkoutId}`,
  async createCheckout(request) {
    return { url: `/pay/sandbox/${request.checkoutId}` };
  },
  async complete(evidence) {
    return {
      checkoutId: evidence.checkoutId,
      outcome: evidence.choice === 'pay' ? 'succeeded' : 'failed',
      reference: evidence.checkoutId,
    };
  },
  // No money moved in the sandbox, so there is none to send back and nothing more to record.
  async refund() {
    return { reference: null };
  },
};

/** Stripe Checkout when its keys are configured; otherwise the sandbox. */
export function paymentProviderFor(config: Config): PaymentProvider {
  return config.stripe ? createStripeProvider(config.stripe, config.baseUrl) : sandboxProvider;
}
