import { z } from 'zod';
import type { CourseEvaluationRow } from '../evaluation-repository.js';
import { evaluationRecommendations } from '../schema.js';
import { courseDetailOut } from './api-schemas.js';

const evaluationOut = z.object({
  id: z.uuid(),
  evaluatorId: z.uuid(),
  dueOn: z.string(),
  submittedAt: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  recommendation: z.enum(evaluationRecommendations).nullable(),
  comment: z.string().nullable(),
});
export const courseEvaluationsOut = z.array(evaluationOut);

export const evaluationOf = (e: CourseEvaluationRow) => ({
  id: e.id,
  evaluatorId: e.evaluatorId,
  dueOn: e.dueOn,
  submittedAt: e.submittedAt?.toISOString() ?? null,
  scores: e.scores,
  recommendation: e.recommendation,
  comment: e.comment,
});

export const staffViewOut = courseDetailOut.extend({
  approvedOn: z.string().nullable(),
  approvalEndsOn: z.string().nullable(),
  decisionComment: z.string().nullable(),
  evaluations: z.array(
    evaluationOut.extend({
      evaluatorName: z.string(),
      /** Past its due day and not submitted; the evaluator is reminded weekly. */
      overdue: z.boolean(),
      lastRemindedOn: z.string().nullable(),
    }),
  ),
  eligibleEvaluators: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string() })),
});

export const evaluatorViewOut = courseDetailOut.extend({
  mine: evaluationOut,
  others: z.array(
    z.object({
      submitted: z.boolean(),
      scores: z.record(z.string(), z.number()).nullable(),
      recommendation: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
