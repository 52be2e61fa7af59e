import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { acquireDataDirLock } from './lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Queryable = Db | Tx;

export interface RawSql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<void>;
}

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  raw: RawSql;
  /** For pg-boss: a connection string (postgres) or an executeSql adapter (PGlite). */
  jobsConnection:
    | { connectionString: string }
    | { executeSql: (text: string, values?: unknown[]) => Promise<unknown> };
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export type DbTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string; poolSize: number };

export async function openDb(target: DbTarget, opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  const handle = target.kind === 'pglite' ? await openPglite(target.dataDir) : await openPostgres(target);
  if (opts.migrate !== false) {
    try {
      await runMigrations(handle);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const release = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true }); // PGlite creates only the leaf
    const client = new PGlite(dataDir);
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Db;
    const raw: RawSql = {
      query: async (text, values) => client.query(text, values as unknown[]) as never,
      exec: async (text) => {
        await client.exec(text);
      },
    };
    return {
      db,
      kind: 'pglite',
      raw,
      jobsConnection: {
        async executeSql(text, values) {
          try {
            return await client.query(text, values as unknown[]);
          } catch (err) {
            // pg-boss installs its schema with one multi-statement string, which the extended protocol refuses.
            if (!values?.length && /multiple commands/i.test(String((err as Error).message))) {
              const results = await client.exec(text);
              return results[results.length - 1] ?? { rows: [] };
            }
            throw err;
          }
        },
      },
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function openPostgres(target: { url: string; poolSize: number }): Promise<DbHandle> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Dates stay calendar strings ("2026-11-28"), never shifted through a JS Date in some time zone.
  pg.default.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.default.Pool({ connectionString: target.url, max: target.poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight still get their error.
  });
  await pool.query('select 1');
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    raw: {
      query: async (text, values) => pool.query(text, values as unknown[]),
      exec: async (text) => {
        await pool.query(text);
      },
    },
    jobsConnection: { connectionString: target.url },
    close: () => pool.end(),
  };
}
