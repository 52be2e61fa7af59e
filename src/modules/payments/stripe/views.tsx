/** Shown when Stripe could not start a payment: nothing was taken, and trying again is safe. */
export function StripeUnavailablePage({
  message,
  retryHref,
  backHref,
}: {
  message: string;
  retryHref: string;
  backHref: string;
}) {
  return (
    <div>
      <h1>The card payment could not start</h1>
      <p>{message} No money was taken.</p>
      <p>Please try again in a moment. If it keeps failing, you can pay by check instead.</p>
      <p class="actions">
        <a class="button" href={retryHref}>
          Try again
        </a>{' '}
        <a href={backHref}>Back to paying your fee</a>
      </p>
    </div>
  );
}
