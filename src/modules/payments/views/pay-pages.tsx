import { formatMoney, type Money } from '../../../lib/money.js';
import { Form } from '../../../views/forms.js';
import type { ApplicationOverview } from '../../applications/use-cases/get-my-application.js';
import { checkInstructions } from '../check-instructions.js';
import type { CheckoutView } from '../use-cases/get-checkout.js';

function CheckInstructions({ amount, number }: { amount: Money; number: string }) {
  return (
    <>
      <p>
        Make your check for <strong>{formatMoney(amount)}</strong> payable to “{checkInstructions.payableTo}”,
        write your application number <strong>{number}</strong> on it, and mail it to:
      </p>
      <address>
        {checkInstructions.mailingAddress.map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
      </address>
      <p>We will email you when it arrives. Your application is reviewed once the fee is paid.</p>
    </>
  );
}

/** How the candidate pays: card (start a checkout) or check (mailing instructions), switchable while unpaid. */
export function PayPage({ o, csrfToken }: { o: ApplicationOverview; csrfToken: string }) {
  const fee = o.fee!;
  const due: Money = { amountCents: Math.max(fee.balance.dueCents, 0), currency: fee.amount.currency };
  const number = o.application.number!;
  if (fee.balance.settled) {
    return (
      <>
        <h1>Your application fee is paid</h1>
        <p>
          We received {formatMoney(fee.amount)} for application {number}. Program staff will review your
          application.
        </p>
        <p>
          <a href="/dashboard">Go to your dashboard</a>
        </p>
      </>
    );
  }
  const byCheck = o.application.status === 'awaiting_check';
  return (
    <>
      <h1>Pay the application fee</h1>
      <p>
        Application {number}: <strong>{formatMoney(due)}</strong> to pay.
      </p>
      {o.application.paymentMethod === 'institution' && (
        <p>
          Your institution pays this fee by purchase order: staff review your application once its payment
          arrives. You need do nothing more, unless you would rather pay it yourself below.
        </p>
      )}
      {o.lastCardDeclined && !byCheck && (
        <div class="warning" role="alert">
          <h2>Your card was declined</h2>
          <p>No money was taken. You can try again with a card, or pay by check instead.</p>
        </div>
      )}
      {byCheck ? (
        <>
          <h2>Pay by check</h2>
          <CheckInstructions amount={due} number={number} />
          <h2>Rather pay by card?</h2>
          <Form action="/application/pay" csrfToken={csrfToken}>
            <button type="submit" class="secondary">
              Pay {formatMoney(due)} by card instead
            </button>
          </Form>
        </>
      ) : (
        <>
          <h2>Pay by card</h2>
          <Form action="/application/pay" csrfToken={csrfToken}>
            <button type="submit">
              {o.lastCardDeclined ? 'Try the card payment again' : `Pay ${formatMoney(due)} by card`}
            </button>
          </Form>
          <h2>Rather pay by check?</h2>
          <Form action="/application/payment-method" csrfToken={csrfToken}>
            <input type="hidden" name="paymentMethod" value="check" />
            <button type="submit" class="secondary">
              Pay by check instead
            </button>
          </Form>
        </>
      )}
      <p>
        <a href="/application">Back to your application</a>
      </p>
    </>
  );
}

/** The sandbox "card page": clearly a test, takes no money, and lets the tester choose the outcome. */
export function SandboxCheckoutPage({ view, csrfToken }: { view: CheckoutView; csrfToken: string }) {
  const action = `/pay/sandbox/${view.checkout.id}`;
  return (
    <div class="sandbox">
      <h1>Test payment</h1>
      <p>
        <strong>
          This is the test payment page. No card details are asked for and no real money is taken.
        </strong>
      </p>
      <dl class="summary">
        <div>
          <dt>For</dt>
          <dd>{view.description}</dd>
          <dd />
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{formatMoney(view.amount)}</dd>
          <dd />
        </div>
      </dl>
      {view.checkout.status === 'open' ? (
        <div class="actions">
          <Form action={action} csrfToken={csrfToken}>
            <input type="hidden" name="choice" value="pay" />
            <button type="submit">Pay (test card succeeds)</button>
          </Form>
          <Form action={action} csrfToken={csrfToken}>
            <input type="hidden" name="choice" value="decline" />
            <button type="submit" class="danger">
              Simulate a declined card
            </button>
          </Form>
        </div>
      ) : (
        <p>
          This payment is finished ({view.checkout.status === 'succeeded' ? 'paid' : 'not paid'}).{' '}
          <a href={view.backHref}>Back to paying your fee</a>
        </p>
      )}
    </div>
  );
}
