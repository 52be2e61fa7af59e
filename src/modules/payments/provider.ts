import type { Money } from '../../lib/money.js';

/**
 * How card payments reach a payment service. The sandbox is built in (a page on this site that
 * takes no money); Stripe Checkout will implement the same interface: createCheckout makes a
 * hosted session and returns its URL, complete reads a verified webhook event. Everything after
 * "this checkout succeeded or failed" is shared (complete-checkout use cases, the ledger).
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

export interface PaymentProvider<Evidence> {
  readonly id: 'sandbox';
  /** Where to send the payer: an absolute URL for a hosted provider, a path on this site for the sandbox. */
  createCheckout(request: CheckoutRequest): Promise<{ url: string }>;
  /** Turn what came back from the provider into an outcome; throws if the evidence cannot be trusted. */
  complete(evidence: Evidence): Promise<CheckoutOutcome>;
}

/** The sandbox: the payer presses "Pay" or "Simulate a declined card" on /pay/sandbox/:id. */
export type SandboxEvidence = { checkoutId: string; choice: 'pay' | 'decline' };

export const sandboxProvider: PaymentProvider<SandboxEvidence> = {
  id: 'sandbox',
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
};
