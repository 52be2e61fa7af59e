import type { FieldErrors } from '../../../platform/errors.js';
import { formatDateTime } from '../../../views/format.js';
import { ChoiceField, ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { memberRoleLabels, providerTypeLabels } from '../forms.js';
import type { ProviderRow } from '../repository.js';
import type { ProviderMemberRole } from '../schema.js';
import type { ProviderView } from '../use-cases/view-provider.js';
import { MembersTable, ProviderDetails } from './provider-details.js';

export interface ProviderPageState {
  csrfToken: string;
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
  /** A refusal not tied to a field, e.g. removing the last administrator. */
  formError?: string | undefined;
}

/** The organisation as its members see it: profile, members, invitations, and what they may do. */
export function ProviderPage({ view, state }: { view: ProviderView; state: ProviderPageState }) {
  const { provider: p, role } = view;
  const isAdmin = role === 'admin';
  const base = `/provider/${p.id}`;
  return (
    <>
      <p>
        <a href="/provider">Your organisations</a>
      </p>
      <h1>{p.name}</h1>
      {state.formError && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>That cannot be done</h2>
          <p>{state.formError}</p>
        </div>
      )}
      <ErrorSummary errors={state.errors} />
      <p class="lead">
        {providerTypeLabels[p.type]} · you are {role === 'admin' ? 'an administrator' : 'a member'}
      </p>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <ProviderDetails provider={p} />
        <p>
          <a href={`${base}/edit`}>Edit the profile</a>
        </p>
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <MembersTable
          members={view.members}
          action={
            isAdmin
              ? (m) =>
                  m.userId === view.viewerId ? (
                    'You'
                  ) : (
                    <Form action={`${base}/members/${m.userId}/remove`} csrfToken={state.csrfToken}>
                      <button type="submit" class="secondary">
                        Remove <span class="visually-hidden">{m.displayName}</span>
                      </button>
                    </Form>
                  )
              : undefined
          }
        />
      </section>
      <Invitations view={view} state={state} isAdmin={isAdmin} />
      <LeaveSection provider={p} role={role} csrfToken={state.csrfToken} />
    </>
  );
}

function Invitations({
  view,
  state,
  isAdmin,
}: {
  view: ProviderView;
  state: ProviderPageState;
  isAdmin: boolean;
}) {
  const base = `/provider/${view.provider.id}`;
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations waiting for an answer</h2>
      {view.invitations.length === 0 ? (
        <p>There are no open invitations.</p>
      ) : (
        <table>
          <caption>Each link works once, until it expires</caption>
          <thead>
            <tr>
              <th scope="col">Email address</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              {isAdmin && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {view.invitations.map((i) => (
              <tr>
                <th scope="row">{i.email}</th>
                <td>{memberRoleLabels[i.role]}</td>
                <td>{formatDateTime(i.expiresAt)}</td>
                {isAdmin && (
                  <td>
                    <Form action={`${base}/invitations/${i.id}/revoke`} csrfToken={state.csrfToken}>
                      <button type="submit" class="secondary">
                        Withdraw <span class="visually-hidden">the invitation to {i.email}</span>
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isAdmin && (
        <>
          <h3>Invite someone</h3>
          <p>
            We email them a link that works for 14 days. They accept it signed in with that email address.
          </p>
          <Form action={`${base}/invitations`} csrfToken={state.csrfToken}>
            <TextField
              name="email"
              label="Their email address"
              type="email"
              value={state.values?.email}
              error={state.errors?.email}
            />
            <ChoiceField
              name="role"
              legend="Their role"
              hint="Administrators can also invite and remove people."
              options={[
                ['member', 'Member'],
                ['admin', 'Administrator'],
              ]}
              value={state.values?.role || 'member'}
              error={state.errors?.role}
              inline
            />
            <button type="submit">Send the invitation</button>
          </Form>
        </>
      )}
    </section>
  );
}

function LeaveSection(p: { provider: ProviderRow; role: ProviderMemberRole | null; csrfToken: string }) {
  return (
    <section aria-labelledby="leave-title">
      <h2 id="leave-title">Leave this organisation</h2>
      <p>
        You will no longer be able to manage its profile or courses.
        {p.role === 'admin' && ' If you are its only administrator, invite another administrator first.'}
      </p>
      <Form action={`/provider/${p.provider.id}/leave`} csrfToken={p.csrfToken}>
        <button type="submit" class="secondary">
          Leave {p.provider.name}
        </button>
      </Form>
    </section>
  );
}
