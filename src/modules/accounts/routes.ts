import type { App } from '../../platform/http/app-type.js';
import { registerAccountPages } from './account-routes.js';
import { registerAccountsApi } from './api-routes.js';
import { registerEmailAddressesApi } from './email-addresses-api.js';
import { registerEmailAddressPages } from './email-addresses-routes.js';
import { registerMfaSetupRoutes } from './mfa-setup-routes.js';
import { registerPasswordRoutes } from './password-routes.js';
import { registerSignInRoutes } from './sign-in-routes.js';
import { registerSignUpRoutes } from './sign-up-routes.js';
import { registerTokenPages } from './token-routes.js';

/** Accounts: sign-up, sign-in with MFA, password and email changes, access tokens; pages and API. */
export function registerAccountsRoutes(app: App): void {
  registerSignUpRoutes(app);
  registerSignInRoutes(app);
  registerPasswordRoutes(app);
  registerAccountPages(app);
  registerMfaSetupRoutes(app);
  registerTokenPages(app);
  registerAccountsApi(app);
  registerEmailAddressPages(app);
  registerEmailAddressesApi(app);
}
