import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import {
  type CourseEvaluationRow,
  type EvaluationWithEvaluator,
  findEvaluation,
  listAssignmentsOf,
  listEligibleEvaluators,
  listEvaluationsOf,
  listSubmittedCourseApplications,
} from '../evaluation-repository.js';
import { type EvaluationSummary, summariseEvaluations } from '../rules/rubric.js';
import { type CourseApplicationStatus, courseApplicationStatuses } from '../schema.js';
import { type CourseApplicationView, viewCourseApplication } from './view-course-application.js';

export const PAGE_SIZE = 25;
const staffStatuses = courseApplicationStatuses.filter((s) => s !== 'draft');

export const staffCourseQuerySchema = z.object({
  status: z.enum(staffStatuses as [CourseApplicationStatus, ...CourseApplicationStatus[]]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** Submitted course applications for staff, filtered by status, oldest submission first. */
export async function listCourseApplicationsForStaff(
  ctx: Ctx,
  query: z.infer<typeof staffCourseQuerySchema>,
) {
  requireRole(ctx.actor, 'staff', 'admin');
  const page = query.page ?? 1;
  const { rows, total } = await listSubmittedCourseApplications(
    ctx.db,
    query.status ? [query.status] : staffStatuses,
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    ctx.clock.today(),
  );
  return {
    items: rows,
    total,
    page,
    pageSize: PAGE_SIZE,
    status: query.status ?? null,
    today: ctx.clock.today(),
  };
}

export interface StaffCourseView extends CourseApplicationView {
  evaluations: EvaluationWithEvaluator[];
  /** For marking evaluations past their due day. */
  today: string;
  summary: EvaluationSummary;
  eligibleEvaluators: Array<{ id: string; displayName: string; email: string }>;
}

/** One application for staff: the application, its fee, evaluations and who could evaluate it. */
export async function viewCourseApplicationForStaff(ctx: Ctx, id: string): Promise<StaffCourseView> {
  requireRole(ctx.actor, 'staff', 'admin');
  const v = await viewCourseApplication(ctx, id);
  if (v.application.status === 'draft') throw notFound('That course application');
  const [evaluations, eligibleEvaluators] = await Promise.all([
    listEvaluationsOf(ctx.db, id),
    listEligibleEvaluators(ctx.db, v.application.providerId),
  ]);
  return {
    ...v,
    evaluations,
    today: ctx.clock.today(),
    summary: summariseEvaluations(evaluations),
    eligibleEvaluators,
  };
}

/** The signed-in course evaluator's assignments. */
export async function listMyCourseEvaluations(ctx: Ctx) {
  const user = requireRole(ctx.actor, 'course_evaluator');
  return listAssignmentsOf(ctx.db, user.userId);
}

export interface EvaluatorCourseView extends CourseApplicationView {
  mine: CourseEvaluationRow;
  /** The other evaluators' work: scores only once one's own evaluation is submitted. */
  others: Array<{
    submitted: boolean;
    scores: Record<string, number> | null;
    recommendation: string | null;
    comment: string | null;
  }>;
}

/** The application, read-only, for an evaluator assigned to it; anyone else gets "not found". */
export async function viewCourseEvaluation(ctx: Ctx, id: string): Promise<EvaluatorCourseView> {
  const user = requireRole(ctx.actor, 'course_evaluator');
  if (!UUID_PATTERN.test(id)) throw notFound('That course application');
  const mine = await findEvaluation(ctx.db, id, user.userId);
  if (!mine) throw notFound('That course application');
  const [v, all] = await Promise.all([viewCourseApplication(ctx, id), listEvaluationsOf(ctx.db, id)]);
  const showScores = mine.submittedAt !== null;
  const others = all
    .filter((e) => e.evaluatorId !== user.userId)
    .map((e) => ({
      submitted: e.submittedAt !== null,
      scores: showScores ? e.scores : null,
      recommendation: showScores ? e.recommendation : null,
      comment: showScores ? e.comment : null,
    }));
  return { ...v, editable: false, mine, others };
}
