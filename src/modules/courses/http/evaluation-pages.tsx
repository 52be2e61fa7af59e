import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { courseRubric } from '../rules/rubric.js';
import { courseApplicationStatuses } from '../schema.js';
import { assignCourseEvaluators } from '../use-cases/assign-course-evaluators.js';
import { decideCourseApplication } from '../use-cases/decide-course-application.js';
import {
  listCourseApplicationsForStaff,
  listMyCourseEvaluations,
  staffCourseQuerySchema,
  viewCourseApplicationForStaff,
  viewCourseEvaluation,
} from '../use-cases/list-course-evaluations.js';
import { submitCourseEvaluation } from '../use-cases/submit-course-evaluation.js';
import { EvaluationListPage, EvaluationPage, StaffCoursePage } from '../views/evaluation-views.js';
import { StaffCourseListPage } from '../views/staff-list-view.js';
import { fieldErrorsOf, idParams, seeOther } from './page-helpers.js';

const hide = { hide: true };
type Values = Record<string, string>;

/** The form's fields as the evaluation use case takes them. */
function evaluationFromForm(values: Values) {
  return {
    scores: Object.fromEntries(courseRubric.map((c) => [c.id, values[`score_${c.id}`] || undefined])),
    recommendation: values.recommendation || undefined,
    comment: values.comment,
  };
}

/** Staff pages for evaluation and decision, and the course evaluator's pages. */
export function registerCourseEvaluationPages(app: App) {
  app.get(
    '/staff/course-applications',
    { schema: { ...hide, querystring: staffCourseQuerySchema } },
    async (req, reply) => {
      const r = await listCourseApplicationsForStaff(ctxFrom(req), req.query);
      return sendPage(
        req,
        reply,
        { title: 'Course applications' },
        <StaffCourseListPage {...r} statuses={courseApplicationStatuses.filter((s) => s !== 'draft')} />,
      );
    },
  );

  const staffPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const v = await viewCourseApplicationForStaff(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: `Course application ${v.application.number}`, status: errors ? 400 : 200 },
      <StaffCoursePage v={v} csrfToken={req.csrfToken()} values={values} errors={errors} />,
    );
  };
  app.get('/staff/course-applications/:id', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    staffPage(req, reply, req.params.id),
  );
  app.post(
    '/staff/course-applications/:id/evaluators',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const values = formValues(req.body);
      try {
        await assignCourseEvaluators(ctxFrom(req), req.params.id, {
          evaluatorIds: [values.evaluator1 ?? '', values.evaluator2 ?? ''],
        });
      } catch (err) {
        const shown = fieldErrorsOf(err);
        if (!shown) throw err;
        return staffPage(req, reply, req.params.id, values, shown.errors);
      }
      return seeOther(reply, `/staff/course-applications/${req.params.id}`, 'Sent to the course evaluators.');
    },
  );
  app.post(
    '/staff/course-applications/:id/decision',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const values = formValues(req.body);
      try {
        await decideCourseApplication(ctxFrom(req), req.params.id, {
          decision: values.decision || undefined,
          comment: values.comment,
        });
      } catch (err) {
        const shown = fieldErrorsOf(err);
        if (!shown) throw err;
        return staffPage(req, reply, req.params.id, values, shown.errors);
      }
      return seeOther(reply, `/staff/course-applications/${req.params.id}`, 'Decision recorded.');
    },
  );

  app.get('/evaluations', { schema: hide }, async (req, reply) => {
    const items = await listMyCourseEvaluations(ctxFrom(req));
    return sendPage(req, reply, { title: 'Course evaluations' }, <EvaluationListPage items={items} />);
  });

  const evaluationPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const v = await viewCourseEvaluation(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: `Evaluate ${v.application.number}`, status: errors ? 400 : 200 },
      <EvaluationPage v={v} csrfToken={req.csrfToken()} values={values} errors={errors} />,
    );
  };
  app.get('/evaluations/:id', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    evaluationPage(req, reply, req.params.id),
  );
  app.post('/evaluations/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      await submitCourseEvaluation(ctxFrom(req), req.params.id, evaluationFromForm(values));
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      return evaluationPage(req, reply, req.params.id, values, shown.errors);
    }
    return seeOther(reply, `/evaluations/${req.params.id}`, 'Your evaluation is submitted. Thank you.');
  });
}
