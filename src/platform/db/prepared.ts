import type { Db, Queryable } from './client.js';

const byDb = new WeakMap<object, Map<string, unknown>>();

const isTransaction = (db: Queryable) => typeof (db as { rollback?: unknown }).rollback === 'function';

/**
 * A named prepared statement for the hottest reads: the server parses and plans it once per
 * connection instead of on every call, and drizzle builds its SQL once per process. Inside a
 * transaction the statement is built for that transaction (same name and text, so the connection
 * can reuse what it already parsed).
 */
export function prepared<T>(db: Queryable, name: string, build: (db: Db) => T): T {
  if (isTransaction(db)) return build(db as Db);
  let statements = byDb.get(db);
  if (!statements) {
    statements = new Map();
    byDb.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (!statement) {
    statement = build(db as Db);
    statements.set(name, statement);
  }
  return statement;
}
