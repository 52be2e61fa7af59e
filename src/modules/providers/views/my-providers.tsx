import { memberRoleLabels, providerTypeLabels } from '../forms.js';
import type { ProviderRow } from '../repository.js';
import type { ProviderMemberRole } from '../schema.js';

/** The organisations a person belongs to (shown when there is none or several; one redirects to it). */
export function MyProvidersPage({
  items,
}: {
  items: Array<{ provider: ProviderRow; role: ProviderMemberRole }>;
}) {
  return (
    <>
      <h1>Your organisations</h1>
      {items.length === 0 ? (
        <>
          <p>You do not belong to a course provider yet.</p>
          <p>
            If your organisation offers courses for library support staff,{' '}
            <a href="/providers/register">register it</a>. If it is already registered, ask one of its
            administrators to invite you.
          </p>
        </>
      ) : (
        <>
          <ul>
            {items.map(({ provider, role }) => (
              <li>
                <a href={`/provider/${provider.id}`}>{provider.name}</a> ({providerTypeLabels[provider.type]},{' '}
                {provider.region}) · {memberRoleLabels[role]}
              </li>
            ))}
          </ul>
          <p>
            <a href="/providers/register">Register another organisation</a>
          </p>
        </>
      )}
    </>
  );
}
