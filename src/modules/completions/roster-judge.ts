import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError } from '../../platform/errors.js';
import { listApprovalPeriods } from '../courses/approved-course-repository.js';
import { findActivePolicy } from '../policy/repository.js';
import { type ApprovalPeriod, type CompletionJudgement, judgeCompletion } from './rules/credit.js';

export type CreditJudge = (row: {
  courseId: string;
  completedOn: CalendarDate;
  passed: boolean;
}) => CompletionJudgement;

/**
 * The credit rule for many completions of a few courses: the policy and the approval periods are
 * read once, then every row is judged in memory (the same answer confirmCompletion would store).
 */
export async function loadCreditJudge(db: Queryable, courseIds: readonly string[]): Promise<CreditJudge> {
  const policy = await findActivePolicy(db);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  const retroactiveYears = policy.policy.courses.retroactiveYears;
  const periods = new Map<string, ApprovalPeriod[]>();
  for (const p of await listApprovalPeriods(db, [...new Set(courseIds)])) {
    const list = periods.get(p.courseId);
    if (list) list.push(p);
    else periods.set(p.courseId, [p]);
  }
  const seen = new Map<string, CompletionJudgement>();
  return ({ courseId, completedOn, passed }) => {
    const key = `${courseId}|${completedOn}|${passed}`;
    let judgement = seen.get(key);
    if (!judgement) {
      judgement = judgeCompletion({
        completedOn,
        passed,
        periods: periods.get(courseId) ?? [],
        retroactiveYears,
      });
      seen.set(key, judgement);
    }
    return judgement;
  };
}
