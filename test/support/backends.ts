import path from 'node:path';

/** Which database tiers run. PGlite always; PostgreSQL with TEST_DATABASE_URL; in CI a missing tier fails. */
export function testBackends(): Array<'pglite' | 'postgres'> {
  const pg = process.env.TEST_DATABASE_URL;
  if (!pg && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tier must run in CI.');
  }
  return pg ? ['pglite', 'postgres'] : ['pglite'];
}

/** Set once per vitest run (vitest.config.ts) and inherited by the workers. */
export const runId = process.env.LSSC_TEST_RUN_ID ?? 'local';
export const tmpRoot = path.resolve('.tmp/test', runId);
export const pgliteTemplateDir = path.join(tmpRoot, 'pglite-template');
export const PG_TEMPLATE_DB = `lssc_tpl_${runId}`;
export const PG_DB_PREFIX = `lssc_t_${runId}_`;

export function pgUrlFor(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
