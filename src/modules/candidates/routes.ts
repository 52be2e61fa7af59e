import type { App } from '../../platform/http/app-type.js';

export function registerCandidatesRoutes(_app: App): void {}
