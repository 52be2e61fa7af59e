import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { atomFeed } from '../rules/atom.js';
import { listNewCourses } from '../use-cases/list-new-courses.js';
import { searchCatalogCourses } from '../use-cases/search-catalog.js';
import { viewCatalogCourse } from '../use-cases/view-catalog-course.js';
import { viewCatalogProvider } from '../use-cases/view-catalog-provider.js';
import { CatalogPage } from '../views/catalog-page.js';
import { CatalogCoursePage, LapsedCoursePage } from '../views/course-page.js';
import { setLabel } from '../views/labels.js';
import { CatalogProviderPage } from '../views/provider-page.js';
import { type CachedContent, type PublicPageCache, sendPublic } from './public-cache.js';
import { publicContent, wrapPublicPage } from './render-public.js';

const hide = true;

/** The public catalog pages and its feed; anonymous visitors share cached copies (see public-cache.ts). */
export function registerCatalogPages(app: App, cache: PublicPageCache) {
  const page = (req: FastifyRequest, reply: FastifyReply, render: () => Promise<CachedContent>) =>
    sendPublic(req, reply, cache, render, (content) => wrapPublicPage(req, content));

  app.get('/catalog', { schema: { hide } }, async (req, reply) =>
    page(req, reply, async () => {
      const ctx = ctxFrom(req);
      const values = formValues(req.query);
      try {
        const result = await searchCatalogCourses(ctx, req.query);
        return publicContent(
          { title: 'Approved course catalog', feed: true },
          <CatalogPage
            values={values}
            sets={result.sets}
            providerName={result.provider?.name}
            result={result}
          />,
        );
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'VALIDATION_FAILED') throw err;
        const { framework } = await getActiveProgramData(ctx);
        return publicContent(
          { title: 'Approved course catalog', status: 400, feed: true },
          <CatalogPage
            values={values}
            errors={err.fields}
            sets={framework.framework.framework.sets}
            result={null}
          />,
        );
      }
    }),
  );

  app.get(
    '/catalog/courses/:number',
    { schema: { hide, params: z.object({ number: z.string().max(40) }) } },
    async (req, reply) =>
      page(req, reply, async () => {
        const view = await viewCatalogCourse(ctxFrom(req), req.params.number);
        if (view.lapsed)
          // 410 Gone: the course existed and is gone for good (unless renewed), unlike a mistyped number.
          return publicContent(
            { title: `${view.course.title}: no longer approved`, status: 410 },
            <LapsedCoursePage course={view.course} />,
          );
        return publicContent({ title: view.course.title }, <CatalogCoursePage view={view} />);
      }),
  );

  app.get(
    '/catalog/providers/:providerId',
    { schema: { hide, params: z.object({ providerId: z.string().max(64) }) } },
    async (req, reply) =>
      page(req, reply, async () => {
        const pageNumber = (req.query as Record<string, unknown>).page;
        const view = await viewCatalogProvider(ctxFrom(req), req.params.providerId, pageNumber);
        return publicContent({ title: view.provider.name }, <CatalogProviderPage view={view} />);
      }),
  );

  app.get('/catalog/feed.atom', { schema: { hide } }, async (req, reply) =>
    sendPublic(req, reply, cache, async () => {
      const { rows, sets } = await listNewCourses(ctxFrom(req));
      const feed: CachedContent = {
        status: 200,
        title: 'feed',
        feed: false,
        html: feedXml(req, rows, sets),
        type: 'application/atom+xml; charset=utf-8',
        maxAge: 300,
      };
      return feed;
    }),
  );
}

function feedXml(
  req: FastifyRequest,
  rows: Awaited<ReturnType<typeof listNewCourses>>['rows'],
  sets: Awaited<ReturnType<typeof listNewCourses>>['sets'],
): string {
  const base = req.server.services.config.baseUrl;
  const newest = rows.reduce<Date | null>((d, r) => (!d || r.updatedAt > d ? r.updatedAt : d), null);
  return atomFeed({
    id: `${base}/catalog/feed.atom`,
    title: 'Newly approved courses: Library Support Staff Certification',
    subtitle: 'The 50 most recently approved courses in the course catalog.',
    self: `${base}/catalog/feed.atom`,
    alternate: `${base}/catalog`,
    author: 'Library Support Staff Certification program',
    // An empty catalog has no date of its own; the start of the program's calendar is stable.
    updated: newest ?? new Date('2026-01-01T00:00:00Z'),
    entries: rows.map((r) => ({
      id: `urn:uuid:${r.id}`,
      title: r.title,
      link: `${base}/catalog/courses/${r.number}`,
      updated: r.updatedAt,
      published: r.createdAt,
      categories: [setLabel(sets, r.setId)],
      summary: `${r.number}, offered by ${r.providerName}. Covers the ${setLabel(sets, r.setId)} competency set. ${r.summary}`,
    })),
  });
}
