import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listApprovalPeriods } from '../courses/approved-course-repository.js';
import { findActivePolicy } from '../policy/repository.js';
import { creditCompletedCourses } from './course-credit.js';
import { type CompletionRow, markCompletionConfirmed } from './credit-repository.js';
import { type CompletionJudgement, judgeCompletion } from './rules/credit.js';

/** Judge a completion by the credit rule against every approval period of its course. */
export async function judgeCourseCompletion(
  w: Work,
  input: { courseId: string; completedOn: CalendarDate; passed: boolean },
): Promise<CompletionJudgement> {
  const policy = await findActivePolicy(w.tx);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  const periods = await listApprovalPeriods(w.tx, [input.courseId]);
  return judgeCompletion({ ...input, periods, retroactiveYears: policy.policy.courses.retroactiveYears });
}

/**
 * Inside a use case's transaction: mark a completion confirmed (a roster row applied, a claim the
 * provider or staff confirmed), keep whether it counts and why not, and credit the candidate with
 * any set it now achieves. The caller has inserted the completion row (pending or just created).
 */
export async function confirmCompletion(
  ctx: Ctx,
  w: Work,
  completion: Pick<CompletionRow, 'id' | 'courseId' | 'candidateId' | 'completedOn' | 'passed'>,
  decision: { by: string; note?: string | null },
): Promise<CompletionJudgement> {
  const judgement = await judgeCourseCompletion(w, completion);
  await markCompletionConfirmed(w.tx, completion.id, {
    counts: judgement.counts,
    notCountedReason: judgement.counts ? null : judgement.reason,
    decidedBy: decision.by,
    decidedAt: ctx.clock.now(),
    decisionNote: decision.note ?? null,
  });
  await creditCompletedCourses(ctx, w, completion.candidateId);
  return judgement;
}
