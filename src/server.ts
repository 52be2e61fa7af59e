import { type App, buildApp } from './app.js';
import type { Config } from './config.js';
import { pruneExpiredRecords } from './modules/accounts/use-cases/prune-expired-records.js';
import { issueCredentialsBatch } from './modules/certification/credentials/issue-credentials.js';
import { seedDemoIfEmpty } from './modules/demo/seed-demo.js';
import { ensureProgramData } from './modules/policy/use-cases/ensure-program-data.js';
import { type Clock, fixedDayClock, systemClock } from './platform/clock.js';
import { type Services, systemCtx } from './platform/context.js';
import { type DbHandle, openDb } from './platform/db/client.js';
import { checkBlobStore } from './platform/files/configured-blob-store.js';
import { type JobQueue, startJobQueue } from './platform/jobs/queue.js';
import { createLogger } from './platform/logger.js';
import { deliverPendingMail } from './platform/mail/deliver.js';
import { devTransport, type MailTransport, smtpTransport } from './platform/mail/transport.js';
import { loadOrCreateSecret } from './platform/secret.js';
import { runSweeps } from './sweeps.js';

export const PROGRAM_TIME_ZONE = 'America/Chicago';

export function clockFor(config: Config): Clock {
  return config.fixedToday ? fixedDayClock(config.fixedToday) : systemClock(PROGRAM_TIME_ZONE);
}

export interface Runtime {
  handle: DbHandle;
  services: Services;
  transport: MailTransport;
  stop(): Promise<void>;
}

/** Open the database, apply migrations and program data, start jobs: everything but HTTP. */
export async function startRuntime(config: Config, opts: { work: boolean; seed: boolean }): Promise<Runtime> {
  const log = createLogger(config.logLevel);
  const handle = await openDb(config.database);
  const clock = clockFor(config);
  const transport = config.smtpUrl ? await smtpTransport(config.smtpUrl, config.mailFrom) : devTransport(log);
  let jobs: JobQueue | undefined;
  try {
    const services: Services = {
      db: handle.db,
      clock,
      config,
      log,
      jobs: { send: async () => {}, stop: async () => {} },
      listen: handle.listen,
    };
    jobs = await startJobQueue(handle, {
      work: opts.work,
      log,
      handlers: {
        'deliver-mail': () => deliverPendingMail({ db: handle.db, transport, clock, log }),
        'prune-expired': () => pruneExpiredRecords(systemCtx(services, 'prune')),
        sweeps: () => runSweeps(systemCtx(services, 'sweeps')),
        'issue-credentials': () => issueCredentialsBatch(systemCtx(services, 'issue-credentials')),
      },
    });
    services.jobs = jobs;
    await ensureProgramData(systemCtx(services, 'bootstrap'));
    if (opts.seed && config.seedDemo) await seedDemoIfEmpty(systemCtx(services, 'demo-seed'));
    return {
      handle,
      services,
      transport,
      async stop() {
        await jobs?.stop().catch(() => {});
        await transport.close();
        await handle.close();
      },
    };
  } catch (err) {
    await jobs?.stop().catch(() => {});
    await handle.close();
    throw err;
  }
}

export async function startServer(
  config: Config,
): Promise<{ app: App; url: string; services: Services; stop(): Promise<void> }> {
  const started = Date.now();
  // Demo data belongs to the embedded default; on PostgreSQL it is added on purpose with `lssc seed --demo`.
  const runtime = await startRuntime(config, {
    work: config.runJobsInProcess,
    seed: config.database.kind === 'pglite',
  });
  const app = await buildApp({
    services: runtime.services,
    secret: loadOrCreateSecret(config),
    ready: async () => {
      await runtime.handle.raw.query('select 1');
      await checkBlobStore(config);
      return true;
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  runtime.services.log.info(
    { url, database: runtime.handle.kind, ms: Date.now() - started },
    'lssc is listening',
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await runtime.stop();
    })();
    return stopping;
  };
  // The services let in-process callers (browser journeys) use the same use cases as the app.
  return { app, url, services: runtime.services, stop };
}
