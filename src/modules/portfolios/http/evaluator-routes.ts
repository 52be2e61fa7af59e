import type { App } from '../../../platform/http/app-type.js';
import { registerAssignmentApi } from './assignment-api.js';
import { registerAssignmentPages } from './assignment-pages.js';
import { registerEvaluatorApi } from './evaluator-api.js';
import { registerEvaluatorPages } from './evaluator-pages.js';
import { registerRatingApi } from './rating-api.js';
import { registerRatingPages } from './rating-pages.js';
import { registerStatisticsApi } from './statistics-api.js';
import { registerStatisticsPages } from './statistics-pages.js';

/** The portfolio evaluator pool (profiles, conflicts) and the assignment of evaluators to portfolios. */
export function registerPortfolioEvaluatorRoutes(app: App): void {
  registerEvaluatorPages(app);
  registerEvaluatorApi(app);
  registerAssignmentPages(app);
  registerAssignmentApi(app);
  registerStatisticsPages(app);
  registerStatisticsApi(app);
  registerRatingPages(app);
  registerRatingApi(app);
}
