import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { markMailFailed, markMailSent, pendingMail } from './outbox.js';
import type { MailTransport } from './transport.js';

const MAX_ATTEMPTS = 8;

/** Deliver what is waiting in the outbox. Safe to run twice at once: a mail may at worst go twice, never be lost. */
export async function deliverPendingMail(deps: {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  log: Logger;
}) {
  const batch = await pendingMail(deps.db, 50, MAX_ATTEMPTS);
  let sent = 0;
  for (const row of batch) {
    try {
      await deps.transport.send({
        id: row.id,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        template: row.template,
      });
      await markMailSent(deps.db, row.id, deps.clock.now());
      sent++;
    } catch (err) {
      deps.log.warn(
        { mailId: row.id, attempt: row.attempts + 1, err: (err as Error).message },
        'mail delivery failed',
      );
      await markMailFailed(deps.db, row.id, row.attempts + 1, (err as Error).message);
    }
  }
  return { sent, tried: batch.length };
}
