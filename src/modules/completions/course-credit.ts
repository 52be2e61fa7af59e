import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { certifyIfComplete } from '../certification/certify-if-complete.js';
import { listBundleCourseIds } from '../courses/approved-course-repository.js';
import { findSet } from '../policy/framework.js';
import { findFrameworkById } from '../policy/repository.js';
import {
  insertAchievementsOnce,
  listCountedCompletionsFor,
  listCurrentApplicationsFor,
  listPeople,
} from './credit-repository.js';
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
  return (await creditCompletedCoursesFor(ctx, w, [candidateId])).get(candidateId) ?? [];
}

/**
 * creditCompletedCourses for many candidates at once (a roster confirms thousands): a few queries
 * for all of them, then an audit event per set recorded and one mail per candidate who achieved
 * something, each written in bulk. Returns, by candidate, the sets recorded now.
 */
export async function creditCompletedCoursesFor(
  ctx: Ctx,
  w: Work,
  candidateIds: readonly string[],
): Promise<Map<string, SetAchievedByCourse[]>> {
  const recordedBy = new Map<string, SetAchievedByCourse[]>();
  const applications = await listCurrentApplicationsFor(w.tx, candidateIds);
  const admitted = [...applications].filter(([, a]) => a.status === 'admitted').map(([id]) => id);
  if (admitted.length === 0) return recordedBy;
  const completions = await listCountedCompletionsFor(w.tx, admitted);
  if (completions.size === 0) return recordedBy;
  const bundleIds = new Set<string>();
  for (const list of completions.values()) for (const c of list) if (c.bundleId) bundleIds.add(c.bundleId);
  const bundleCourses = await listBundleCourseIds(w.tx, [...bundleIds]);

  const now = ctx.clock.now();
  const achievedBy = new Map<string, Map<string, SetAchievedByCourse>>();
  const rows = [];
  for (const [candidateId, list] of completions) {
    const achieved = setsAchievedByCourses(list, bundleCourses);
    achievedBy.set(candidateId, new Map(achieved.map((s) => [s.setId, s])));
    for (const set of achieved)
      rows.push({
        id: uuidv7(now.getTime()),
        candidateId,
        setId: set.setId,
        how: 'course' as const,
        achievedOn: set.achievedOn,
        sourceRef: set.reference,
        createdAt: now,
      });
  }
  for (const { candidateId, setId } of await insertAchievementsOnce(w.tx, rows)) {
    const set = achievedBy.get(candidateId)!.get(setId)!;
    const list = recordedBy.get(candidateId);
    if (list) list.push(set);
    else recordedBy.set(candidateId, [set]);
  }
  if (recordedBy.size === 0) return recordedBy;

  const people = await listPeople(w.tx, [...recordedBy.keys()]);
  const mails = [];
  for (const [candidateId, recorded] of recordedBy) {
    recorded.sort((a, b) => a.setId.localeCompare(b.setId));
    const candidate = people.get(candidateId);
    const frameworkId = applications.get(candidateId)?.frameworkVersionId;
    const framework = frameworkId ? await findFrameworkById(w.tx, frameworkId) : undefined;
    const name = (setId: string) => (framework && findSet(framework.framework, setId)?.title) ?? setId;
    if (candidate)
      mails.push({
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
  await w.mailMany(mails);
  // Audit events last: they take the audit chain's lock, held until the transaction ends.
  await w.auditMany(
    [...recordedBy].flatMap(([candidateId, recorded]) =>
      recorded.map((set) => ({
        action: 'set_achievement.recorded',
        subjectType: 'candidate',
        subjectId: candidateId,
        after: { setId: set.setId, how: 'course', achievedOn: set.achievedOn, source: set.reference },
      })),
    ),
  );
  // The sets recorded now may complete the requirements: certify in the same transaction.
  await certifyIfComplete(ctx, w, [...recordedBy.keys()]);
  return recordedBy;
}
