import type { App } from '../../platform/http/app-type.js';

export function registerPaymentsRoutes(_app: App): void {}
