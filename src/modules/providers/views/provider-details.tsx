import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../views/format.js';
import { countryName } from '../../applications/countries.js';
import { memberRoleLabels, providerTypeLabels } from '../forms.js';
import type { MemberRow, ProviderRow } from '../repository.js';

/** The profile as a summary list; shared by the members' page and the staff page. */
export function ProviderDetails({ provider: p }: { provider: ProviderRow }) {
  const rows: Array<[string, string | null]> = [
    ['Kind of organisation', providerTypeLabels[p.type]],
    ['Town or city', p.city],
    ['State, province or region', p.region],
    ['Country', countryName(p.country)],
    ['Contact email address', p.contactEmail],
    ['Website', p.website],
    ['Phone number', p.phone],
    ['About the organisation', p.description],
  ];
  return (
    <dl class="summary">
      {rows.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value || 'Not given'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Members in a table; the last column holds actions when given. */
export function MembersTable(p: { members: MemberRow[]; action?: (m: MemberRow) => ComponentChildren }) {
  return (
    <table>
      <caption>Administrators first</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email address</th>
          <th scope="col">Role</th>
          <th scope="col">Added</th>
          {p.action && <th scope="col">Action</th>}
        </tr>
      </thead>
      <tbody>
        {p.members.map((m) => (
          <tr>
            <th scope="row">{m.displayName}</th>
            <td>{m.email}</td>
            <td>{memberRoleLabels[m.role]}</td>
            <td>{formatDateTime(m.addedAt)}</td>
            {p.action && <td>{p.action(m)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
