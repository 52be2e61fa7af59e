import type { App } from '../../platform/http/app-type.js';
import { registerPortfolioCandidateApi } from './http/candidate-api.js';
import { registerPortfolioCandidatePages } from './http/candidate-pages.js';

/** The candidate's portfolios: build, submit, pay (pages need no JavaScript) and /api/v1/portfolios. */
export function registerPortfolioCandidateRoutes(app: App): void {
  registerPortfolioCandidatePages(app);
  registerPortfolioCandidateApi(app);
}
