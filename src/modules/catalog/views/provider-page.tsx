import { countryName } from '../../applications/countries.js';
import { providerTypeLabels } from '../../providers/forms.js';
import type { CatalogSearchResult } from '../use-cases/search-catalog.js';
import { catalogHref } from './catalog-page.js';
import { CourseResults } from './course-list.js';
import { isWebLink } from './labels.js';

export function CatalogProviderPage({
  view,
}: {
  view: CatalogSearchResult & { provider: NonNullable<CatalogSearchResult['provider']> };
}) {
  const p = view.provider;
  const place = [p.city, p.region, countryName(p.country)].filter(Boolean).join(', ');
  return (
    <>
      <p>
        <a href="/catalog">Back to the catalog</a>
      </p>
      <h1>{p.name}</h1>
      <p class="hint">
        {providerTypeLabels[p.type]} · {place}
      </p>
      {p.description && <p>{p.description}</p>}
      <h2>Contact</h2>
      <dl class="summary">
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
          </dd>
        </div>
        {isWebLink(p.website) && (
          <div>
            <dt>Website</dt>
            <dd>
              <a href={p.website}>{p.website}</a>
            </dd>
          </div>
        )}
        {p.phone && (
          <div>
            <dt>Phone</dt>
            <dd>{p.phone}</dd>
          </div>
        )}
      </dl>
      <CourseResults
        rows={view.rows}
        total={view.total}
        page={view.page}
        pageSize={view.pageSize}
        sets={view.sets}
        order={view.order}
        href={(n) => (n > 1 ? `/catalog/providers/${p.id}?page=${n}` : `/catalog/providers/${p.id}`)}
        empty={null}
      />
      <p>
        <a href={catalogHref({ provider: p.id })}>Search and filter this provider’s courses</a>
      </p>
    </>
  );
}
