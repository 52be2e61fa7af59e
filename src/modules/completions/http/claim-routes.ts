import type { App } from '../../../platform/http/app-type.js';
import { registerClaimApi } from './claim-api.js';
import { registerClaimPages } from './claim-pages.js';
import { registerCompletionPages } from './completion-pages.js';

/** Course completions claimed by candidates: their pages, the provider's and staff's pages, the API. */
export function registerCompletionClaimRoutes(app: App): void {
  registerCompletionPages(app);
  registerClaimPages(app);
  registerClaimApi(app);
}
