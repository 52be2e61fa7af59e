import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { requireCandidate } from '../../applications/own-application.js';
import { findCurrentApplication, listAchievements } from '../../applications/repository.js';
import type { ApplicationStatus } from '../../applications/schema.js';
import { findSet } from '../../policy/framework.js';
import { findActiveFramework, findFrameworkById } from '../../policy/repository.js';
import { canClaimWith } from '../claim-access.js';
import { type CandidateCompletion, listCompletionsOfCandidate } from '../claim-repository.js';

export interface MyCompletions {
  /** Whether the candidate may report a course now (the application is submitted and not rejected). */
  canClaim: boolean;
  applicationStatus: ApplicationStatus | null;
  completions: CandidateCompletion[];
  /** Sets achieved by an approved course (or bundle), with the course number that achieved each. */
  setsByCourse: Array<{ setId: string; title: string; achievedOn: CalendarDate; reference: string | null }>;
}

/** The candidate's course completions (reported by providers or claimed), and the sets they achieved. */
export async function listMyCompletions(ctx: Ctx): Promise<MyCompletions> {
  const user = requireCandidate(ctx);
  const [application, completions, achievements] = await Promise.all([
    findCurrentApplication(ctx.db, user.userId),
    listCompletionsOfCandidate(ctx.db, user.userId),
    listAchievements(ctx.db, user.userId),
  ]);
  const byCourse = achievements.filter((a) => a.how === 'course');
  const framework =
    byCourse.length === 0
      ? undefined
      : application?.frameworkVersionId
        ? await findFrameworkById(ctx.db, application.frameworkVersionId)
        : await findActiveFramework(ctx.db);
  return {
    canClaim: canClaimWith(application),
    applicationStatus: application?.status ?? null,
    completions,
    setsByCourse: byCourse.map((a) => ({
      setId: a.setId,
      title: (framework && findSet(framework.framework, a.setId)?.title) ?? a.setId,
      achievedOn: a.achievedOn,
      reference: a.sourceRef,
    })),
  };
}
