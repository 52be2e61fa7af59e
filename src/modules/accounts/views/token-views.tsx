import { formatDateTime } from '../../../views/format.js';
import { ErrorSummary, Form, TextField } from '../../../views/forms.js';
import type { CreatedAccessToken } from '../use-cases/create-access-token.js';
import type { AccessTokenSummary } from '../use-cases/list-access-tokens.js';
import { e, type FormState, v } from './common.js';

function expiry(t: AccessTokenSummary, now: Date) {
  if (!t.expiresAt) return 'Never';
  return t.expiresAt <= now ? `Expired ${formatDateTime(t.expiresAt)}` : formatDateTime(t.expiresAt);
}

export function TokensPage(
  p: FormState & { tokens: AccessTokenSummary[]; created?: CreatedAccessToken | undefined; now: Date },
) {
  return (
    <>
      <h1>Personal access tokens</h1>
      <p>
        A token lets a program use the <a href="/api/docs">API</a> as you. Send it in the header{' '}
        <code>Authorization: Bearer</code> followed by the token. Keep it secret, like a password.
      </p>
      {p.created && (
        <div class="notice" role="status">
          <h2>Your new token "{p.created.name}"</h2>
          <p>Copy it now. We do not keep it, so this is the only time it is shown.</p>
          <p>
            <label for="new-token">Token</label>
            <br />
            <input id="new-token" type="text" readOnly value={p.created.token} />
          </p>
        </div>
      )}
      <h2>Your tokens</h2>
      {p.tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Your personal access tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                <td>{expiry(t, p.now)}</td>
                <td>
                  <Form action={`/account/tokens/${t.id}/revoke`} csrfToken={p.csrfToken}>
                    <button type="submit" class="secondary">
                      Revoke<span class="visually-hidden"> {t.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Create a token</h2>
      <ErrorSummary errors={p.errors} />
      <Form action="/account/tokens" csrfToken={p.csrfToken}>
        <TextField
          name="name"
          label="Name"
          hint="What the token is for, for example: course completions upload"
          value={v(p, 'name')}
          error={e(p, 'name')}
        />
        <TextField
          name="expiresInDays"
          label="Expires after (days, optional)"
          hint="From 1 to 365. Leave empty for a token that works until you revoke it."
          inputMode="numeric"
          width="short"
          value={v(p, 'expiresInDays')}
          error={e(p, 'expiresInDays')}
        />
        <div class="actions">
          <button type="submit">Create token</button>
        </div>
      </Form>
    </>
  );
}
