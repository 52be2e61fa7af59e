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
  /**
   * Hear NOTIFY on a channel (names are [a-z_] only). `onReset(false)` runs when notifications may
   * be missed (the listening connection dropped), `onReset(true)` once it listens again, so a cache
   * can forget everything and keep nothing meanwhile. Resolves once listening; the returned function
   * stops.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onReset: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL_NAME = /^[a-z_]{1,63}$/;

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
    // Trigram indexes (institution search) need the extension's code loaded on every open.
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true }); // PGlite creates only the leaf
    const client = new PGlite(dataDir, { extensions: { pg_trgm } });
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
      async listen(channel, onNotify) {
        if (!CHANNEL_NAME.test(channel)) throw new Error(`Bad channel name: ${channel}`);
        // One process owns the embedded database, so no notification can be missed.
        const stop = await client.listen(channel, onNotify);
        return async () => {
          if (!client.closed) await stop();
        };
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
  /*
   * Every pooled connection listens too, before its next query: a session that commits a NOTIFY on
   * a channel it listens to gets the notification with the commit's answer, so this process hears
   * its own changes before the writing request finishes (read-your-writes). The connection of its
   * own (listenPostgres) hears the other processes' while the pool is idle.
   */
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const dispatch = (channel: string, payload: string) => {
    for (const handler of handlers.get(channel) ?? []) handler(payload);
  };
  const heardBy = new WeakMap<import('pg').ClientBase, Set<string>>();
  /** LISTEN on the channels this connection does not hear yet: one statement, so one query. */
  const listenOn = (client: import('pg').ClientBase): Promise<unknown> | undefined => {
    let heard = heardBy.get(client);
    if (!heard) {
      heard = new Set();
      heardBy.set(client, heard);
      client.on('notification', (m) => dispatch(m.channel, m.payload ?? ''));
    }
    const missing = [...handlers.keys()].filter((channel) => !heard.has(channel));
    if (missing.length === 0) return undefined;
    for (const channel of missing) heard.add(channel);
    return client.query(missing.map((channel) => `LISTEN ${channel}`).join('; ')).catch(() => {
      for (const channel of missing) heard.delete(channel);
    });
  };
  const pool = new pg.default.Pool({
    connectionString: target.url,
    max: target.poolSize,
    // A new connection listens before it is handed out. (Not from 'acquire': pg-pool emits that
    // before a new connection is ready for a query, so LISTEN would wait in its queue and the
    // caller's query would be queued behind it, which pg deprecates with a DeprecationWarning.)
    onConnect: async (client) => {
      await listenOn(client);
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight still get their error.
  });
  // A connection made before a channel was added hears it from its next use on: it is idle then,
  // so LISTEN starts at once and the query it was taken for follows it.
  pool.on('acquire', (client) => {
    void listenOn(client);
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
    async listen(channel, onNotify, onReset) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`Bad channel name: ${channel}`);
      const set = handlers.get(channel) ?? new Set();
      handlers.set(channel, set);
      set.add(onNotify);
      let stop: () => Promise<void>;
      try {
        stop = await listenPostgres(pg.default, target.url, channel, (p) => dispatch(channel, p), onReset);
      } catch (err) {
        set.delete(onNotify);
        throw err;
      }
      return async () => {
        set.delete(onNotify);
        await stop();
      };
    },
    close: () => pool.end(),
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). If it drops,
 * `onReset` runs, and it reconnects with growing pauses (up to 30 s) until stopped.
 */
async function listenPostgres(
  pgModule: typeof import('pg').default,
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onReset: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Bad channel name: ${channel}`);
  let stopped = false;
  let current: import('pg').Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = 500;
  const scheduleRetry = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(() => onReset(true), scheduleRetry);
    }, pause);
    pause = Math.min(pause * 2, 30_000);
  };
  const connect = async () => {
    const client = new pgModule.Client({ connectionString: url });
    client.on('notification', (m) => {
      if (m.channel === channel) onNotify(m.payload ?? '');
    });
    // Errors before LISTEN succeeded reject connect(); after it, the connection is lost.
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    pause = 500;
  };
  const lost = (client: import('pg').Client) => {
    if (current !== client) return;
    current = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    onReset(false);
    scheduleRetry();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = undefined;
    if (client) await client.end().catch(() => {});
  };
}
