import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { e, type FormState, NextField, v } from './common.js';

export function MfaSetupPage(
  p: FormState & { qrDataUri: string; secretForPeople: string; required: boolean; next: string | undefined },
) {
  return (
    <>
      <h1>Set up an authenticator app</h1>
      {p.required && (
        <div class="warning">
          <p>Your role needs an authenticator app. Set it up now to continue.</p>
        </div>
      )}
      <p>Each time you sign in you will enter a code from the app as well as your password.</p>
      <ErrorSummary errors={p.errors} />
      <ol class="steps">
        <li>Install an authenticator app on your phone, if you do not have one.</li>
        <li>
          <p>In the app, add an account by scanning this QR code:</p>
          <img src={p.qrDataUri} alt="QR code for your authenticator app" width={200} height={200} />
          <p>
            Or type this key instead: <code>{p.secretForPeople}</code>
          </p>
        </li>
        <li>Enter the 6-digit code the app now shows.</li>
      </ol>
      <Form action="/account/mfa/setup" csrfToken={p.csrfToken}>
        <NextField next={p.next} />
        <TextField
          name="code"
          label="Code from the app"
          hint="6 digits, for example 123456"
          inputMode="numeric"
          autocomplete="one-time-code"
          width="short"
          value={v(p, 'code')}
          error={e(p, 'code')}
        />
        <div class="actions">
          <button type="submit">Turn on</button>
        </div>
      </Form>
    </>
  );
}
