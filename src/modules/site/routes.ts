import type { App } from '../../platform/http/app-type.js';

export function registerSiteRoutes(_app: App): void {}
