import { z } from 'zod';
import { formatDateTime } from '../../views/format.js';
import { listMail } from '../mail/outbox.js';
import type { App } from './app-type.js';
import { sendPage } from './render.js';

const mailQuery = z.object({
  to: z.string().max(320).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const PAGE_SIZE = 25;

export function registerOpsRoutes(app: App, ready: () => Promise<boolean>) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await ready().catch(() => false);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });

  // The development mailbox: only without SMTP and never in production.
  const { config } = app.services;
  if (config.env === 'production' || config.smtpUrl) return;

  app.get('/dev/mail.json', { schema: { hide: true } }, async (req) => {
    const q = mailQuery.parse(req.query);
    const { rows, total } = await listMail(app.services.db, {
      to: q.to,
      limit: PAGE_SIZE,
      offset: (q.page - 1) * PAGE_SIZE,
    });
    return {
      total,
      items: rows.map((m) => ({
        id: m.id,
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        template: m.template,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  });

  app.get('/dev/mail', { schema: { hide: true } }, async (req, reply) => {
    const q = mailQuery.parse(req.query);
    const { rows, total } = await listMail(app.services.db, {
      to: q.to,
      limit: PAGE_SIZE,
      offset: (q.page - 1) * PAGE_SIZE,
    });
    return sendPage(
      req,
      reply,
      { title: 'Development mailbox' },
      <>
        <h1>Development mailbox</h1>
        <p>
          No mail server is set up, so mail the system sends is kept here instead. This page does not exist in
          production. <a href="/dev/mail.json">The same as JSON</a>.
        </p>
        <form method="get" action="/dev/mail" class="search-row">
          <label for="mail-to">Recipient</label>
          <input id="mail-to" name="to" type="search" value={q.to ?? ''} />
          <button type="submit">Filter</button>
        </form>
        {rows.length === 0 ? (
          <p>No mail yet.</p>
        ) : (
          rows.map((m) => (
            <article class="mail">
              <h2>{m.subject}</h2>
              <p class="meta">
                To {m.toAddress} · {formatDateTime(m.createdAt)} · {m.template}
              </p>
              <pre>{m.textBody}</pre>
            </article>
          ))
        )}
        <p class="hint">
          {total} message{total === 1 ? '' : 's'}
          {q.page > 1 && (
            <>
              {' '}
              · <a href={`/dev/mail?page=${q.page - 1}`}>Newer</a>
            </>
          )}
          {q.page * PAGE_SIZE < total && (
            <>
              {' '}
              · <a href={`/dev/mail?page=${q.page + 1}`}>Older</a>
            </>
          )}
        </p>
      </>,
    );
  });
}
