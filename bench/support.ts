/** Pieces every bench shares: a fresh database, waiting for a server, requests in turn, a yardstick. */
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

/** Drop and create the database named in `url` (connecting to `postgres` on the same server). */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

/** Run `run`, print how long it took under `label`, and return its result. */
export async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  console.log(`${label.padEnd(58)} ${String(ms).padStart(7)} ms`);
  return result;
}

/** Poll `target` until it answers 2xx (a server starting in another process). */
export async function waitFor(target: string, tries = 150): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const ok = await fetch(target).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${target} did not answer`);
}

/** autocannon requests over `paths` in turn, with an optional cookie. */
export function rotating(paths: string[], cookie?: string): autocannon.Request[] {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: paths[i++ % paths.length]!,
        headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
      }),
    },
  ];
}

/**
 * The yardstick: Fastify with one route and nothing else. A bench file starts itself again with
 * `--hello PORT` in another process and calls this first thing; it returns true in that process.
 */
export async function serveHelloWorldIfAsked(argv = process.argv): Promise<boolean> {
  if (argv[2] !== '--hello') return false;
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(argv[3]), host: '127.0.0.1' });
  return true;
}
