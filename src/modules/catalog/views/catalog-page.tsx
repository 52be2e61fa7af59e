import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, SelectField, TextField } from '../../../views/forms.js';
import type { CompetencySet } from '../../policy/framework.js';
import { providerTypeOptions } from '../../providers/forms.js';
import { deliveryFilterLabels, deliveryFilters } from '../forms.js';
import { usStates } from '../us-states.js';
import type { CatalogSearchResult } from '../use-cases/search-catalog.js';
import { CourseResults } from './course-list.js';

const filterNames = ['q', 'set', 'delivery', 'state', 'providerType', 'provider', 'upcoming'] as const;
export type CatalogValues = Partial<Record<(typeof filterNames)[number], string>>;

/** The catalog address for these filters and page: filters live in the URL, so a search can be shared. */
export function catalogHref(v: CatalogValues, page = 1, base = '/catalog'): string {
  const params = new URLSearchParams();
  for (const key of filterNames) if (v[key]) params.set(key, v[key]);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

const deliveryOptions = deliveryFilters.map((d) => [d, deliveryFilterLabels[d]] as const);

export function CatalogPage(p: {
  values: CatalogValues;
  errors?: FieldErrors | undefined;
  sets: readonly CompetencySet[];
  providerName?: string | undefined;
  result: CatalogSearchResult | null;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  const filtered = filterNames.some((k) => v[k]);
  return (
    <>
      <h1>Approved course catalog</h1>
      <p class="lead">
        Every course here is approved by the program and covers all the competencies of one competency set.
        Completing one is a way to achieve that set.
      </p>
      <p>
        <a href="/catalog/alerts">Get an email when new courses are approved</a> ·{' '}
        <a href="/catalog/feed.atom">Feed of newly approved courses (Atom)</a>
      </p>
      <ErrorSummary errors={p.errors} />
      <form method="get" action="/catalog" class="filters" aria-label="Search the catalog">
        <div class="search-row">
          <TextField
            name="q"
            label="Search words"
            hint="In the title, the description or the provider’s name"
            type="search"
            value={v.q}
            error={e.q}
          />
          <SelectField
            name="set"
            label="Competency set"
            options={p.sets.map((s) => [s.id, `${s.code} ${s.title}`] as const)}
            placeholder="Any set"
            value={v.set}
            error={e.set}
          />
          <SelectField
            name="delivery"
            label="How it is taught"
            options={deliveryOptions}
            placeholder="Online or face to face"
            value={v.delivery}
            error={e.delivery}
          />
          <SelectField
            name="state"
            label="Sessions in state"
            options={usStates}
            placeholder="Any state"
            value={v.state}
            error={e.state}
          />
          <SelectField
            name="providerType"
            label="Kind of provider"
            options={providerTypeOptions}
            placeholder="Any kind"
            value={v.providerType}
            error={e.providerType}
          />
        </div>
        <ChoiceField
          name="upcoming"
          legend="Sessions"
          type="checkbox"
          options={[['yes', 'Only courses with a session starting today or later']]}
          value={v.upcoming}
          error={e.upcoming}
        />
        {v.provider && (
          <p>
            <input type="hidden" name="provider" value={v.provider} />
            Only courses from {p.providerName ?? 'one provider'}.{' '}
            <a href={catalogHref({ ...v, provider: '' })}>Show every provider</a>
          </p>
        )}
        <div class="actions">
          <button type="submit">Search</button>
          {filtered && <a href="/catalog">Clear all filters</a>}
        </div>
      </form>
      {p.result && (
        <CourseResults
          rows={p.result.rows}
          total={p.result.total}
          page={p.result.page}
          pageSize={p.result.pageSize}
          sets={p.sets}
          order={p.result.order}
          href={(n) => catalogHref(v, n)}
          empty={
            <>
              <h2 id="results-title">No courses found</h2>
              {filtered ? (
                <p>
                  No approved course matches {v.q ? 'these words and filters' : 'these filters'}. Try other
                  words or fewer filters, or <a href="/catalog">clear all filters</a>.
                </p>
              ) : (
                <p>No courses are approved yet. New courses appear here as soon as they are approved.</p>
              )}
              <p>
                <a href="/catalog/alerts">Get an email when new courses are approved</a>.
              </p>
            </>
          }
        />
      )}
    </>
  );
}
