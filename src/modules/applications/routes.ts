import type { App } from '../../platform/http/app-type.js';

export function registerApplicationsRoutes(_app: App): void {}
