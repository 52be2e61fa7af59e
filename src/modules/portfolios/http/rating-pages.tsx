import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { portfolioBlobStore } from '../files.js';
import { savePortfolioRatings } from '../use-cases/save-portfolio-ratings.js';
import { submitPortfolioRatings } from '../use-cases/submit-portfolio-ratings.js';
import {
  evidenceFileForEvaluator,
  listMyPortfolioAssignments,
  myAssignmentsQuerySchema,
  viewPortfolioAssignment,
} from '../use-cases/view-portfolio-assignment.js';
import { assignmentHref, MyAssignmentsPage, RatingPage } from '../views/rating-page.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });
const fileParams = z.object({
  id: z.string().max(64),
  evidenceId: z.string().max(64),
  name: z.string().max(200),
});
type Values = Record<string, string>;

const fieldErrors = (err: unknown): FieldErrors | undefined =>
  err instanceof DomainError && err.code === 'VALIDATION_FAILED' && err.fields ? err.fields : undefined;

/** The form's `rating_<id>` and `comment_<id>` fields as the rating use cases take them. */
export function ratingsFromForm(values: Values) {
  const ids = new Set<string>();
  for (const key of Object.keys(values)) {
    const m = /^(?:rating|comment)_(.+)$/.exec(key);
    if (m?.[1]) ids.add(m[1]);
  }
  return {
    ratings: [...ids].map((id) => ({
      competencyId: id,
      rating: values[`rating_${id}`] || null,
      comment: values[`comment_${id}`] ?? '',
    })),
  };
}

/** The evaluator's blind pages: their portfolios, and each portfolio's rating page and files. */
export function registerRatingPages(app: App) {
  app.get(
    '/evaluator/assignments',
    { schema: { ...hide, querystring: myAssignmentsQuerySchema } },
    async (req, reply) => {
      const r = await listMyPortfolioAssignments(ctxFrom(req), req.query);
      return sendPage(req, reply, { title: 'Portfolios to evaluate' }, <MyAssignmentsPage {...r} />);
    },
  );

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const v = await viewPortfolioAssignment(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: `${errors ? 'Error: ' : ''}Portfolio ${v.portfolio.number}`, status: errors ? 400 : 200 },
      <RatingPage v={v} csrfToken={req.csrfToken()} values={values} errors={errors} />,
    );
  };
  app.get('/evaluator/assignments/:id', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    page(req, reply, req.params.id),
  );
  app.post('/evaluator/assignments/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formValues(req.body);
    const ctx = ctxFrom(req);
    const submit = values.action === 'submit';
    try {
      if (submit) {
        await submitPortfolioRatings(ctx, req.params.id, ratingsFromForm(values));
      } else {
        await savePortfolioRatings(ctx, req.params.id, ratingsFromForm(values));
      }
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      return page(req, reply, req.params.id, values, errors);
    }
    reply.flash(
      submit
        ? 'Your ratings are submitted. Thank you.'
        : 'Your ratings are saved. You can come back and finish them before the due date.',
    );
    return reply.redirect(assignmentHref(req.params.id), 303);
  });
  app.get(
    '/evaluator/assignments/:id/evidence/:evidenceId/:name',
    { schema: { ...hide, params: fileParams } },
    async (req, reply) => {
      const file = await evidenceFileForEvaluator(ctxFrom(req), req.params.id, req.params.evidenceId);
      return sendBlob(reply, portfolioBlobStore(app.services.config), file);
    },
  );
}
