import {
  addYears,
  type CalendarDate,
  compareDates,
  formatCalendarDate,
  maxDate,
} from '../../../lib/calendar-date.js';

/** One approval of a course: the first, then each renewal. Both ends are days that count. */
export interface ApprovalPeriod {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

export type CompletionJudgement = { counts: true } | { counts: false; reason: string };

/**
 * The credit rule (PROGRAM.md, "Approved courses"): a passed completion counts when it falls inside
 * an approval period of the course, or up to `retroactiveYears` before the course was first approved.
 * A course whose approval lapsed still honours completions made while it was approved.
 */
export function judgeCompletion(input: {
  completedOn: CalendarDate;
  passed: boolean;
  periods: readonly ApprovalPeriod[];
  retroactiveYears: number;
}): CompletionJudgement {
  const { completedOn, passed, retroactiveYears } = input;
  if (!passed) return { counts: false, reason: 'The provider reported that the course was not passed.' };
  const periods = [...input.periods].sort((a, b) => compareDates(a.startsOn, b.startsOn));
  const first = periods[0];
  if (!first) return { counts: false, reason: 'The course has never been approved.' };
  const earliest = addYears(first.startsOn, -retroactiveYears);
  if (compareDates(completedOn, earliest) < 0)
    return {
      counts: false,
      reason: `Completed on ${formatCalendarDate(completedOn)}, more than ${retroactiveYears} years before the course was approved on ${formatCalendarDate(first.startsOn)}. Credit reaches back to ${formatCalendarDate(earliest)}. What you learned can still go into a portfolio.`,
    };
  if (compareDates(completedOn, first.startsOn) < 0) return { counts: true };
  for (const period of periods) {
    if (compareDates(completedOn, period.startsOn) >= 0 && compareDates(completedOn, period.endsOn) <= 0)
      return { counts: true };
  }
  const lastEnd = maxDate(first.endsOn, ...periods.map((p) => p.endsOn));
  if (compareDates(completedOn, lastEnd) > 0)
    return {
      counts: false,
      reason: `Completed on ${formatCalendarDate(completedOn)}, after the course's approval ended on ${formatCalendarDate(lastEnd)}.`,
    };
  return {
    counts: false,
    reason: `Completed on ${formatCalendarDate(completedOn)}, while the course's approval had lapsed (it was renewed later).`,
  };
}

/** A counted, confirmed completion reduced to what the set rule needs. */
export interface CountedCompletion {
  courseId: string;
  setId: string;
  bundleId: string | null;
  completedOn: CalendarDate;
  /** The course number, or the bundle number for a bundle's course: kept as the achievement's source. */
  reference: string;
}

export interface SetAchievedByCourse {
  setId: string;
  achievedOn: CalendarDate;
  reference: string;
}

/**
 * Which sets a candidate's counted completions achieve. A single course achieves its set on its
 * completion date (the earliest, if several); a bundle achieves its set on the day its last course
 * was completed, once every course of the bundle has a counted completion.
 */
export function setsAchievedByCourses(
  completions: readonly CountedCompletion[],
  bundleCourses: ReadonlyMap<string, readonly string[]>,
): SetAchievedByCourse[] {
  const best = new Map<string, SetAchievedByCourse>();
  const keep = (candidate: SetAchievedByCourse) => {
    const current = best.get(candidate.setId);
    if (!current || compareDates(candidate.achievedOn, current.achievedOn) < 0)
      best.set(candidate.setId, candidate);
  };
  const byBundle = new Map<string, CountedCompletion[]>();
  for (const c of completions) {
    if (c.bundleId === null) keep({ setId: c.setId, achievedOn: c.completedOn, reference: c.reference });
    else byBundle.set(c.bundleId, [...(byBundle.get(c.bundleId) ?? []), c]);
  }
  for (const [bundleId, done] of byBundle) {
    const needed = bundleCourses.get(bundleId) ?? [];
    if (needed.length === 0) continue;
    const earliestPerCourse = new Map<string, CalendarDate>();
    for (const c of done) {
      const seen = earliestPerCourse.get(c.courseId);
      if (!seen || compareDates(c.completedOn, seen) < 0) earliestPerCourse.set(c.courseId, c.completedOn);
    }
    if (!needed.every((courseId) => earliestPerCourse.has(courseId))) continue;
    const dates = needed.map((courseId) => earliestPerCourse.get(courseId)!);
    keep({
      setId: done[0]!.setId,
      achievedOn: maxDate(dates[0]!, ...dates.slice(1)),
      reference: done[0]!.reference,
    });
  }
  return [...best.values()].sort((a, b) => a.setId.localeCompare(b.setId));
}
