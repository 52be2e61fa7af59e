import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { MAX_EMAIL_ADDRESSES } from '../use-cases/add-email-address.js';
import type { EmailAddressSummary } from '../use-cases/list-email-addresses.js';
import { e, type FormState, v } from './common.js';

function Status({ a }: { a: EmailAddressSummary }) {
  if (a.primary && a.confirmed) return <span class="tag ok">Primary</span>;
  if (a.primary) return <span class="tag warn">Primary, not confirmed yet</span>;
  if (a.confirmed) return <span class="tag ok">Confirmed</span>;
  return <span class="tag warn">Waiting for confirmation</span>;
}

function Actions({ a, csrfToken }: { a: EmailAddressSummary; csrfToken: string }) {
  if (a.primary) return null;
  return (
    <>
      {a.confirmed && (
        <p>
          <a href={`/account/emails/${a.id}/primary`}>
            Make primary<span class="visually-hidden"> {a.email}</span>
          </a>
        </p>
      )}
      <Form action={`/account/emails/${a.id}/remove`} csrfToken={csrfToken}>
        <button type="submit" class="secondary">
          Remove<span class="visually-hidden"> {a.email}</span>
        </button>
      </Form>
    </>
  );
}

export function EmailAddressesPage(p: FormState & { addresses: EmailAddressSummary[] }) {
  const full = p.addresses.length >= MAX_EMAIL_ADDRESSES;
  return (
    <>
      <h1>Your email addresses</h1>
      <p>
        Add the other addresses you use, so your certificate and digital credentials stay yours when you
        change jobs. You can sign in with any confirmed address. We send mail to your primary address.
      </p>
      <table>
        <caption class="visually-hidden">Your email addresses</caption>
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.addresses.map((a) => (
            <tr>
              <td>{a.email}</td>
              <td>
                <Status a={a} />
              </td>
              <td>
                <Actions a={a} csrfToken={p.csrfToken} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        If the link for an address waiting for confirmation did not arrive or has expired, add the address
        again to get a new one.
      </p>
      <h2>Add an email address</h2>
      {full && !p.errors ? (
        <p>
          You have {MAX_EMAIL_ADDRESSES} addresses, the most an account can have. Remove one to add another.
        </p>
      ) : (
        <>
          <ErrorSummary errors={p.errors} />
          <Form action="/account/emails" csrfToken={p.csrfToken}>
            <TextField
              name="email"
              label="Email address"
              hint="We will send a link to it. Open the link while signed in to confirm the address."
              type="email"
              autocomplete="email"
              value={v(p, 'email')}
              error={e(p, 'email')}
            />
            <div class="actions">
              <button type="submit">Send the link</button>
              <a href="/account">Back to your account</a>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

export function MakePrimaryPage(p: FormState & { id: string; email: string; currentEmail: string }) {
  return (
    <>
      <h1>Make {p.email} your primary address</h1>
      <p>
        We will send mail, including password reset links, to {p.email} instead of {p.currentEmail}. We will
        tell {p.currentEmail} about the change, and it stays on your account as an additional address.
      </p>
      <ErrorSummary errors={p.errors} />
      <Form action={`/account/emails/${p.id}/primary`} csrfToken={p.csrfToken}>
        <TextField
          name="currentPassword"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={e(p, 'currentPassword')}
        />
        <div class="actions">
          <button type="submit">Make primary</button>
          <a href="/account/emails">Cancel</a>
        </div>
      </Form>
    </>
  );
}

export function ConfirmEmailAddressPage(p: { csrfToken: string; token: string; email: string }) {
  return (
    <>
      <h1>Add this email address to your account</h1>
      <p>
        Add {p.email} to your account? You will be able to sign in with it, and your digital credentials will
        list it.
      </p>
      <Form action="/account/emails/confirm" csrfToken={p.csrfToken}>
        <input type="hidden" name="token" value={p.token} />
        <div class="actions">
          <button type="submit">Add the address</button>
          <a href="/account/emails">Cancel</a>
        </div>
      </Form>
    </>
  );
}
