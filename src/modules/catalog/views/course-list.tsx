import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../views/format.js';
import { Pagination } from '../../../views/forms.js';
import { deliveryLabels } from '../../courses/labels.js';
import type { CompetencySet } from '../../policy/framework.js';
import type { CatalogListRow } from '../catalog-repository.js';
import { costLabel, dateRange, hoursLabel, placeOf, setLabel } from './labels.js';

/** Catalog courses as cards, in the order given. */
export function CourseCards(p: { rows: CatalogListRow[]; sets: readonly CompetencySet[]; start: number }) {
  return (
    <ol class="cards" start={p.start}>
      {p.rows.map((r) => (
        <li class="card">
          <h3>
            <a href={`/catalog/courses/${r.number}`}>{r.title}</a>
          </h3>
          <p class="hint">
            {r.number} · {r.providerName}
          </p>
          <p>
            {r.summary}
            {r.summary.length >= 280 ? '…' : ''}
          </p>
          <ul>
            <li>{setLabel(p.sets, r.setId)}</li>
            <li>
              {deliveryLabels[r.delivery]}; {hoursLabel(r.contactHours)}; {costLabel(r.costToStudentsCents)}
            </li>
            <li>
              {r.nextOffering
                ? `Next session: ${dateRange(r.nextOffering.startsOn, r.nextOffering.endsOn)}, ${placeOf(r.nextOffering)}`
                : 'No upcoming sessions listed'}
            </li>
            {r.bundleId && <li>Part of a bundle of courses</li>}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** A page of results with its heading, or the empty state; `href` builds the link to another page. */
export function CourseResults(p: {
  rows: CatalogListRow[];
  total: number;
  page: number;
  pageSize: number;
  sets: readonly CompetencySet[];
  order: 'relevance' | 'newest';
  href: (page: number) => string;
  empty: ComponentChildren;
}) {
  if (p.total === 0) return <>{p.empty}</>;
  const first = (p.page - 1) * p.pageSize + 1;
  const last = first + p.rows.length - 1;
  return (
    <>
      <h2 id="results-title">
        {formatNumber(p.total)} {p.total === 1 ? 'course' : 'courses'}
      </h2>
      {p.rows.length === 0 ? (
        <p>
          There is no page {p.page}. <a href={p.href(1)}>Go to the first page</a>.
        </p>
      ) : (
        <>
          <p class="hint">
            {p.order === 'relevance' ? 'Best matches first' : 'Newest approvals first'}; showing{' '}
            {formatNumber(first)} to {formatNumber(last)}.
          </p>
          <CourseCards rows={p.rows} sets={p.sets} start={first} />
        </>
      )}
      <Pagination page={p.page} pageSize={p.pageSize} total={p.total} href={p.href} />
    </>
  );
}
