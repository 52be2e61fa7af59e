import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { DbHandle } from '../db/client.js';

/** Jobs the system knows; each handler must be safe to run twice. */
export type JobName = 'deliver-mail' | 'prune-expired' | 'sweeps' | 'issue-credentials';

export interface JobQueue {
  /** Ask for a job to run soon; called after the transaction that needs it has committed. */
  send(name: JobName, data?: Record<string, unknown>, opts?: { startAfterSeconds?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface JobHandlers {
  'deliver-mail': () => Promise<unknown>;
  'prune-expired': () => Promise<unknown>;
  /** Reminders and alerts (src/sweeps.ts). */
  sweeps: () => Promise<unknown>;
  /** Signs the digital credentials that certifications lack (credentials/issue-credentials.ts). */
  'issue-credentials'?: () => Promise<unknown>;
}

/**
 * pg-boss on both backends (PGlite through an executeSql adapter). With `work: false` the process
 * only enqueues (web processes at scale); `lssc worker` runs the handlers.
 */
export async function startJobQueue(
  handle: DbHandle,
  opts: { work: boolean; handlers: JobHandlers; log: Logger },
): Promise<JobQueue> {
  const boss = new PgBoss({
    ...('connectionString' in handle.jobsConnection
      ? { connectionString: handle.jobsConnection.connectionString, max: 2 }
      : { db: handle.jobsConnection as never }),
    schema: 'pgboss',
    supervise: opts.work,
    schedule: opts.work,
    migrate: true,
  });
  boss.on('error', (err) => opts.log.error({ err: err.message }, 'job queue error'));
  await boss.start();
  await boss.createQueue('deliver-mail');
  await boss.createQueue('prune-expired');
  await boss.createQueue('sweeps');
  await boss.createQueue('issue-credentials');
  if (opts.work) {
    await boss.work('deliver-mail', { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
      await opts.handlers['deliver-mail']();
    });
    // A sweep catches mail whose "send" was lost (process died between commit and enqueue).
    await boss.schedule('deliver-mail', '* * * * *');
    await boss.work('prune-expired', async () => {
      await opts.handlers['prune-expired']();
    });
    await boss.schedule('prune-expired', '17 * * * *');
    await boss.work('sweeps', async () => {
      await opts.handlers.sweeps();
    });
    await boss.schedule('sweeps', '41 * * * *');
    const issueCredentials = opts.handlers['issue-credentials'];
    if (issueCredentials) {
      await boss.work('issue-credentials', async () => {
        await issueCredentials();
      });
      // Catches certifications whose request was lost, and any made before credentials existed.
      await boss.schedule('issue-credentials', '*/10 * * * *');
    }
  }
  return {
    async send(name, data = {}, sendOpts = {}) {
      // singletonKey folds a burst of requests into one pending job.
      await boss.send(name, data, {
        singletonKey: name,
        singletonSeconds: 1,
        ...(sendOpts.startAfterSeconds ? { startAfter: sendOpts.startAfterSeconds } : {}),
      });
    },
    async stop() {
      await boss.stop({
        graceful: true,
        wait: true,
        close: 'connectionString' in handle.jobsConnection,
        timeout: 5000,
      });
    },
  };
}

/** For processes that must not touch the queue (tests of one request, CLI one-shots): enqueue nothing. */
export const noJobQueue: JobQueue = {
  async send() {},
  async stop() {},
};
