import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { courseApplicationNotFound } from '../access.js';
import { type CourseEvaluationRow, findEvaluation, submitEvaluationRow } from '../evaluation-repository.js';
import { findCourseApplication } from '../repository.js';
import { courseRubric } from '../rules/rubric.js';
import { evaluationRecommendations } from '../schema.js';

const score = z.coerce
  .number({ error: 'Choose a score from 1 to 4.' })
  .int({ error: 'Choose a score from 1 to 4.' })
  .min(1, { error: 'Choose a score from 1 to 4.' })
  .max(4, { error: 'Choose a score from 1 to 4.' });

export const courseEvaluationSchema = z.object({
  scores: z.object(Object.fromEntries(courseRubric.map((c) => [c.id, score]))),
  recommendation: z.enum(evaluationRecommendations, { error: 'Choose a recommendation.' }),
  comment: z.string().trim().max(5000, { error: 'Keep the comment under 5,000 characters.' }).optional(),
});
export type CourseEvaluationInput = z.infer<typeof courseEvaluationSchema>;

/** Each message names its criterion, so the error summary's links say where they lead (WCAG 2.4.4). */
function scoreMessage(criterionId: unknown): string {
  const criterion = courseRubric.find((c) => c.id === criterionId);
  return criterion
    ? `Choose a score from 1 to 4 for ${criterion.title.toLowerCase()}.`
    : 'Choose a score from 1 to 4.';
}

/** Field names as the form uses them: score_<criterion>, recommendation, comment. */
export function evaluationFieldErrors(input: unknown): Record<string, string> {
  const parsed = courseEvaluationSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      const field = first === 'scores' ? (second ? `score_${String(second)}` : 'scores') : String(first);
      errors[field] ??= first === 'scores' ? scoreMessage(second) : issue.message;
    }
    if (errors.scores) for (const c of courseRubric) errors[`score_${c.id}`] ??= scoreMessage(c.id);
    delete errors.scores;
  }
  const raw = (input ?? {}) as { recommendation?: unknown; comment?: unknown };
  const comment = typeof raw.comment === 'string' ? raw.comment.trim() : '';
  if ((raw.recommendation === 'revise' || raw.recommendation === 'decline') && !comment)
    errors.comment ??= 'Explain what should change or why the course should be declined.';
  return errors;
}

/** The assigned evaluator records their scores, once. Nobody else can (they get "not found"). */
export async function submitCourseEvaluation(
  ctx: Ctx,
  applicationId: string,
  input: unknown,
): Promise<CourseEvaluationRow> {
  const user = requireRole(ctx.actor, 'course_evaluator');
  if (!UUID_PATTERN.test(applicationId)) throw courseApplicationNotFound();
  return transact(ctx, async (w) => {
    const evaluation = await findEvaluation(w.tx, applicationId, user.userId);
    const application = evaluation && (await findCourseApplication(w.tx, applicationId));
    if (!evaluation || !application) throw courseApplicationNotFound();
    if (evaluation.submittedAt) throw invalidState('You have already submitted your evaluation.');
    if (application.status !== 'in_evaluation')
      throw invalidState('This course application is no longer being evaluated.');
    const errors = evaluationFieldErrors(input);
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    const data = courseEvaluationSchema.parse(input);
    const saved = await submitEvaluationRow(w.tx, evaluation.id, {
      scores: data.scores as Record<string, number>,
      recommendation: data.recommendation,
      comment: data.comment || null,
      submittedAt: ctx.clock.now(),
    });
    if (!saved) throw invalidState('You have already submitted your evaluation.');
    await w.audit({
      action: 'course_evaluation.submitted',
      subjectType: 'course_application',
      subjectId: applicationId,
      after: { evaluationId: saved.id, scores: saved.scores, recommendation: saved.recommendation },
    });
    return saved;
  });
}
