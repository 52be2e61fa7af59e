import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { e, type FormState, NewPasswordFields, v } from './common.js';
import { passwordHint } from './sign-up-views.js';

export function ForgotPasswordPage(p: FormState) {
  return (
    <>
      <h1>Reset your password</h1>
      <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/password/forgot" csrfToken={p.csrfToken}>
        <TextField
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          value={v(p, 'email')}
          error={e(p, 'email')}
        />
        <div class="actions">
          <button type="submit">Send the link</button>
        </div>
      </Form>
    </>
  );
}

/** The same answer whether or not the address has an account. */
export function ResetLinkSentPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p class="lead">If an account uses that address, we have sent it a link to reset the password.</p>
      <p>
        The link works once, for 1 hour. If nothing arrives in a few minutes, check your spam folder or try
        again.
      </p>
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </>
  );
}

export function ResetPasswordPage(p: FormState & { token: string }) {
  return (
    <>
      <h1>Choose a new password</h1>
      <p>When you save it, you will be signed out everywhere else.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/password/reset" csrfToken={p.csrfToken}>
        <input type="hidden" name="token" value={p.token} />
        <NewPasswordFields state={p} hint={passwordHint} />
        <div class="actions">
          <button type="submit">Save new password</button>
        </div>
      </Form>
    </>
  );
}
