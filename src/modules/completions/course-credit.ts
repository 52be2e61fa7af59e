import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { findUserById } from '../accounts/users-repository.js';
import { findCurrentApplication } from '../applications/repository.js';
import { listBundleCourseIds } from '../courses/approved-course-repository.js';
import { findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';
import { insertAchievementOnce, listCountedCompletions } from './credit-repository.js';
import { type SetAchievedByCourse, setsAchievedByCourses } from './rules/credit.js';

/**
 * Inside a use case's transaction: give an admitted candidate every set their counted completions
 * now achieve (by course, or by bundle once all its courses are done), with an audit event and a
 * mail for each new one. A candidate not yet admitted gets nothing now; admission calls this again.
 */
export async function creditCompletedCourses(
  ctx: Ctx,
  w: Work,
  candidateId: string,
): Promise<SetAchievedByCourse[]> {
  const application = await findCurrentApplication(w.tx, candidateId);
  if (application?.status !== 'admitted') return [];
  const completions = await listCountedCompletions(w.tx, candidateId);
  if (completions.length === 0) return [];
  const bundleIds = [...new Set(completions.flatMap((c) => (c.bundleId ? [c.bundleId] : [])))];
  const achieved = setsAchievedByCourses(completions, await listBundleCourseIds(w.tx, bundleIds));
  const now = ctx.clock.now();
  const recorded: SetAchievedByCourse[] = [];
  for (const set of achieved) {
    const isNew = await insertAchievementOnce(w.tx, {
      id: uuidv7(now.getTime()),
      candidateId,
      setId: set.setId,
      how: 'course',
      achievedOn: set.achievedOn,
      sourceRef: set.reference,
      createdAt: now,
    });
    if (!isNew) continue;
    recorded.push(set);
    await w.audit({
      action: 'set_achievement.recorded',
      subjectType: 'candidate',
      subjectId: candidateId,
      after: { setId: set.setId, how: 'course', achievedOn: set.achievedOn, source: set.reference },
    });
  }
  if (recorded.length > 0) {
    const candidate = await findUserById(w.tx, candidateId);
    const framework = application.frameworkVersionId
      ? await findFrameworkById(w.tx, application.frameworkVersionId)
      : undefined;
    const name = (setId: string) => (framework && findSet(framework.framework, setId)?.title) ?? setId;
    if (candidate)
      await w.mail({
        to: candidate.email,
        template: 'set-achieved-by-course',
        subject:
          recorded.length === 1
            ? `Competency set achieved: ${name(recorded[0]!.setId)}`
            : `${recorded.length} competency sets achieved`,
        text: [
          `Hello ${candidate.displayName},`,
          '',
          'Your course completion was confirmed, and it achieves:',
          ...recorded.map(
            (s) => `- ${name(s.setId)}, by course ${s.reference}, on ${formatCalendarDate(s.achievedOn)}`,
          ),
          '',
          `Your progress: ${ctx.config.baseUrl}/dashboard`,
        ].join('\n'),
      });
  }
  return recorded;
}
