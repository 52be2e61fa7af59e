import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import { deliverPendingMail } from '../../src/platform/mail/deliver.js';
import { listMail, pendingMail } from '../../src/platform/mail/outbox.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { smtpTransport } from '../../src/platform/mail/transport.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A real SMTP exchange with a local server: what the relay receives is what the outbox held. */
describe('mail outbox delivered over SMTP', () => {
  let t: TestApp;
  let server: SMTPServer;
  let port = 0;
  const received: Array<{ to: string[]; raw: string }> = [];
  let refuseNext = false;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, cb) {
        if (refuseNext) {
          refuseNext = false;
          return cb(new Error('mailbox unavailable'));
        }
        cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('sends pending mail once, retries a refused one later, and records both', async () => {
    const ctx = systemCtx(t.services, 'test');
    await transact(ctx, async (w) => {
      await w.mail({ to: 'First@Example.org', subject: 'Hello one', text: 'Body one', template: 'test' });
      await w.mail({ to: 'second@example.org', subject: 'Hello two', text: 'Body two', template: 'test' });
    });
    const transport = await smtpTransport(
      `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      'LSSC <no-reply@lssc.example>',
    );
    const deps = { db: t.services.db, transport, clock: t.clock, log: createLogger('silent') };
    refuseNext = true;
    const first = await deliverPendingMail(deps);
    expect(first).toEqual({ sent: 1, tried: 2 });
    const second = await deliverPendingMail(deps);
    expect(second).toEqual({ sent: 1, tried: 1 });
    expect(await deliverPendingMail(deps)).toEqual({ sent: 0, tried: 0 });
    await transport.close();

    expect(received.map((r) => r.to[0]).sort()).toEqual(['first@example.org', 'second@example.org']);
    expect(received.find((r) => r.to[0] === 'second@example.org')?.raw).toContain('Body two');
    const { rows } = await listMail(t.services.db, { limit: 10, offset: 0 });
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
    expect(rows.find((r) => r.toAddress === 'first@example.org')?.attempts).toBe(1);
  });

  it('sends the mails of one moment in the order they were written, whatever order the rows are stored in', async () => {
    // One transaction's mails share created_at; without a tie-break the database may return them in
    // any order (here: stored last-written first).
    const [written1, written2] = [uuidv7(), uuidv7()];
    const at = t.clock.now();
    const row = (id: string) => ({
      id,
      toAddress: `${id}@example.org`,
      subject: 's',
      textBody: 'x',
      template: 'test',
      createdAt: at,
    });
    await t.services.db.insert(mailOutbox).values(row(written2));
    await t.services.db.insert(mailOutbox).values(row(written1));
    const ids = (await pendingMail(t.services.db, 50, 8)).map((m) => m.id);
    expect(ids.filter((id) => id === written1 || id === written2)).toEqual([written1, written2]);
  });
});
