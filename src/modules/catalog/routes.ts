import type { App } from '../../platform/http/app-type.js';
import { latestChangeNumber } from './catalog-repository.js';
import { registerAlertPages } from './http/alert-pages.js';
import { registerCatalogApi } from './http/catalog-api.js';
import { registerCatalogPages } from './http/catalog-pages.js';
import { registerOfferingsApi } from './http/offerings-api.js';
import { registerApprovedCoursePages } from './http/provider-pages.js';
import { PublicPageCache } from './http/public-cache.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The public course catalog (pages, feed, JSON), its email alerts, and the provider members' pages
 * and API for the sessions (offerings) of their approved courses.
 */
export function registerCatalogRoutes(app: App): void {
  const cache = new PublicPageCache(() => latestChangeNumber(app.services.db));
  // Any write this process handled may have changed what the catalog shows: look again next time.
  app.addHook('onResponse', async (req) => {
    if (!READS.has(req.method)) cache.invalidate();
  });
  registerCatalogPages(app, cache);
  registerCatalogApi(app, cache);
  registerAlertPages(app);
  registerApprovedCoursePages(app);
  registerOfferingsApi(app);
}
