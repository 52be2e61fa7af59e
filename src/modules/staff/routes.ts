import type { App } from '../../platform/http/app-type.js';

export function registerStaffRoutes(_app: App): void {}
