import type { App } from '../../platform/http/app-type.js';
import { registerAgreementsApi } from './http/api.js';
import { registerGraduateApi } from './http/graduate-api.js';
import { registerGraduatePages } from './http/graduate-pages.js';
import { registerAgreementPublicPages } from './http/public-pages.js';
import { registerAgreementStaffPages } from './http/staff-pages.js';

/** College recognition agreements: staff pages, the public list, graduates' pages and the API. */
export function registerAgreementsRoutes(app: App): void {
  registerAgreementPublicPages(app);
  registerAgreementStaffPages(app);
  registerGraduatePages(app);
  registerAgreementsApi(app);
  registerGraduateApi(app);
}
