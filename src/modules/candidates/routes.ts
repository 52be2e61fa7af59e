import type { App } from '../../platform/http/app-type.js';
import { registerDashboardApi } from './http/api.js';
import { registerDashboardPage } from './http/pages.js';

/** The candidate's dashboard: where they stand and what to do next. */
export function registerCandidatesRoutes(app: App): void {
  registerDashboardPage(app);
  registerDashboardApi(app);
}
