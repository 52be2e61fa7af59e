import type { App } from '../../platform/http/app-type.js';
import { registerApplicationApi } from './http/api.js';
import { registerExperiencePages } from './http/experience-pages.js';
import { registerSectionPages } from './http/section-pages.js';
import { registerSubmitPages } from './http/submit-pages.js';

/** The candidate's own application: pages (no JavaScript needed) and the /api/v1/application API. */
export function registerApplicationsRoutes(app: App): void {
  registerSubmitPages(app);
  registerSectionPages(app);
  registerExperiencePages(app);
  registerApplicationApi(app);
}
