import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { e, type FormState, NextField, v } from './common.js';

export function SignInPage(p: FormState & { next: string | undefined }) {
  return (
    <>
      <h1>Sign in</h1>
      <ErrorSummary errors={p.errors} />
      <Form action="/sign-in" csrfToken={p.csrfToken}>
        <NextField next={p.next} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autocomplete="username"
          value={v(p, 'email')}
          error={e(p, 'email')}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={e(p, 'password')}
        />
        <div class="actions">
          <button type="submit">Sign in</button>
          <a href="/password/forgot">Forgot your password?</a>
        </div>
      </Form>
      <h2>New to the program?</h2>
      <p>
        <a href="/sign-up">Create an account</a> to apply for certification.
      </p>
    </>
  );
}

export function MfaCodePage(p: FormState & { next: string | undefined }) {
  return (
    <>
      <h1>Enter your authenticator code</h1>
      <p>Open the authenticator app on your phone and enter the 6-digit code it shows for this program.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/sign-in/mfa" csrfToken={p.csrfToken}>
        <NextField next={p.next} />
        <TextField
          name="code"
          label="Code"
          hint="6 digits, for example 123456"
          inputMode="numeric"
          autocomplete="one-time-code"
          width="short"
          value={v(p, 'code')}
          error={e(p, 'code')}
        />
        <div class="actions">
          <button type="submit">Continue</button>
        </div>
      </Form>
      <h2>Cannot use your app?</h2>
      <p>
        If you have lost your phone, contact the program office: staff can remove the app from your account
        after checking who you are.
      </p>
      <form method="post" action="/sign-out">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <button type="submit" class="secondary">
          Sign out
        </button>
      </form>
    </>
  );
}
