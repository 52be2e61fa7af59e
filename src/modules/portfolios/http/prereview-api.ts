import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import type { PrereviewPortfolioRow } from '../prereview-repository.js';
import { commentOnPortfolio, portfolioCommentSchema } from '../use-cases/comment-on-portfolio.js';
import { finishPrereview } from '../use-cases/finish-prereview.js';
import { listPrereviewRequests, prereviewQueueQuery } from '../use-cases/list-prereview-queue.js';
import { requestPrereview, viewMyPrereview } from '../use-cases/request-prereview.js';
import { viewPortfolioForStaff } from '../use-cases/view-portfolio-for-staff.js';
import { withdrawPrereview } from '../use-cases/withdraw-prereview.js';
import {
  commentOf,
  idParams,
  myPrereviewOut,
  prereviewStateOut,
  queueOut,
  staffPortfolioOf,
  staffPortfolioOut,
  tags,
} from './prereview-api-schemas.js';

const mine = '/api/v1/portfolios/:id/prereview';
const staff = '/api/v1/staff/portfolio-prereviews';
const ownerOnly = 'For the candidate whose portfolio it is; anyone else gets 404.';
const staffOnly = 'For program staff (after MFA); evaluators and candidates get 403.';

const stateOf = (p: PrereviewPortfolioRow) => ({
  portfolioId: p.id,
  status: p.status,
  requestedAt: p.prereviewRequestedAt?.toISOString() ?? null,
});

/** Pre-review as JSON: the same use cases as the pages. */
export function registerPrereviewApi(app: App) {
  app.get(
    mine,
    {
      schema: {
        tags,
        summary: 'Your portfolio’s pre-review and the staff comments',
        description: ownerOnly,
        params: idParams,
        response: { 200: myPrereviewOut },
      },
    },
    async (req) => {
      const v = await viewMyPrereview(ctxFrom(req), req.params.id);
      return {
        ...stateOf(v.portfolio),
        setId: v.set.id,
        setTitle: v.set.title,
        comments: v.comments.map(commentOf),
      };
    },
  );
  app.post(
    mine,
    {
      schema: {
        tags,
        summary: 'Ask program staff to pre-review your draft portfolio',
        description: `${ownerOnly} Asking again while a request is pending changes nothing.`,
        params: idParams,
        response: { 200: prereviewStateOut },
      },
    },
    async (req) => stateOf((await requestPrereview(ctxFrom(req), req.params.id)).portfolio),
  );
  app.delete(
    mine,
    {
      schema: {
        tags,
        summary: 'Withdraw your pre-review request',
        description: ownerOnly,
        params: idParams,
        response: { 200: prereviewStateOut },
      },
    },
    async (req) => stateOf(await withdrawPrereview(ctxFrom(req), req.params.id)),
  );

  app.get(
    staff,
    {
      schema: {
        tags,
        summary: 'Portfolios waiting for a pre-review, the longest waiting first',
        description: staffOnly,
        querystring: prereviewQueueQuery,
        response: { 200: queueOut },
      },
    },
    async (req) => {
      const r = await listPrereviewRequests(ctxFrom(req), req.query);
      return {
        items: r.items.map((i) => ({
          portfolioId: i.id,
          candidate: i.candidate,
          setId: i.setId,
          setTitle: i.setTitle,
          requestedAt: i.prereviewRequestedAt?.toISOString() ?? null,
        })),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );
  app.get(
    `${staff}/:id`,
    {
      schema: {
        tags,
        summary: 'A portfolio as staff pre-review it: evidence, statement and comments',
        description: `${staffOnly} Evidence files download from each file's downloadUrl.`,
        params: idParams,
        response: { 200: staffPortfolioOut },
      },
    },
    async (req) => staffPortfolioOf(await viewPortfolioForStaff(ctxFrom(req), req.params.id)),
  );
  app.post(
    `${staff}/:id/comments`,
    {
      schema: {
        tags,
        summary: 'Comment on one competency, or on the statement, of a portfolio in pre-review',
        description: staffOnly,
        params: idParams,
        body: portfolioCommentSchema,
        response: {
          200: z.object({
            id: z.uuid(),
            competencyId: z.string().nullable(),
            body: z.string(),
            createdAt: z.string(),
          }),
        },
      },
    },
    async (req) => commentOf(await commentOnPortfolio(ctxFrom(req), req.params.id, req.body)),
  );
  app.post(
    `${staff}/:id/finish`,
    {
      schema: {
        tags,
        summary: 'Finish a pre-review: back to draft, and the candidate is mailed',
        description: `${staffOnly} At least one comment must have been written for this request.`,
        params: idParams,
        response: { 200: prereviewStateOut },
      },
    },
    async (req) => stateOf(await finishPrereview(ctxFrom(req), req.params.id)),
  );
}
