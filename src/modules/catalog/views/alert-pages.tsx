import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import type { CompetencySet } from '../../policy/framework.js';

function BackToCatalog() {
  return (
    <p>
      <a href="/catalog">Back to the catalog</a>
    </p>
  );
}

export function SubscribePage(p: {
  csrfToken: string;
  sets: readonly CompetencySet[];
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  return (
    <>
      <BackToCatalog />
      <h1>Email alerts for new courses</h1>
      <ErrorSummary errors={p.errors} />
      <p>
        Get one email when new courses are approved: for every competency set, or only for the set you need.
        We check for new courses every hour.
      </p>
      <Form action="/catalog/alerts" csrfToken={p.csrfToken}>
        <TextField
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          value={p.values.email}
          error={p.errors?.email}
        />
        <SelectField
          name="set"
          label="Competency set"
          hint="Leave as it is to hear about courses for every set"
          options={p.sets.map((s) => [s.id, `${s.code} ${s.title}`] as const)}
          placeholder="Every competency set"
          value={p.values.set}
          error={p.errors?.set}
        />
        <button type="submit">Subscribe</button>
      </Form>
      <p class="hint">
        We send a link to confirm the address first. We use the address only for these alerts, and every alert
        has a link to stop them without signing in. Alerts are a web page only; the API has no subscribe call.
      </p>
    </>
  );
}

export function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>
        We have sent a message to the address you gave. Open the link in it to start your alerts; the link
        works for 7 days.
      </p>
      <p>
        If nothing arrives within a few minutes, check your spam folder, or{' '}
        <a href="/catalog/alerts">subscribe again</a>.
      </p>
      <BackToCatalog />
    </>
  );
}

export function ConfirmPage(p: { csrfToken: string; token: string }) {
  return (
    <>
      <h1>Confirm your email alerts</h1>
      <p>Press the button to start getting an email when new courses are approved.</p>
      <Form action="/catalog/alerts/confirm" csrfToken={p.csrfToken}>
        <input type="hidden" name="token" value={p.token} />
        <button type="submit">Start my alerts</button>
      </Form>
      <BackToCatalog />
    </>
  );
}

export function UnsubscribePage(p: { csrfToken: string; id: string; token: string; subscribed: boolean }) {
  if (!p.subscribed) return <UnsubscribedPage />;
  return (
    <>
      <h1>Stop email alerts</h1>
      <p>Press the button to stop the emails about new approved courses. We then delete your address.</p>
      <Form action="/catalog/alerts/unsubscribe" csrfToken={p.csrfToken}>
        <input type="hidden" name="id" value={p.id} />
        <input type="hidden" name="token" value={p.token} />
        <button type="submit">Unsubscribe</button>
      </Form>
      <BackToCatalog />
    </>
  );
}

export function UnsubscribedPage() {
  return (
    <>
      <h1>You are unsubscribed</h1>
      <p>
        You will get no more emails about new approved courses, and we no longer keep your address for them.
      </p>
      <p>
        Changed your mind? <a href="/catalog/alerts">Subscribe again</a>.
      </p>
      <BackToCatalog />
    </>
  );
}

export function LinkProblemPage({ message }: { message: string }) {
  return (
    <>
      <h1>This link does not work</h1>
      <p>{message}</p>
      <p>
        <a href="/catalog/alerts">Subscribe to email alerts</a>
      </p>
      <BackToCatalog />
    </>
  );
}
