import type { FastifyRequest } from 'fastify';
import { type ComponentChildren, Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { renderDocument } from '../../../platform/http/render.js';
import { Layout } from '../../../views/layout.js';
import type { CachedContent } from './public-cache.js';

export const CATALOG_FEED = { href: '/catalog/feed.atom', title: 'Newly approved courses (Atom)' };

/** A public page's main content, rendered once and stored for every visitor (see public-cache.ts). */
export function publicContent(
  opts: { title: string; status?: number; feed?: boolean },
  body: ComponentChildren,
): CachedContent {
  const status = opts.status ?? 200;
  return {
    status,
    title: status === 400 && !opts.title.startsWith('Error: ') ? `Error: ${opts.title}` : opts.title,
    feed: opts.feed ?? false,
    html: renderToString(h(Fragment, null, body)),
    type: 'text/html; charset=utf-8',
    maxAge: 60,
  };
}

/**
 * Stored content inside the site layout for this visitor. Unlike sendPage it asks for a CSRF token
 * only for signed-in people (the layout's sign-out form), so an anonymous visitor gets no cookie and
 * the page stays shareable.
 */
export function wrapPublicPage(req: FastifyRequest, content: CachedContent): string {
  const fixedToday = req.server.services.config.fixedToday;
  return renderDocument(
    h(Layout, {
      title: content.title,
      actor: req.actor,
      csrfToken: req.actor.kind === 'user' ? req.csrfToken() : '',
      path: req.url.split('?')[0] ?? '/',
      flash: req.takeFlash(),
      environmentNote: fixedToday ? `Demonstration mode: "today" is set to ${fixedToday}.` : undefined,
      feed: content.feed ? CATALOG_FEED : undefined,
      children: h('div', { class: 'page-content', dangerouslySetInnerHTML: { __html: content.html } }),
    }),
  );
}
