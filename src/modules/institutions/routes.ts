import type { App } from '../../platform/http/app-type.js';
import { registerInstitutionsApi } from './http/api.js';
import { registerInvoicesApi } from './http/invoices-api.js';
import { registerInstitutionPages } from './http/pages.js';
import { registerInstitutionSearchApi } from './http/search-api.js';
import { registerStaffInstitutionPages } from './http/staff-pages.js';

/** Institutions, their purchase orders and invoices: contacts' pages, staff pages and the /api/v1 API. */
export function registerInstitutionsRoutes(app: App): void {
  registerInstitutionPages(app);
  registerStaffInstitutionPages(app);
  registerInstitutionsApi(app);
  registerInvoicesApi(app);
  registerInstitutionSearchApi(app);
}
