import { z } from 'zod';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { catalogQuerySchema } from '../forms.js';
import { searchCatalogCourses } from '../use-cases/search-catalog.js';
import { viewCatalogCourse } from '../use-cases/view-catalog-course.js';
import { viewCatalogProvider } from '../use-cases/view-catalog-provider.js';
import {
  catalogCourseOf,
  catalogCourseOut,
  catalogPageOf,
  catalogPageOut,
  catalogProviderOf,
  catalogProviderOut,
} from './api-schemas.js';
import { type CachedContent, type PublicPageCache, sendPublic } from './public-cache.js';

const tags = ['catalog'];
const base = '/api/v1/catalog';
const publicNote =
  'Public: no sign-in needed. Anonymous answers may be kept by shared caches for a minute (Cache-Control, ETag).';

/**
 * A JSON answer checked against its schema once, then stored like the pages (see public-cache.ts):
 * the stored string is sent as it is, so the schema check runs when the copy is made.
 */
function json<T>(schema: z.ZodType<T>, value: T, status = 200): CachedContent {
  return {
    status,
    title: '',
    feed: false,
    html: JSON.stringify(schema.parse(value)),
    type: 'application/json; charset=utf-8',
    maxAge: 60,
  };
}

const problem = (detail: string) => ({
  type: 'https://lssc.example/problems/course-lapsed',
  title: 'Gone',
  status: 410,
  code: 'COURSE_LAPSED',
  detail,
});

/** The public catalog as JSON: the same use cases as the pages. */
export function registerCatalogApi(app: App, cache: PublicPageCache) {
  const baseUrl = app.services.config.baseUrl;

  app.get(
    `${base}/courses`,
    {
      schema: {
        tags,
        summary: 'Search the approved course catalog (20 a page)',
        description: `${publicNote} Only courses approved today. Best matches first when searching by words, else newest approval first.`,
        security: [],
        querystring: catalogQuerySchema,
        response: { 200: catalogPageOut },
      },
    },
    async (req, reply) =>
      sendPublic(req, reply, cache, async () =>
        json(catalogPageOut, catalogPageOf(baseUrl, await searchCatalogCourses(ctxFrom(req), req.query))),
      ),
  );

  app.get(
    `${base}/courses/:number`,
    {
      schema: {
        tags,
        summary: 'One approved course with its competencies, sessions and bundle',
        description: `${publicNote} A course whose approval has ended answers 410 Gone (problem+json, code COURSE_LAPSED).`,
        security: [],
        params: z.object({ number: z.string().max(40).describe('Like CRS-2026-000123') }),
        response: { 200: catalogCourseOut },
      },
    },
    async (req, reply) =>
      sendPublic(req, reply, cache, async () => {
        const view = await viewCatalogCourse(ctxFrom(req), req.params.number);
        if (!view.lapsed) return json(catalogCourseOut, catalogCourseOf(baseUrl, view));
        const ended = formatCalendarDate(view.course.approvalEndsOn);
        return {
          ...json(
            z.unknown(),
            problem(`${view.course.number} is no longer approved: its approval ended on ${ended}.`),
          ),
          status: 410,
          type: 'application/problem+json; charset=utf-8',
        };
      }),
  );

  app.get(
    `${base}/providers/:providerId`,
    {
      schema: {
        tags,
        summary: 'A course provider’s public profile and its approved courses (20 a page)',
        description: `${publicNote} Only providers with at least one course in the catalog; others answer 404.`,
        security: [],
        params: z.object({ providerId: z.string().max(64) }),
        querystring: z.object({ page: catalogQuerySchema.shape.page }),
        response: { 200: catalogProviderOut },
      },
    },
    async (req, reply) =>
      sendPublic(req, reply, cache, async () => {
        const view = await viewCatalogProvider(ctxFrom(req), req.params.providerId, req.query.page);
        return json(catalogProviderOut, catalogProviderOf(baseUrl, view.provider, view));
      }),
  );
}
