import { z } from 'zod';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { portfolioBlobStore } from '../files.js';
import { ratingsInputSchema } from '../rating-input.js';
import { portfolioOutcomes, ratings } from '../schema.js';
import { savePortfolioRatings } from '../use-cases/save-portfolio-ratings.js';
import { submitPortfolioRatings } from '../use-cases/submit-portfolio-ratings.js';
import {
  type AssignmentView,
  evidenceFileForEvaluator,
  listMyPortfolioAssignments,
  myAssignmentsQuerySchema,
  viewPortfolioAssignment,
} from '../use-cases/view-portfolio-assignment.js';

const tags = ['portfolio evaluators'];
const idParams = z.object({ id: z.string().max(64).describe('Assignment id') });
const fileParams = idParams.extend({ evidenceId: z.string().max(64) });
const date = z.string().describe('Calendar date, YYYY-MM-DD');
const instant = z.iso.datetime().nullable();

const shownRating = z.object({ rating: z.enum(ratings), comment: z.string() });
const assignmentListOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string().describe('PF number: portfolios are known to evaluators by it alone'),
      setTitle: z.string(),
      round: z.number().int(),
      position: z.number().int().describe('1 or 2; 3 for a third evaluator'),
      dueOn: date,
      submittedAt: instant,
      state: z.enum(['to_rate', 'waiting', 'decided']),
      overdue: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
const assignmentOut = z.object({
  assignment: z.object({
    id: z.string(),
    round: z.number().int(),
    position: z.number().int(),
    dueOn: date,
    submittedAt: instant,
  }),
  portfolio: z.object({
    number: z.string(),
    setTitle: z.string(),
    statement: z.string(),
    round: z.number().int(),
  }),
  competencies: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      rateNow: z
        .boolean()
        .describe('False in a resubmission for competencies not reopened: the earlier rating stands'),
      evidence: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(['file', 'link', 'text']),
          primary: z.boolean(),
          title: z.string(),
          explanation: z.string(),
          url: z.string().nullable(),
          body: z.string().nullable(),
          file: z
            .object({
              name: z.string().describe('Neutral name: PF number and place in the portfolio'),
              label: z.string(),
              size: z.number().int(),
              download: z.string().describe('API path of the file'),
            })
            .nullable(),
        }),
      ),
      mine: shownRating.nullable(),
      earlier: shownRating.nullable(),
      others: z.array(shownRating.extend({ label: z.string() })),
    }),
  ),
  othersVisible: z
    .boolean()
    .describe('Other evaluators’ ratings show once you and the first two have submitted'),
  decision: z.object({ outcome: z.enum(portfolioOutcomes), decidedBy: z.string() }).nullable(),
});
const submitOut = z.object({
  state: z.enum(['waiting', 'third_evaluator', 'decided']),
  outcome: z.enum(portfolioOutcomes).nullable(),
});

const base = '/api/v1/evaluator/assignments';

function assignmentJson(v: AssignmentView) {
  return {
    assignment: { ...v.assignment, submittedAt: v.assignment.submittedAt?.toISOString() ?? null },
    portfolio: v.portfolio,
    competencies: v.competencies.map((c) => ({
      ...c,
      evidence: c.evidence.map((e) => ({
        ...e,
        file: e.file ? { ...e.file, download: `${base}/${v.assignment.id}/evidence/${e.id}` } : null,
      })),
    })),
    othersVisible: v.othersVisible,
    decision: v.decision,
  };
}

/** The blind rating work of a portfolio evaluator, as JSON. */
export function registerRatingApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Portfolios assigned to you: those to rate first, by due date',
        querystring: myAssignmentsQuerySchema,
        response: { 200: assignmentListOut },
      },
    },
    async (req) => {
      const r = await listMyPortfolioAssignments(ctxFrom(req), req.query);
      return {
        ...r,
        items: r.items.map((i) => ({ ...i, submittedAt: i.submittedAt?.toISOString() ?? null })),
      };
    },
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One assigned portfolio: statement, evidence and your ratings (blind: no candidate details)',
        params: idParams,
        response: { 200: assignmentOut },
      },
    },
    async (req) => assignmentJson(await viewPortfolioAssignment(ctxFrom(req), req.params.id)),
  );
  app.put(
    `${base}/:id/ratings`,
    {
      schema: {
        tags,
        summary: 'Save draft ratings (any competencies; a rating with its comment)',
        params: idParams,
        body: ratingsInputSchema,
        response: { 200: z.object({ saved: z.number().int() }) },
      },
    },
    async (req) => savePortfolioRatings(ctxFrom(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/submit`,
    {
      schema: {
        tags,
        summary:
          'Submit your ratings (saving any sent with it); every competency needs a rating and a comment',
        params: idParams,
        body: ratingsInputSchema.optional(),
        response: { 200: submitOut },
      },
    },
    async (req) => {
      const { round } = await submitPortfolioRatings(ctxFrom(req), req.params.id, req.body ?? {});
      return {
        state: round.state,
        outcome:
          round.state === 'decided' && round.result.outcome !== 'needs_third_evaluator'
            ? round.result.outcome
            : null,
      };
    },
  );
  app.get(
    `${base}/:id/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Download an evidence file (under its neutral name)',
        params: fileParams,
        response: { 200: z.string().meta({ format: 'binary' }).describe('The evidence file') },
      },
    },
    async (req, reply) => {
      const file = await evidenceFileForEvaluator(ctxFrom(req), req.params.id, req.params.evidenceId);
      return sendBlob(reply, portfolioBlobStore(app.services.config), file);
    },
  );
}
