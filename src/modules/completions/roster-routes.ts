import type { App } from '../../platform/http/app-type.js';
import { registerRosterApi } from './http/roster-api.js';
import { registerRosterHeldPages } from './http/roster-held-pages.js';
import { registerRosterPages } from './http/roster-pages.js';

/** Completion rosters: providers' pages (no JavaScript needed), staff's pages and /api/v1 rosters. */
export function registerRosterRoutes(app: App): void {
  registerRosterPages(app);
  registerRosterHeldPages(app);
  registerRosterApi(app);
}
