import type { App } from '../../platform/http/app-type.js';
import { registerCompetencyPages } from './competency-pages.js';
import { registerEligibilityPages } from './eligibility-pages.js';
import { registerFaqPage } from './faq-page.js';
import { registerInfoPages } from './info-pages.js';
import { registerProgramApi } from './program-api.js';
import { registerProgramPages } from './program-pages.js';

/** The public site: what the program is, eligibility, costs, competency sets, and the program API. */
export function registerSiteRoutes(app: App): void {
  registerInfoPages(app);
  registerEligibilityPages(app);
  registerCompetencyPages(app);
  registerProgramPages(app);
  registerFaqPage(app);
  registerProgramApi(app);
}
