import type { App } from '../../platform/http/app-type.js';
import { registerPaymentApi } from './http/api.js';
import { registerPaymentPages } from './http/pages.js';

/** Paying the application fee: the choice of card or check, the card checkout and the sandbox provider's page. */
export function registerPaymentsRoutes(app: App): void {
  registerPaymentPages(app);
  registerPaymentApi(app);
}
