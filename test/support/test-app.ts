import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type App, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { manualClock } from '../../src/platform/clock.js';
import type { Services } from '../../src/platform/context.js';
import { type DbHandle, openDb } from '../../src/platform/db/client.js';
import { noJobQueue } from '../../src/platform/jobs/queue.js';
import { createLogger } from '../../src/platform/logger.js';
import { PG_DB_PREFIX, PG_TEMPLATE_DB, pgliteTemplateDir, pgUrlFor, tmpRoot } from './backends.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

export interface TestApp {
  app: App;
  services: Services;
  clock: ReturnType<typeof manualClock>;
  handle: DbHandle;
  backend: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** A fresh database copied from the template, and the whole app on it; "now" starts at 2026-11-28 15:00 UTC. */
export async function createTestApp(
  backend: 'pglite' | 'postgres',
  env: Record<string, string> = {},
): Promise<TestApp> {
  const name = `${PG_DB_PREFIX}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let handle: DbHandle;
  let dropDb: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = path.join(tmpRoot, name);
    fs.cpSync(pgliteTemplateDir, dir, { recursive: true });
    handle = await openDb({ kind: 'pglite', dataDir: dir });
    dropDb = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
    await admin.end();
    handle = await openDb({ kind: 'postgres', url: pgUrlFor(name), poolSize: 5 });
    dropDb = async () => {
      const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LSSC_DATA_DIR: path.join(tmpRoot, `${name}-data`),
    ...env,
  });
  const clock = manualClock('2026-11-28T15:00:00Z');
  const services: Services = {
    db: handle.db,
    clock,
    config,
    log: createLogger('silent'),
    jobs: noJobQueue,
    listen: handle.listen,
  };
  const app = await buildApp({ services, secret: TEST_SECRET });
  return {
    app,
    services,
    clock,
    handle,
    backend,
    async close() {
      await app.close();
      await handle.close();
      await dropDb();
    },
  };
}
