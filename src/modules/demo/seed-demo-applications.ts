import type { Ctx } from '../../platform/context.js';

/** Candidates' applications in each state; filled in once the application use cases exist. */
export async function seedDemoApplications(_ctx: Ctx, _userIds: Map<string, string>): Promise<void> {}
