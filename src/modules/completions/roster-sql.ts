import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * Set-based SQL for rosters of tens of thousands of rows. A list goes to PostgreSQL as one array
 * parameter (`= any($1::text[])`, `unnest($1::uuid[], …)`) rather than one parameter per value: the
 * statement stays small, is parsed once, and never nears the 65,535 bind-parameter limit. Lists are
 * still cut into chunks so no single statement carries an unbounded amount of data.
 */
export const CHUNK = 10_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type PgType = 'uuid' | 'text' | 'date' | 'boolean' | 'int' | 'timestamptz';

/** `column = any($1::type[])`: an index lookup of many values with one parameter. */
export const anyOf = (column: Column | SQL, values: readonly unknown[], type: PgType): SQL =>
  sql`${column} = any(${sql.param([...values])}::${sql.raw(type)}[])`;

/** An array parameter for unnest(); instants go as ISO text, so both drivers send the same thing. */
const arrayParam = (values: unknown[], type: PgType): SQL =>
  sql`${sql.param(values.map((v) => (v instanceof Date ? v.toISOString() : (v ?? null))))}::${sql.raw(type)}[]`;

/**
 * `unnest($1::type[], $2::type[], …) as alias(col, …)`: the rows as a table, one array per column,
 * for multi-row inserts and updates.
 */
export function unnestRows<R>(
  alias: string,
  columns: ReadonlyArray<readonly [name: string, type: PgType, value: (row: R) => unknown]>,
  rows: readonly R[],
): SQL {
  const arrays = sql.join(
    columns.map(([, type, value]) => arrayParam(rows.map(value), type)),
    sql`, `,
  );
  return sql`unnest(${arrays}) as ${sql.raw(alias)}(${sql.raw(columns.map(([name]) => name).join(', '))})`;
}

export const columnList = (columns: ReadonlyArray<readonly [string, ...unknown[]]>) =>
  sql.raw(columns.map(([name]) => name).join(', '));

/** The rows of a raw statement's result: both drivers (pg and PGlite) answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
