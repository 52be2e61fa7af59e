import type { FieldErrors } from '../../../platform/errors.js';
import { TextField } from '../../../views/forms.js';

/** What every account form page receives: the CSRF token, what was typed, and the problems. */
export interface FormState {
  csrfToken: string;
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
}

export const v = (s: FormState, name: string) => s.values?.[name];
export const e = (s: FormState, name: string) => s.errors?.[name];

export function NextField({ next }: { next: string | undefined }) {
  return next ? <input type="hidden" name="next" value={next} /> : null;
}

export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** When a mailed link is expired, used up or mistyped. */
export function LinkProblemPage(p: { message: string; again?: { href: string; label: string } }) {
  return (
    <>
      <h1>This link cannot be used</h1>
      <p>{p.message}</p>
      <p>
        Links in our emails work once, and only for a limited time. If you asked more than once, use the
        newest email.
      </p>
      {p.again && (
        <p>
          <a href={p.again.href}>{p.again.label}</a>
        </p>
      )}
    </>
  );
}

export function TooManyAttemptsPage({ message }: { message: string }) {
  return (
    <>
      <h1>Too many attempts</h1>
      <p>{message}</p>
      <ul>
        <li>
          <a href="/password/forgot">Reset your password</a>
        </li>
        <li>
          <a href="/">Go to the home page</a>
        </li>
      </ul>
    </>
  );
}

/** A new password and its confirmation, the same on sign-up, reset and change. */
export function NewPasswordFields(p: { state: FormState; hint: string; fresh?: boolean }) {
  const word = p.fresh ? 'password' : 'new password';
  return (
    <>
      <TextField
        name="password"
        label={p.fresh ? 'Password' : 'New password'}
        hint={p.hint}
        type="password"
        autocomplete="new-password"
        error={e(p.state, 'password')}
      />
      <TextField
        name="confirmPassword"
        label={`Type the ${word} again`}
        type="password"
        autocomplete="new-password"
        error={e(p.state, 'confirmPassword')}
      />
    </>
  );
}
