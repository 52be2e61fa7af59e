import { formatDate, formatNumber } from '../../../views/format.js';
import { Pagination, SelectField } from '../../../views/forms.js';
import type { ClaimDetail } from '../claim-repository.js';
import type { ClaimListPage } from '../use-cases/list-completion-claims.js';
import { waitedFor } from './claim-labels.js';

/** The table of waiting claims shared by the provider's and the staff list. */
function ClaimTable(p: {
  r: ClaimListPage;
  today: string;
  claimHref: (c: ClaimDetail) => string;
  showProvider: boolean;
  pageHref: (page: number) => string;
}) {
  const first = (p.r.page - 1) * p.r.pageSize + 1;
  const last = first + p.r.items.length - 1;
  if (p.r.items.length === 0)
    return (
      <p>
        There is no page {p.r.page}. <a href={p.pageHref(1)}>Go to the first page</a>.
      </p>
    );
  return (
    <>
      <table>
        <caption>
          Oldest first; showing {formatNumber(first)} to {formatNumber(last)} of {formatNumber(p.r.total)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Course</th>
            <th scope="col">Completed on</th>
            <th scope="col">Note</th>
            <th scope="col">Proof</th>
            <th scope="col">Waiting</th>
          </tr>
        </thead>
        <tbody>
          {p.r.items.map((c) => (
            <tr>
              <th scope="row">
                <a href={p.claimHref(c)}>{c.candidate.displayName}</a>
                {c.candidate.applicationNumber && (
                  <>
                    <br />
                    <span class="hint">{c.candidate.applicationNumber}</span>
                  </>
                )}
              </th>
              <td>
                <strong>{c.course.number}</strong> {c.course.title}
                {p.showProvider && (
                  <>
                    <br />
                    <span class="hint">{c.providerName}</span>
                  </>
                )}
              </td>
              <td>{formatDate(c.completion.completedOn)}</td>
              <td>{c.completion.claimNote ?? '—'}</td>
              <td>
                {c.completion.proofFileName ? (
                  <a href={`/completion-claims/${c.completion.id}/proof`}>
                    {c.completion.proofFileName}
                    <span class="visually-hidden"> (proof from {c.candidate.displayName})</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
              <td>{waitedFor(c.completion.createdAt, p.today)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={p.r.page} pageSize={p.r.pageSize} total={p.r.total} href={p.pageHref} />
    </>
  );
}

export function ProviderClaimListPage(p: {
  r: ClaimListPage & { providers: Array<{ id: string; name: string }> };
  today: string;
}) {
  return (
    <>
      <p>
        <a href="/provider">My organisation</a>
      </p>
      <h1>Completion claims</h1>
      <p>
        Candidates who took your approved courses report completing them, with a proof. Check each claim
        against your records, then confirm it or reject it with a reason. The candidate is told either way.
      </p>
      {p.r.providers.length === 0 ? (
        <p>
          Only members of a course provider see completion claims.{' '}
          <a href="/providers/register">Register your organisation</a> or ask its administrator to invite you.
        </p>
      ) : p.r.total === 0 && p.r.page === 1 ? (
        <p>No claims are waiting for you. New claims appear here, and each member gets an email.</p>
      ) : (
        <ClaimTable
          r={p.r}
          today={p.today}
          claimHref={(c) => `/provider/claims/${c.completion.id}`}
          showProvider={p.r.providers.length > 1}
          pageHref={(page) => (page > 1 ? `/provider/claims?page=${page}` : '/provider/claims')}
        />
      )}
    </>
  );
}

export function StaffClaimListPage(p: {
  r: ClaimListPage & {
    providerId: string | null;
    providers: Array<{ id: string; name: string; pending: number }>;
  };
  today: string;
}) {
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    if (p.r.providerId) q.set('providerId', p.r.providerId);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return s ? `/staff/completion-claims?${s}` : '/staff/completion-claims';
  };
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Completion claims</h1>
      <p>
        Claims waiting for the provider to confirm, oldest first. When a provider does not answer, check the
        proof and verify the claim, or reject it with a reason.
      </p>
      <form method="get" action="/staff/completion-claims" class="filters" aria-label="Filter claims">
        <SelectField
          name="providerId"
          label="Provider"
          options={p.r.providers.map((v) => [v.id, `${v.name} (${formatNumber(v.pending)})`] as const)}
          placeholder="All providers"
          value={p.r.providerId ?? ''}
        />
        <div class="actions">
          <button type="submit">Apply filter</button>
          <a href="/staff/completion-claims">Clear filter</a>
        </div>
      </form>
      {p.r.total === 0 && p.r.page === 1 ? (
        <p>No claims are waiting{p.r.providerId ? ' for this provider' : ''}.</p>
      ) : (
        <ClaimTable
          r={p.r}
          today={p.today}
          claimHref={(c) => `/staff/completion-claims/${c.completion.id}`}
          showProvider
          pageHref={pageHref}
        />
      )}
    </>
  );
}
