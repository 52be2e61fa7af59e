import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import type { CompetencySet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import {
  type CatalogFilter,
  type CatalogListRow,
  findCatalogProvider,
  type ProviderRow,
  searchCatalog,
} from '../catalog-repository.js';
import { CATALOG_PAGE_SIZE, type CatalogQuery, catalogQuerySchema } from '../forms.js';

export interface CatalogSearchResult {
  query: CatalogQuery;
  rows: CatalogListRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Sorted by relevance (a search) or by newest approval. */
  order: 'relevance' | 'newest';
  /** The competency sets of the active framework, for the filter and the labels. */
  sets: CompetencySet[];
  /** The provider the list is narrowed to, when it is. */
  provider: ProviderRow | null;
  today: CalendarDate;
}

/**
 * The public catalog: courses approved today, found by words (course text or provider name) and
 * filters, a page at a time with the exact total. Anyone may search; nothing here is personal.
 */
export async function searchCatalogCourses(ctx: Ctx, raw: unknown): Promise<CatalogSearchResult> {
  const query = parseInput(catalogQuerySchema, raw ?? {});
  const { framework } = await getActiveProgramData(ctx);
  const sets = framework.framework.framework.sets;
  if (query.set && !sets.some((s) => s.id === query.set))
    throw validationFailed({ set: 'Choose a competency set from the list' });
  let provider: ProviderRow | null = null;
  if (query.provider) {
    provider = UUID_PATTERN.test(query.provider)
      ? ((await findCatalogProvider(ctx.db, query.provider)) ?? null)
      : null;
    if (!provider) throw validationFailed({ provider: 'That provider was not found' });
  }
  const filter: CatalogFilter = {
    q: query.q || null,
    setId: query.set || null,
    delivery: query.delivery || null,
    state: query.state || null,
    providerType: query.providerType || null,
    providerId: provider?.id ?? null,
    upcoming: query.upcoming === 'yes',
  };
  const today = ctx.clock.today();
  const { rows, total } = await searchCatalog(ctx.db, filter, today, {
    limit: CATALOG_PAGE_SIZE,
    offset: (query.page - 1) * CATALOG_PAGE_SIZE,
  });
  return {
    query,
    rows,
    total,
    page: query.page,
    pageSize: CATALOG_PAGE_SIZE,
    order: filter.q ? 'relevance' : 'newest',
    sets,
    provider,
    today,
  };
}
