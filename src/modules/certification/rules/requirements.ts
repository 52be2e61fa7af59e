import { type CalendarDate, compareDates, maxDate } from '../../../lib/calendar-date.js';
import { type CompetencySet, electiveSets, type Framework, requiredSets } from '../../policy/framework.js';
import type { ProgramPolicy } from '../../policy/policy.js';

/**
 * Certification requires every required competency set plus a policy number of electives (by
 * default all 3 required and any 3 of the 7 electives). Each set is achieved once, by an approved
 * course, a portfolio or a recognition agreement, mixed freely; a set once achieved stays achieved.
 */

export type AchievementRoute = 'course' | 'portfolio' | 'agreement';

export interface Achievement {
  setId: string;
  how: AchievementRoute;
  on: CalendarDate;
}

export interface SetProgress {
  set: CompetencySet;
  /** The earliest achievement of this set, if any. */
  achieved?: Achievement;
}

export interface RequirementProgress {
  complete: boolean;
  /** The day the requirements were first all met (the last needed set's date); only when complete. */
  completedOn?: CalendarDate;
  /** Framework order. */
  required: SetProgress[];
  electives: SetProgress[];
  requiredDone: number;
  requiredTotal: number;
  /** Every achieved elective, which may be more than needed. */
  electivesDone: number;
  /** How many electives the policy asks for in total (not how many are still missing). */
  electivesNeeded: number;
  /** Ids of required sets not yet achieved, in framework order. */
  missingRequired: string[];
}

export function requirementProgress(
  framework: Framework,
  achieved: Achievement[],
  policy: ProgramPolicy,
): RequirementProgress {
  const earliest = earliestAchievementBySet(achieved);
  const progressOf = (set: CompetencySet): SetProgress => {
    const achievement = earliest.get(set.id);
    return achievement ? { set, achieved: achievement } : { set };
  };
  // Achievements for ids outside the framework (another framework version, a retired set) are
  // ignored: only this framework's sets can satisfy its requirements.
  const required = requiredSets(framework).map(progressOf);
  const electives = electiveSets(framework).map(progressOf);

  const requiredDates = required.flatMap((p) => (p.achieved ? [p.achieved.on] : []));
  const electiveDates = electives.flatMap((p) => (p.achieved ? [p.achieved.on] : [])).sort(compareDates);
  const electivesNeeded = policy.certification.electivesRequired;
  const complete = requiredDates.length === required.length && electiveDates.length >= electivesNeeded;
  // Finished on the day the last required set, or the last of the first enough electives, came in.
  const decisiveDates = [...requiredDates, ...electiveDates.slice(0, electivesNeeded)];
  const [firstDecisive, ...otherDecisive] = decisiveDates;

  return {
    complete,
    ...(complete && firstDecisive !== undefined
      ? { completedOn: maxDate(firstDecisive, ...otherDecisive) }
      : {}),
    required,
    electives,
    requiredDone: requiredDates.length,
    requiredTotal: required.length,
    electivesDone: electiveDates.length,
    electivesNeeded,
    missingRequired: required.filter((p) => !p.achieved).map((p) => p.set.id),
  };
}

/** A set achieved twice (say a course after a portfolio) counts once, from its first date. */
function earliestAchievementBySet(achieved: Achievement[]): Map<string, Achievement> {
  const earliest = new Map<string, Achievement>();
  for (const achievement of achieved) {
    const known = earliest.get(achievement.setId);
    if (!known || compareDates(achievement.on, known.on) < 0) earliest.set(achievement.setId, achievement);
  }
  return earliest;
}
