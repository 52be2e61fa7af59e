import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { PASSWORD_MIN } from '../rules/password-policy.js';
import { e, type FormState, NewPasswordFields, v } from './common.js';

export const passwordHint = `At least ${PASSWORD_MIN} characters. A few unrelated words are easy to remember and hard to guess.`;

export function SignUpPage(p: FormState) {
  return (
    <>
      <h1>Create an account</h1>
      <p>You need an account to apply for certification and to follow your progress.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/sign-up" csrfToken={p.csrfToken}>
        <TextField
          name="name"
          label="Full name"
          autocomplete="name"
          value={v(p, 'name')}
          error={e(p, 'name')}
        />
        <TextField
          name="email"
          label="Email address"
          hint="We will send a link to this address to confirm it is yours."
          type="email"
          autocomplete="email"
          value={v(p, 'email')}
          error={e(p, 'email')}
        />
        <NewPasswordFields state={p} hint={passwordHint} fresh />
        <div class="actions">
          <button type="submit">Create account</button>
        </div>
      </Form>
      <p>
        Already have an account? <a href="/sign-in">Sign in</a>.
      </p>
    </>
  );
}

/** The same page whether or not the address already had an account. */
export function CheckEmailPage(p: { csrfToken: string; canResend: boolean }) {
  return (
    <>
      <h1>Check your email</h1>
      <p class="lead">
        We have sent a message to the address you gave. Open the link in it to confirm your address.
      </p>
      <p>
        The link works for 24 hours. If the message has not arrived in a few minutes, check your spam or junk
        folder.
      </p>
      {p.canResend && (
        <Form action="/verify-email/resend" csrfToken={p.csrfToken}>
          <button type="submit" class="secondary">
            Send the link again
          </button>
        </Form>
      )}
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </>
  );
}

export function EmailVerifiedPage(p: { signedIn: boolean; continueTo: string }) {
  return (
    <>
      <h1>Your email address is confirmed</h1>
      <p>Thank you. You can now apply for certification.</p>
      <p>{p.signedIn ? <a href={p.continueTo}>Continue</a> : <a href="/sign-in">Sign in to continue</a>}</p>
    </>
  );
}
