import type { App } from '../../../platform/http/app-type.js';
import { registerPrereviewApi } from './prereview-api.js';
import { registerPrereviewPages } from './prereview-pages.js';
import { registerWebinarApi } from './webinar-api.js';
import { registerWebinarPages } from './webinar-pages.js';

/** Pre-review of portfolios by program staff, and portfolio webinars: pages and /api/v1. */
export function registerPortfolioStaffRoutes(app: App): void {
  registerPrereviewPages(app);
  registerPrereviewApi(app);
  registerWebinarPages(app);
  registerWebinarApi(app);
}
