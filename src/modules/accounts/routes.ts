import type { App } from '../../platform/http/app-type.js';

export function registerAccountsRoutes(_app: App): void {}
