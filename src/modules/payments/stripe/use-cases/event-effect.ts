import type { PaymentEventOutcome } from '../schema.js';

/** What handling one event did; stored on its payment_events row. */
export interface EventEffect {
  outcome: Exclude<PaymentEventOutcome, 'pending'>;
  note: string | null;
  /** Kept on the row to apply later (a refund whose payment has not arrived). */
  parked?: unknown;
  /** Someone should look: money moved at Stripe that we could not simply apply. Logged as a warning. */
  attention?: boolean;
}
