import type { App } from '../../platform/http/app-type.js';
import { registerProvidersApi } from './http/api.js';
import { registerProviderPages } from './http/pages.js';
import { registerStaffProviderPages } from './http/staff-pages.js';

/** Course providers and their members: pages (no JavaScript needed), staff pages and the /api/v1 API. */
export function registerProvidersRoutes(app: App): void {
  registerProviderPages(app);
  registerStaffProviderPages(app);
  registerProvidersApi(app);
}
