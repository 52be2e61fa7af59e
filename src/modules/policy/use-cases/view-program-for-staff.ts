import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import type { FrameworkVersion, PolicyVersion } from '../repository.js';
import { getActiveProgramData } from './get-program-data.js';

export interface StaffFrameworkSet {
  id: string;
  code: string;
  title: string;
  required: boolean;
  competencyCount: number;
  /** Competencies whose topic was reconstructed where the source was incomplete. */
  inferredIds: string[];
}

export interface StaffProgramView {
  policy: PolicyVersion;
  framework: FrameworkVersion;
  sets: StaffFrameworkSet[];
  competencyCount: number;
}

/** The active policy and framework in full, for program staff checking what the system applies. */
export async function viewProgramForStaff(ctx: Ctx): Promise<StaffProgramView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const { policy, framework } = await getActiveProgramData(ctx);
  const sets = framework.framework.framework.sets.map((s) => ({
    id: s.id,
    code: s.code,
    title: s.title,
    required: s.required,
    competencyCount: s.competencies.length,
    inferredIds: s.competencies.filter((c) => c.inferred).map((c) => c.id),
  }));
  return { policy, framework, sets, competencyCount: sets.reduce((n, s) => n + s.competencyCount, 0) };
}
