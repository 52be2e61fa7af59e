import type { App } from '../../platform/http/app-type.js';

export function registerPolicyRoutes(_app: App): void {}
