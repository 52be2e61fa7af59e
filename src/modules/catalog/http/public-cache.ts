import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A small in-process cache of the catalog's public pages (and the feed). The catalog is read far
 * more than it changes, and its queries and rendering cost far more than sending stored bytes. An
 * entry is keyed by the address, "today" (a course leaves the catalog at midnight) and the number of
 * the latest audit event: every change anywhere writes one, so a copy made before a change is never
 * served after it. That number is read from the database at most once per STAMP_TTL_MS; a write
 * handled by this process forgets it at once, so its own changes show on the next request, and other
 * processes see them within STAMP_TTL_MS. Changes made outside the application (SQL by hand, no audit
 * event) show within ENTRY_TTL_MS. Nothing here is needed by another process (it is only a copy of
 * what the database says), so scaling out is unaffected.
 *
 * An entry holds the page's main content; signed-in visitors get it inside their own page chrome
 * (never stored), anonymous ones the whole stored page, which shared caches may keep for a minute.
 */

export interface CachedContent {
  status: number;
  /** What the page's layout needs besides the content. */
  title: string;
  feed: boolean;
  /** The main content as HTML, or the whole body for a non-HTML answer (the feed). */
  html: string;
  type: string;
  /** Seconds shared caches and browsers may reuse the anonymous page. */
  maxAge: number;
}

interface Entry {
  content: CachedContent;
  /** The whole page as an anonymous visitor gets it, made on first use. */
  page?: { body: string; etag: string };
  storedAt: number;
}

export const STAMP_TTL_MS = 1000;
/** A safety net for changes made outside the application: no copy outlives a minute. */
export const ENTRY_TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const FLASH_COOKIE = 'lssc_flash';

export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  private stamp: { value: number; readAt: number } | undefined;
  private pending: Promise<number> | undefined;
  /** Counts invalidations, so a read that started before a write is not remembered after it. */
  private generation = 0;

  constructor(private readonly readStamp: () => Promise<number>) {}

  /** A write was handled here: check the database before serving anything stored again. */
  invalidate(): void {
    this.stamp = undefined;
    this.pending = undefined;
    this.generation++;
  }

  async version(): Promise<number> {
    const now = Date.now();
    if (this.stamp && now - this.stamp.readAt < STAMP_TTL_MS) return this.stamp.value;
    if (this.pending) return this.pending; // concurrent requests share one read
    const generation = this.generation;
    const read = this.readStamp().finally(() => {
      if (this.pending === read) this.pending = undefined;
    });
    this.pending = read;
    const value = await read;
    if (generation === this.generation) this.stamp = { value, readAt: now };
    return value;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (Date.now() - entry.storedAt > ENTRY_TTL_MS) return undefined;
    // Most recently used last: eviction takes the first.
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, content: CachedContent): Entry {
    const entry: Entry = { content, storedAt: Date.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** Anonymous visitors without a one-time message all get the same bytes; anyone else gets their own. */
export function isShareable(req: FastifyRequest): boolean {
  return req.actor.kind === 'anonymous' && !req.cookies[FLASH_COOKIE];
}

/**
 * Serve a public page or document. `render` produces the content (queries and all) and runs only when
 * no current copy is stored; `wrap` puts content into a whole page for this visitor.
 */
export async function sendPublic(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PublicPageCache,
  render: () => Promise<CachedContent>,
  wrap: (content: CachedContent) => string = (c) => c.html,
) {
  const key = `${await cache.version()}|${req.server.services.clock.today()}|${req.url}`;
  let entry = cache.get(key);
  if (!entry) {
    const content = await render();
    if (content.status !== 200) return send(reply, content, wrap(content), 'no-store');
    entry = cache.set(key, content);
  }
  const { content } = entry;
  if (!isShareable(req)) return send(reply, content, wrap(content), 'no-store');
  if (!entry.page) {
    const body = wrap(content);
    entry.page = { body, etag: etagOf(body) };
  }
  reply.header('vary', 'Cookie').header('etag', entry.page.etag);
  if (req.headers['if-none-match'] === entry.page.etag)
    return reply.header('cache-control', `public, max-age=${content.maxAge}`).status(304).send();
  return send(reply, content, entry.page.body, `public, max-age=${content.maxAge}`);
}

function send(reply: FastifyReply, content: CachedContent, body: string, cacheControl: string) {
  return reply.header('cache-control', cacheControl).status(content.status).type(content.type).send(body);
}
