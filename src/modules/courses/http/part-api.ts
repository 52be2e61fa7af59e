import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { coursePartSchema } from '../forms.js';
import { addCoursePart, removeCoursePart, saveCoursePart } from '../use-cases/save-course-part.js';
import { startCourseRenewal } from '../use-cases/start-course-renewal.js';
import { viewCourseApplication } from '../use-cases/view-course-application.js';
import { courseDetailOut, coursePartOut, detailOf, idParams, partOf, tags } from './api-schemas.js';

const base = '/api/v1/course-applications';
const partParams = z.object({ id: z.string().max(64), partId: z.string().max(64) });
const bundleOnly =
  'For a draft (or returned) bundle application, by members of its provider; anyone else gets 404. A renewal cannot add or remove courses (409).';

/** A bundle's courses and "apply to renew" as JSON: the same use cases as the pages. */
export function registerCoursePartApi(app: App) {
  app.post(
    `${base}/:id/parts`,
    {
      schema: {
        tags,
        summary: 'Add a course to a bundle application',
        description: bundleOnly,
        params: idParams,
        body: coursePartSchema,
        response: { 201: coursePartOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(partOf(await addCoursePart(ctxFrom(req), req.params.id, req.body))),
  );

  app.put(
    `${base}/:id/parts/:partId`,
    {
      schema: {
        tags,
        summary: 'Change the title, description or contact hours of a course of a bundle',
        description: bundleOnly,
        params: partParams,
        body: coursePartSchema,
        response: { 200: coursePartOut },
      },
    },
    async (req) => partOf(await saveCoursePart(ctxFrom(req), req.params.id, req.params.partId, req.body)),
  );

  app.delete(
    `${base}/:id/parts/:partId`,
    {
      schema: {
        tags,
        summary: 'Remove a course from a bundle application',
        description: `${bundleOnly} The competencies it covered then need another course.`,
        params: partParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeCoursePart(ctxFrom(req), req.params.id, req.params.partId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:id/renewal`,
    {
      schema: {
        tags,
        summary: 'Apply to renew an approved course: starts a draft renewal',
        description:
          'From six months before the approval ends, and after it has lapsed. The draft starts from the latest approved details, courses and map; files must be uploaded again. Only one renewal may be open at a time (409 otherwise).',
        params: idParams,
        response: { 201: courseDetailOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const renewal = await startCourseRenewal(ctx, req.params.id);
      return reply.status(201).send(detailOf(await viewCourseApplication(ctx, renewal.id)));
    },
  );
}
