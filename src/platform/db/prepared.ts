import type { Db } from './client.js';

const byDb = new WeakMap<object, Map<string, unknown>>();

/**
 * A named prepared statement for the hottest reads (run on every request): the server parses and
 * plans it once per connection instead of on every call, and drizzle builds its SQL once.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let statements = byDb.get(db);
  if (!statements) {
    statements = new Map();
    byDb.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
