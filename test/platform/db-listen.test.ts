import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, openDb } from '../../src/platform/db/client.js';
import { PG_DB_PREFIX, pgUrlFor, testBackends } from '../support/backends.js';

const onPostgres = testBackends().includes('postgres');

describe.skipIf(!onPostgres)('pooled PostgreSQL connections that listen', () => {
  const name = `${PG_DB_PREFIX}listen_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  let handle: DbHandle;

  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${name}`);
    handle = await openDb({ kind: 'postgres', url: pgUrlFor(name), poolSize: 4 }, { migrate: false });
  });
  afterAll(async () => {
    await handle?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('never queue a query behind another on one connection (pg deprecates it), and hear their own NOTIFY', async () => {
    const heard: string[] = [];
    const stop = await handle.listen(
      'lssc_listen_probe',
      (p) => heard.push(p),
      () => {},
    );
    // What pg warns about: a query sent while another waits in the connection's queue. util.deprecate
    // warns once per process, so count the occasions instead of waiting for the warning.
    const original = pg.Client.prototype.query;
    let queuedBehind = 0;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      if ((this as unknown as { _queryQueue: unknown[] })._queryQueue.length > 0) queuedBehind++;
      return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    try {
      // The pool has one connection (openDb's first query); these make three more, new after listen().
      await Promise.all([1, 2, 3, 4].map((n) => handle.raw.query(`select pg_sleep(0.05), ${n}`)));
      for (let i = 0; i < 8; i++) {
        await handle.raw.query(`select pg_notify('lssc_listen_probe', 'n${i}')`);
        expect(heard).toContain(`n${i}`);
      }
    } finally {
      spy.mockRestore();
      await stop();
    }
    expect(queuedBehind).toBe(0);
  });
});
