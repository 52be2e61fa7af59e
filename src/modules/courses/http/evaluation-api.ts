import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { assignCourseEvaluators, assignEvaluatorsSchema } from '../use-cases/assign-course-evaluators.js';
import { courseDecisionSchema, decideCourseApplication } from '../use-cases/decide-course-application.js';
import {
  listCourseApplicationsForStaff,
  listMyCourseEvaluations,
  staffCourseQuerySchema,
  viewCourseApplicationForStaff,
  viewCourseEvaluation,
} from '../use-cases/list-course-evaluations.js';
import { courseEvaluationSchema, submitCourseEvaluation } from '../use-cases/submit-course-evaluation.js';
import { courseSummaryOut, detailOf, idParams, summaryOf } from './api-schemas.js';
import {
  courseEvaluationsOut,
  evaluationOf,
  evaluatorViewOut,
  staffViewOut,
} from './evaluation-api-schemas.js';

const tags = ['course evaluation'];
const staffBase = '/api/v1/staff/course-applications';
const evalBase = '/api/v1/course-evaluations';

/** Evaluation and the staff decision as JSON: the same use cases as the pages. */
export function registerCourseEvaluationApi(app: App) {
  app.get(
    staffBase,
    {
      schema: {
        tags,
        summary: 'Submitted course applications, for staff',
        querystring: staffCourseQuerySchema,
        response: {
          200: z.object({
            items: z.array(
              courseSummaryOut.extend({
                providerName: z.string(),
                /** Evaluations past their due day and not yet submitted. */
                overdueEvaluations: z.int(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const r = await listCourseApplicationsForStaff(ctxFrom(req), req.query);
      return {
        items: r.items.map((a) => ({
          ...summaryOf(a),
          providerName: a.providerName,
          overdueEvaluations: a.overdueEvaluations,
        })),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    `${staffBase}/:id`,
    {
      schema: {
        tags,
        summary: 'One course application with its evaluations, for staff',
        params: idParams,
        response: { 200: staffViewOut },
      },
    },
    async (req) => {
      const v = await viewCourseApplicationForStaff(ctxFrom(req), req.params.id);
      return {
        ...detailOf(v),
        approvedOn: v.application.approvedOn,
        approvalEndsOn: v.application.approvalEndsOn,
        decisionComment: v.application.decisionComment,
        evaluations: v.evaluations.map((e) => ({
          ...evaluationOf(e),
          evaluatorName: e.evaluatorName,
          overdue: !e.submittedAt && e.dueOn < v.today,
          lastRemindedOn: e.lastRemindedOn,
        })),
        eligibleEvaluators: v.eligibleEvaluators,
      };
    },
  );

  app.post(
    `${staffBase}/:id/evaluators`,
    {
      schema: {
        tags,
        summary: 'Send a paid course application to its course evaluators',
        params: idParams,
        body: assignEvaluatorsSchema,
        response: { 200: z.object({ status: z.string(), evaluations: courseEvaluationsOut }) },
      },
    },
    async (req) => {
      const r = await assignCourseEvaluators(ctxFrom(req), req.params.id, req.body);
      return { status: r.application.status, evaluations: r.evaluations.map(evaluationOf) };
    },
  );

  app.post(
    `${staffBase}/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Approve, return for revision or decline, after both evaluations',
        params: idParams,
        body: courseDecisionSchema,
        response: {
          200: z.object({
            id: z.uuid(),
            number: z.string().nullable(),
            status: z.string(),
            approvedOn: z.string().nullable(),
            approvalEndsOn: z.string().nullable(),
            decisionComment: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const a = await decideCourseApplication(ctxFrom(req), req.params.id, req.body);
      return {
        id: a.id,
        number: a.number,
        status: a.status,
        approvedOn: a.approvedOn,
        approvalEndsOn: a.approvalEndsOn,
        decisionComment: a.decisionComment,
      };
    },
  );

  app.get(
    evalBase,
    {
      schema: {
        tags,
        summary: 'Your course evaluation assignments',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                applicationId: z.uuid(),
                number: z.string().nullable(),
                title: z.string().nullable(),
                providerName: z.string(),
                status: z.string(),
                dueOn: z.string(),
                submitted: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await listMyCourseEvaluations(ctxFrom(req))).map((r) => ({
        applicationId: r.applicationId,
        number: r.number,
        title: r.title,
        providerName: r.providerName,
        status: r.status,
        dueOn: r.evaluation.dueOn,
        submitted: r.evaluation.submittedAt !== null,
      })),
    }),
  );

  app.get(
    `${evalBase}/:id`,
    {
      schema: {
        tags,
        summary: 'A course application you evaluate, read-only, with your evaluation',
        description: 'Other evaluators’ scores appear only once you have submitted your own.',
        params: idParams,
        response: { 200: evaluatorViewOut },
      },
    },
    async (req) => {
      const v = await viewCourseEvaluation(ctxFrom(req), req.params.id);
      return { ...detailOf(v), mine: evaluationOf(v.mine), others: v.others };
    },
  );

  app.post(
    `${evalBase}/:id`,
    {
      schema: {
        tags,
        summary: 'Submit your evaluation against the course rubric (once)',
        params: idParams,
        body: courseEvaluationSchema,
        response: { 200: courseEvaluationsOut.element },
      },
    },
    async (req) => evaluationOf(await submitCourseEvaluation(ctxFrom(req), req.params.id, req.body)),
  );
}
