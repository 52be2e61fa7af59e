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

/** A full page in the site layout for this request, as HTML (takes the request's one-time message). */
export function renderPage(req: FastifyRequest, opts: PageOptions, body: ComponentChildren): string {
  const flash = req.takeFlash();
  const title =
    opts.status === 400 && !opts.title.startsWith('Error: ') ? `Error: ${opts.title}` : opts.title;
  return renderDocument(
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
}

/** Render a full page in the site layout for this request. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: PageOptions,
  body: ComponentChildren,
) {
  const html = renderPage(req, opts, body);
  return reply
    .status(opts.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
