import type { App } from '../../platform/http/app-type.js';
import { registerStaffApi } from './api.js';
import { registerStaffPages } from './pages.js';

/** Program staff: the application queue, one application with its actions, and the same as JSON. */
export function registerStaffRoutes(app: App): void {
  registerStaffPages(app);
  registerStaffApi(app);
}
