import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import type { AssignOutcome } from '../assignment-service.js';
import {
  assignPaidPortfolios,
  overviewQuerySchema,
  viewAssignmentOverview,
} from '../use-cases/assign-paid-portfolios.js';
import {
  assignOneSchema,
  assignPortfolioEvaluators,
  viewPortfolioAssignment,
} from '../use-cases/assign-portfolio-evaluators.js';
import { reassignPortfolioEvaluator, reassignSchema } from '../use-cases/reassign-portfolio-evaluator.js';

const tags = ['portfolio assignment'];
const instant = z.string().describe('ISO 8601 instant');
const idParams = z.object({ id: z.string().max(64).describe('The portfolio id') });

const outcomeOut = z.object({
  assigned: z.array(
    z.object({ portfolioId: z.string(), number: z.string(), evaluatorIds: z.array(z.string()) }),
  ),
  unassigned: z
    .array(z.object({ portfolioId: z.string(), number: z.string(), reason: z.string() }))
    .describe('Paid portfolios the pool cannot take now; they stay waiting'),
});
const outcomeOf = (r: AssignOutcome): z.infer<typeof outcomeOut> => ({
  assigned: r.assigned,
  unassigned: r.unassigned.map(({ portfolioId, number, reason }) => ({ portfolioId, number, reason })),
});

const assignmentOut = z.object({
  id: z.string(),
  evaluatorId: z.string(),
  evaluatorName: z.string(),
  evaluatorEmail: z.string(),
  round: z.int(),
  position: z.int().describe('1 and 2 for the evaluators, 3 for a third'),
  dueOn: z.string().describe('YYYY-MM-DD'),
  submittedAt: instant.nullable(),
  replacedAt: instant.nullable(),
  conflict: z.string().nullable().describe('A conflict found since the assignment'),
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Staff: assignment as JSON, the same use cases as the pages. */
export function registerAssignmentApi(app: App) {
  app.get(
    '/api/v1/staff/portfolio-assignment',
    {
      schema: {
        tags,
        summary: 'Assignment figures and the paid portfolios waiting, with whether each can be assigned now',
        querystring: overviewQuerySchema,
        response: {
          200: z.object({
            counts: z.object({
              paidWaiting: z.int(),
              unpaid: z.int(),
              inEvaluation: z.int(),
              overdueAssignments: z.int(),
            }),
            waiting: z.array(
              z.object({
                portfolioId: z.string(),
                number: z.string(),
                setTitle: z.string(),
                submittedAt: instant.nullable(),
                round: z.int(),
                ready: z.boolean(),
                reason: z.string().nullable(),
              }),
            ),
            page: z.int(),
            pageSize: z.int(),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewAssignmentOverview(ctxFrom(req), req.query);
      return { ...v, waiting: v.waiting.map((w) => ({ ...w, submittedAt: iso(w.submittedAt) })) };
    },
  );
  app.post(
    '/api/v1/staff/portfolio-assignment',
    {
      schema: {
        tags,
        summary: 'Assign evaluators to every paid portfolio that is waiting',
        response: { 200: outcomeOut },
      },
    },
    async (req) => outcomeOf(await assignPaidPortfolios(ctxFrom(req))),
  );
  app.get(
    '/api/v1/staff/portfolios/:id/assignments',
    {
      schema: {
        tags,
        summary: "A portfolio's evaluators, past and present, and who is eligible to take a slot",
        params: idParams,
        response: {
          200: z.object({
            portfolioId: z.string(),
            number: z.string().nullable(),
            status: z.string(),
            round: z.int(),
            feeSettled: z.boolean(),
            current: z.array(assignmentOut),
            history: z.array(assignmentOut),
            eligible: z.array(
              z.object({
                id: z.string(),
                displayName: z.string(),
                email: z.string(),
                load: z.int(),
                capacity: z.int(),
              }),
            ),
            shortfall: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewPortfolioAssignment(ctxFrom(req), req.params.id);
      const out = (a: (typeof v.current)[number]) => ({
        id: a.id,
        evaluatorId: a.evaluatorId,
        evaluatorName: a.evaluatorName,
        evaluatorEmail: a.evaluatorEmail,
        round: a.round,
        position: a.position,
        dueOn: a.dueOn,
        submittedAt: iso(a.submittedAt),
        replacedAt: iso(a.replacedAt),
        conflict: a.conflict,
      });
      return {
        portfolioId: v.portfolio.id,
        number: v.portfolio.number,
        status: v.portfolio.status,
        round: v.portfolio.round,
        feeSettled: v.feeSettled,
        current: v.current.map(out),
        history: v.history.map(out),
        eligible: v.eligible,
        shortfall: v.shortfall,
      };
    },
  );
  app.post(
    '/api/v1/staff/portfolios/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Assign evaluators to one paid portfolio now, or add a third evaluator',
        description: 'Refused with 409 and the reason when no eligible evaluators are free.',
        params: idParams,
        body: assignOneSchema.optional(),
        response: { 200: outcomeOut },
      },
    },
    async (req) => outcomeOf(await assignPortfolioEvaluators(ctxFrom(req), req.params.id, req.body ?? {})),
  );
  app.post(
    '/api/v1/staff/portfolios/:id/assignments/:assignmentId/reassign',
    {
      schema: {
        tags,
        summary: 'Give one slot to another eligible evaluator; the old assignment is kept as replaced',
        params: idParams.extend({ assignmentId: z.string().max(64) }),
        body: reassignSchema,
        response: {
          200: z.object({ id: z.string(), evaluatorId: z.string(), position: z.int(), dueOn: z.string() }),
        },
      },
    },
    async (req) => {
      const row = await reassignPortfolioEvaluator(
        ctxFrom(req),
        req.params.id,
        req.params.assignmentId,
        req.body,
      );
      return { id: row.id, evaluatorId: row.evaluatorId, position: row.position, dueOn: row.dueOn };
    },
  );
}
