import { formatDateTime } from '../../../views/format.js';
import { Form } from '../../../views/forms.js';
import { providerTypeLabels } from '../forms.js';
import type { InvitationView } from '../use-cases/accept-invitation.js';

/** What the person is about to accept, and the button (a POST: opening a link never changes anything). */
export function InvitationPage({
  view,
  token,
  csrfToken,
}: {
  view: InvitationView;
  token: string;
  csrfToken: string;
}) {
  const { provider, invitation } = view;
  return (
    <>
      <h1>Join {provider.name}</h1>
      <p>
        You are invited to join {provider.name} ({providerTypeLabels[provider.type]}, {provider.city},{' '}
        {provider.region}) as {invitation.role === 'admin' ? 'an administrator' : 'a member'}. Members manage
        the organisation's profile and its courses.
      </p>
      <p class="hint">This invitation expires on {formatDateTime(invitation.expiresAt)}.</p>
      {view.alreadyMember ? (
        <p>
          You are already a member. <a href={`/provider/${provider.id}`}>Go to {provider.name}</a>.
        </p>
      ) : (
        <Form action="/invitations/accept" csrfToken={csrfToken}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">Accept the invitation</button>
        </Form>
      )}
    </>
  );
}
