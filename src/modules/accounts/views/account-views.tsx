import type { UserActor } from '../../../platform/context.js';
import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { needsMfa } from '../access.js';
import { e, type FormState, NewPasswordFields, v } from './common.js';
import { passwordHint } from './sign-up-views.js';

const roleNames: Record<string, string> = {
  candidate: 'Candidate',
  staff: 'Program staff',
  admin: 'Administrator',
  portfolio_evaluator: 'Portfolio evaluator',
  course_evaluator: 'Course evaluator',
  provider_member: 'Course provider',
  college_member: 'College',
  institution_contact: 'Institution contact',
  appeals_member: 'Appeals panel member',
};

export function AccountPage({ actor, csrfToken }: { actor: UserActor; csrfToken: string }) {
  const mfaRequired = needsMfa(actor.roles);
  return (
    <>
      <h1>Your account</h1>
      <dl class="summary">
        <div>
          <dt>Name</dt>
          <dd>{actor.displayName}</dd>
          <dd />
        </div>
        <div>
          <dt>Email address</dt>
          <dd>
            {actor.email}{' '}
            {actor.emailVerified ? (
              <span class="tag ok">Confirmed</span>
            ) : (
              <span class="tag warn">Not confirmed yet</span>
            )}
          </dd>
          <dd>
            <a href="/account/email">
              Change<span class="visually-hidden"> email address</span>
            </a>{' '}
            <a href="/account/emails">Add or manage addresses</a>
          </dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{actor.roles.map((r) => roleNames[r] ?? r).join(', ')}</dd>
          <dd />
        </div>
        <div>
          <dt>Authenticator app</dt>
          <dd>
            {actor.mfaEnrolled ? (
              <span class="tag ok">On</span>
            ) : mfaRequired ? (
              <span class="tag bad">Required for your role, not set up</span>
            ) : (
              <span class="tag">Off</span>
            )}
          </dd>
          <dd>
            {!actor.mfaEnrolled && <a href="/account/mfa/setup">Set up</a>}
            {actor.mfaEnrolled && !mfaRequired && (
              <a href="/account/mfa/disable">
                Remove<span class="visually-hidden"> authenticator app</span>
              </a>
            )}
          </dd>
        </div>
        <div>
          <dt>Password</dt>
          <dd>Set</dd>
          <dd>
            <a href="/account/password">
              Change<span class="visually-hidden"> password</span>
            </a>
          </dd>
        </div>
      </dl>
      {!actor.emailVerified && (
        <div class="warning">
          <p>
            Please confirm your email address with the link we sent you. You need to confirm it before you can
            apply.
          </p>
          <Form action="/verify-email/resend" csrfToken={csrfToken}>
            <button type="submit" class="secondary">
              Send the link again
            </button>
          </Form>
        </div>
      )}
      <h2>API access</h2>
      <p>
        <a href="/account/tokens">Personal access tokens</a> let programs use the <a href="/api/docs">API</a>{' '}
        as you.
      </p>
    </>
  );
}

export function ChangePasswordPage(p: FormState) {
  return (
    <>
      <h1>Change your password</h1>
      <p>You will stay signed in here and be signed out everywhere else.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/account/password" csrfToken={p.csrfToken}>
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
          error={e(p, 'currentPassword')}
        />
        <NewPasswordFields state={p} hint={passwordHint} />
        <div class="actions">
          <button type="submit">Change password</button>
          <a href="/account">Cancel</a>
        </div>
      </Form>
    </>
  );
}

export function ChangeEmailPage(p: FormState & { currentEmail: string }) {
  return (
    <>
      <h1>Change your email address</h1>
      <p>
        Your account uses {p.currentEmail}. We will send a link to the new address; the change happens when
        you open it.
      </p>
      <ErrorSummary errors={p.errors} />
      <Form action="/account/email" csrfToken={p.csrfToken}>
        <TextField
          name="newEmail"
          label="New email address"
          type="email"
          autocomplete="email"
          value={v(p, 'newEmail')}
          error={e(p, 'newEmail')}
        />
        <TextField
          name="currentPassword"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={e(p, 'currentPassword')}
        />
        <div class="actions">
          <button type="submit">Send the link</button>
          <a href="/account">Cancel</a>
        </div>
      </Form>
    </>
  );
}

export function ConfirmEmailChangePage(p: { csrfToken: string; token: string; newEmail: string }) {
  return (
    <>
      <h1>Confirm your new email address</h1>
      <p>Your account will use {p.newEmail} from now on, and you will be signed out on your other devices.</p>
      <Form action="/account/email/confirm" csrfToken={p.csrfToken}>
        <input type="hidden" name="token" value={p.token} />
        <button type="submit">Use this address</button>
      </Form>
    </>
  );
}

export function DisableMfaPage(p: FormState) {
  return (
    <>
      <h1>Remove your authenticator app</h1>
      <p>Without it, anyone who learns your password can sign in as you. Enter your password to remove it.</p>
      <ErrorSummary errors={p.errors} />
      <Form action="/account/mfa/disable" csrfToken={p.csrfToken}>
        <TextField
          name="currentPassword"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={e(p, 'currentPassword')}
        />
        <div class="actions">
          <button type="submit" class="danger">
            Remove the app
          </button>
          <a href="/account">Cancel</a>
        </div>
      </Form>
    </>
  );
}
