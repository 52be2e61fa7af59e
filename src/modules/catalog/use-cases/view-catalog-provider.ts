import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { type CatalogSearchResult, searchCatalogCourses } from './search-catalog.js';

const providerNotFound = () => notFound('That provider');

/**
 * A provider's public page: its profile and its courses in the catalog. Only providers with at least
 * one approved course have one, so registering an organisation does not by itself publish anything.
 */
export async function viewCatalogProvider(
  ctx: Ctx,
  providerId: string,
  page: unknown,
): Promise<CatalogSearchResult & { provider: NonNullable<CatalogSearchResult['provider']> }> {
  if (!UUID_PATTERN.test(providerId)) throw providerNotFound();
  let result: CatalogSearchResult;
  try {
    result = await searchCatalogCourses(ctx, { provider: providerId, page });
  } catch (err) {
    // An unknown provider id is a filter problem on the catalog page, but "not found" here.
    if (err instanceof DomainError && err.fields?.provider) throw providerNotFound();
    throw err;
  }
  if (result.total === 0 || !result.provider) throw providerNotFound();
  return { ...result, provider: result.provider };
}
