import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { ensureProgramData } from '../../src/modules/policy/use-cases/ensure-program-data.js';
import { fixedDayClock } from '../../src/platform/clock.js';
import { systemCtx } from '../../src/platform/context.js';
import { openDb } from '../../src/platform/db/client.js';
import { noJobQueue } from '../../src/platform/jobs/queue.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  PG_DB_PREFIX,
  PG_TEMPLATE_DB,
  pgliteTemplateDir,
  pgUrlFor,
  testBackends,
  tmpRoot,
} from './backends.js';

const STALE_MS = 6 * 60 * 60 * 1000;

async function dropDatabases(pattern: string, names: string[] = []) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const rows = await admin.query(
    `select datname from pg_database where datname like $1 or datname = any($2)`,
    [pattern, names],
  );
  for (const row of rows.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
  await admin.end();
}

/** Build each database once (migrated, program data installed); test files copy it. */
export default async function setup() {
  const backends = testBackends();
  // Scratch folders of runs that died long ago.
  const parent = path.dirname(tmpRoot);
  fs.mkdirSync(parent, { recursive: true });
  for (const name of fs.readdirSync(parent)) {
    const p = path.join(parent, name);
    if (Date.now() - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { recursive: true, force: true });
  }
  fs.mkdirSync(tmpRoot, { recursive: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const base = { clock: fixedDayClock('2026-11-28'), config, log: createLogger('silent'), jobs: noJobQueue };

  const lite = await openDb({ kind: 'pglite', dataDir: pgliteTemplateDir });
  await ensureProgramData(systemCtx({ ...base, db: lite.db }, 'test-setup'));
  await lite.close();

  if (backends.includes('postgres')) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const handle = await openDb({ kind: 'postgres', url: pgUrlFor(PG_TEMPLATE_DB), poolSize: 2 });
    await ensureProgramData(systemCtx({ ...base, db: handle.db }, 'test-setup'));
    await handle.close();
  }

  return async () => {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
    if (backends.includes('postgres')) await dropDatabases(`${PG_DB_PREFIX}%`, [PG_TEMPLATE_DB]);
  };
}
