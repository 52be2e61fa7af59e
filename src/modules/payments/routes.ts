import type { App } from '../../platform/http/app-type.js';
import { registerAdjustmentRoutes } from './adjustments/routes.js';
import { registerFinanceRoutes } from './finance/routes.js';
import { registerPaymentApi } from './http/api.js';
import { registerPaymentPages } from './http/pages.js';
import { registerReceiptRoutes } from './receipts/routes.js';
import { registerStripeRoutes } from './stripe/routes.js';

/** Paying the application fee: the choice of card or check, the card checkout and the sandbox provider's page. */
export function registerPaymentsRoutes(app: App): void {
  registerPaymentPages(app);
  registerPaymentApi(app);
  registerAdjustmentRoutes(app);
  registerReceiptRoutes(app);
  registerStripeRoutes(app);
  registerFinanceRoutes(app);
}
