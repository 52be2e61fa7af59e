import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, transact } from '../../src/platform/context.js';
import { type JobQueue, startJobQueue } from '../../src/platform/jobs/queue.js';
import { createLogger } from '../../src/platform/logger.js';
import { deliverPendingMail } from '../../src/platform/mail/deliver.js';
import { listMail } from '../../src/platform/mail/outbox.js';
import type { MailTransport } from '../../src/platform/mail/transport.js';
import { testBackends } from '../support/backends.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** pg-boss runs on both databases: mail queued by a use case is delivered by the job after commit. */
describe.each(testBackends())('job queue on %s', (backend) => {
  let t: TestApp;
  let jobs: JobQueue;
  const delivered: string[] = [];
  const transport: MailTransport = {
    kind: 'dev',
    async send(mail) {
      delivered.push(mail.to);
    },
    async close() {},
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const log = createLogger('silent');
    jobs = await startJobQueue(t.handle, {
      work: true,
      log,
      handlers: {
        'deliver-mail': () => deliverPendingMail({ db: t.services.db, transport, clock: t.clock, log }),
        'prune-expired': async () => {},
        sweeps: async () => {},
      },
    });
    t.services.jobs = jobs;
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  it('delivers mail from a committed transaction and none from a rolled-back one', async () => {
    const ctx = systemCtx(t.services, 'test');
    await transact(ctx, (w) =>
      w.mail({ to: 'kept@example.org', subject: 'Kept', text: 'x', template: 'test' }),
    );
    await expect(
      transact(ctx, async (w) => {
        await w.mail({ to: 'lost@example.org', subject: 'Lost', text: 'x', template: 'test' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Wait for the outbox row to be marked sent, not for the transport to be called: the job marks
    // it just after sending, so a poll landing in between would see it still unsent.
    const sent = async () => {
      const { rows } = await listMail(t.services.db, { limit: 10, offset: 0 });
      return rows.some((r) => r.toAddress === 'kept@example.org' && r.sentAt !== null);
    };
    for (let i = 0; i < 60 && !(await sent()); i++) await new Promise((r) => setTimeout(r, 250));
    expect(delivered).toEqual(['kept@example.org']);
    const { rows } = await listMail(t.services.db, { limit: 10, offset: 0 });
    expect(rows.map((r) => [r.toAddress, r.sentAt !== null])).toEqual([['kept@example.org', true]]);
  });
});
