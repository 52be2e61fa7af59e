import { formatDateTime, formatNumber } from '../../../views/format.js';
import { Pagination } from '../../../views/forms.js';
import { rosterStatusLabels } from '../roster-labels.js';
import type { RosterImportWithProvider } from '../roster-repository.js';
import type { RosterList } from '../use-cases/view-roster.js';

export const rosterName = (r: Pick<RosterImportWithProvider, 'fileName' | 'source'>) =>
  r.fileName ?? (r.source === 'api' ? 'Sent through the API' : 'Uploaded roster');

export function RosterTable(p: { base: string; items: RosterImportWithProvider[]; showProvider: boolean }) {
  return (
    <table>
      <caption class="visually-hidden">Rosters, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Roster</th>
          {p.showProvider && <th scope="col">Organisation</th>}
          <th scope="col">Sent</th>
          <th scope="col">Status</th>
          <th scope="col">Rows</th>
          <th scope="col">Matched</th>
          <th scope="col">Not found</th>
          <th scope="col">Not valid</th>
          <th scope="col">Duplicates</th>
        </tr>
      </thead>
      <tbody>
        {p.items.map((r) => (
          <tr>
            <td>
              <a href={`${p.base}/${r.id}`}>{rosterName(r)}</a>
            </td>
            {p.showProvider && <td>{r.providerName}</td>}
            <td>
              {formatDateTime(r.createdAt)} by {r.uploadedByName}
            </td>
            <td>{rosterStatusLabels[r.status]}</td>
            <td>{formatNumber(r.totalRows)}</td>
            <td>{formatNumber(r.matchedRows)}</td>
            <td>{formatNumber(r.unmatchedRows)}</td>
            <td>{formatNumber(r.invalidRows)}</td>
            <td>{formatNumber(r.duplicateRows)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A provider member's rosters (all their organisations), or every roster for staff. */
export function RosterListPage(p: { staff: boolean; list: RosterList }) {
  const base = p.staff ? '/staff/rosters' : '/provider/rosters';
  const { list } = p;
  const noProvider = !p.staff && list.providers.length === 0;
  return (
    <>
      <p>{p.staff ? <a href="/staff">Staff home</a> : <a href="/provider">Your organisation</a>}</p>
      <h1>{p.staff ? 'Completion rosters' : 'Your completion rosters'}</h1>
      {noProvider ? (
        <p>
          Only members of a course provider can report completions.{' '}
          <a href="/providers/register">Register your organisation</a> or ask its administrator to invite you.
        </p>
      ) : (
        <>
          <p>
            {p.staff
              ? 'Rosters of completions sent by every provider. Members of a provider confirm its rosters; you can read them and match held rows.'
              : 'Providers report who completed their approved courses by sending a roster. Each roster is previewed first, and recorded only when a member confirms it.'}
          </p>
          <div class="actions">
            {!p.staff && (
              <a class="button" href="/provider/rosters/new">
                Upload a roster
              </a>
            )}
            <a href={`${base}/held`}>Held rows (candidates not found yet)</a>
          </div>
          {list.total === 0 ? (
            <p>No rosters have been sent yet.</p>
          ) : (
            <>
              <RosterTable
                base={base}
                items={list.items}
                showProvider={p.staff || list.providers.length > 1}
              />
              <Pagination
                page={list.page}
                pageSize={list.pageSize}
                total={list.total}
                href={(n) => (n > 1 ? `${base}?page=${n}` : base)}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
