import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout } from '../../views/layout.js';

export function renderDocument<P>(node: VNode<P>): string {
  return `<!doctype html>${renderToString(node)}`;
}

export interface PageOptions {
  title: string;
  status?: number;
  banner?: string;
}

/** Render a full page in the site layout for this request. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: PageOptions,
  body: ComponentChildren,
) {
  const flash = req.takeFlash();
  // A form shown again with problems says so first in the title, which screen readers announce.
  const title =
    opts.status === 400 && !opts.title.startsWith('Error: ') ? `Error: ${opts.title}` : opts.title;
  const html = renderDocument(
    h(Layout, {
      title,
      actor: req.actor,
      csrfToken: req.csrfToken(),
      path: req.url.split('?')[0] ?? '/',
      flash,
      banner: opts.banner,
      environmentNote: req.server.services.config.fixedToday
        ? `Demonstration mode: "today" is set to ${req.server.services.config.fixedToday}.`
        : undefined,
      children: body,
    }),
  );
  return reply
    .status(opts.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
