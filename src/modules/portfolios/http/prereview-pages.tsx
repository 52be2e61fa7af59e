import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import { blobStoreFor } from '../../../platform/files/configured-blob-store.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { fieldErrorsOf, seeOther } from '../../courses/http/page-helpers.js';
import { commentOnPortfolio } from '../use-cases/comment-on-portfolio.js';
import { finishPrereview } from '../use-cases/finish-prereview.js';
import { listPrereviewRequests, prereviewQueueQuery } from '../use-cases/list-prereview-queue.js';
import { nextWebinars } from '../use-cases/list-webinars.js';
import { requestPrereview, viewMyPrereview } from '../use-cases/request-prereview.js';
import { findEvidenceFileForStaff, viewPortfolioForStaff } from '../use-cases/view-portfolio-for-staff.js';
import { withdrawPrereview } from '../use-cases/withdraw-prereview.js';
import { CandidatePrereviewPage } from '../views/prereview-candidate-page.js';
import { PREREVIEW_BASE, PrereviewQueuePage } from '../views/prereview-queue-page.js';
import { commentField, STATEMENT, StaffPrereviewPage } from '../views/prereview-staff-page.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });
const commentParams = z.object({ id: z.string().max(64), about: z.string().max(64) });
const evidenceParams = z.object({ id: z.string().max(64), evidenceId: z.string().max(64) });

/** The candidate's pre-review page and the staff queue, portfolio view, comments and finish. */
export function registerPrereviewPages(app: App) {
  app.get('/portfolios/:id/prereview', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const [v, webinars] = await Promise.all([viewMyPrereview(ctx, req.params.id), nextWebinars(ctx)]);
    return sendPage(
      req,
      reply,
      { title: `Pre-review of your ${v.set.title} portfolio` },
      <CandidatePrereviewPage v={v} webinars={webinars} csrfToken={req.csrfToken()} />,
    );
  });
  app.post('/portfolios/:id/prereview', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const { alreadyRequested } = await requestPrereview(ctxFrom(req), req.params.id);
    return seeOther(
      reply,
      `/portfolios/${req.params.id}/prereview`,
      alreadyRequested
        ? 'You had already asked for a pre-review.'
        : 'Pre-review requested. We will mail you when the comments are ready.',
    );
  });
  app.post(
    '/portfolios/:id/prereview/withdraw',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      await withdrawPrereview(ctxFrom(req), req.params.id);
      return seeOther(reply, `/portfolios/${req.params.id}/prereview`, 'Pre-review request withdrawn.');
    },
  );

  app.get(PREREVIEW_BASE, { schema: { ...hide, querystring: prereviewQueueQuery } }, async (req, reply) => {
    const r = await listPrereviewRequests(ctxFrom(req), req.query);
    return sendPage(req, reply, { title: 'Portfolio pre-reviews' }, <PrereviewQueuePage {...r} />);
  });

  const staffPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    opts: { values?: Record<string, string>; errors?: FieldErrors; status?: number } = {},
  ) => {
    const v = await viewPortfolioForStaff(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      {
        title: `Pre-review: ${v.candidate?.displayName ?? 'Candidate'}, ${v.set.title}`,
        status: opts.status ?? 200,
      },
      <StaffPrereviewPage v={v} csrfToken={req.csrfToken()} values={opts.values} errors={opts.errors} />,
    );
  };
  app.get(`${PREREVIEW_BASE}/:id`, { schema: { ...hide, params: idParams } }, async (req, reply) =>
    staffPage(req, reply, req.params.id),
  );
  app.post(
    `${PREREVIEW_BASE}/:id/comments/:about`,
    { schema: { ...hide, params: commentParams } },
    async (req, reply) => {
      const { id, about } = req.params;
      const values = formValues(req.body);
      const field = commentField(about);
      try {
        await commentOnPortfolio(ctxFrom(req), id, {
          competencyId: about === STATEMENT ? null : about,
          body: values[field] ?? '',
        });
      } catch (err) {
        const shown = fieldErrorsOf(err);
        if (!shown) throw err;
        // The use case names its fields body and competencyId; on the page both belong to this form.
        const message = shown.errors.body ?? shown.errors.competencyId ?? 'Check the comment.';
        return staffPage(req, reply, id, { values, errors: { [field]: message }, status: shown.status });
      }
      return seeOther(reply, `${PREREVIEW_BASE}/${id}#c-${about}`, 'Comment saved.');
    },
  );
  app.post(`${PREREVIEW_BASE}/:id/finish`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      await finishPrereview(ctxFrom(req), req.params.id);
    } catch (err) {
      // Nothing to finish yet (no comment) or already finished: say so on the page itself.
      if (!(err instanceof DomainError && err.code === 'INVALID_STATE')) throw err;
      return staffPage(req, reply, req.params.id, { errors: { finish: err.message }, status: 409 });
    }
    return seeOther(reply, PREREVIEW_BASE, 'Pre-review finished. The candidate has been mailed.');
  });
  app.get(
    `${PREREVIEW_BASE}/:id/evidence/:evidenceId`,
    { schema: { ...hide, params: evidenceParams } },
    async (req, reply) => {
      const file = await findEvidenceFileForStaff(ctxFrom(req), req.params.id, req.params.evidenceId);
      return sendBlob(reply, blobStoreFor(req.server.services.config), file);
    },
  );
}
