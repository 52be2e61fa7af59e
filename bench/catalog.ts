/**
 * Measure the public course catalog on PostgreSQL seeded by bench/seed.ts and bench/seed-catalog.ts,
 * against a bare Fastify "hello world" measured in the same run on the same machine.
 * Starts `lssc start` (jobs off) and the hello-world server as separate processes, then runs
 * autocannon (50 connections, 10 s, after a 3 s warm-up) against each target, one at a time.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench node --import tsx bench/catalog.ts
 *
 * Settings: BENCH_SECONDS (10), BENCH_PORT (3951; hello world on the next port), BENCH_SEARCH_RATE (100) and
 * BENCH_COURSE_RATE (250) for the steady-load runs of pages the cache cannot hold.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { rotating, serveHelloWorldIfAsked, waitFor } from './support.js';

if (!(await serveHelloWorldIfAsked())) await main();

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench';
  const port = Number(process.env.BENCH_PORT ?? 3951);
  const helloPort = port + 1;
  const base = `http://127.0.0.1:${port}`;
  const connections = 50;
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const steadySearches = Number(process.env.BENCH_SEARCH_RATE ?? 100);
  const steadyCourses = Number(process.env.BENCH_COURSE_RATE ?? 250);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const numbers = (
    await client.query(`select number from courses where approval_ends_on >= '2026-11-28' order by number`)
  ).rows.map((r) => r.number as string);
  if (numbers.length === 0) throw new Error('No courses: run bench/seed-catalog.ts first.');
  const candidate = await client.query(
    `select id from users where email like 'candidate%@bench.example' order by email limit 1`,
  );
  const token = randomBytes(32).toString('base64url');
  await client.query(
    `insert into sessions (id, user_id, created_at, expires_at, last_seen_at, mfa_verified_at)
     values ($1, $2, now(), now() + interval '1 day', now(), now())`,
    [createHash('sha256').update(token).digest('hex'), candidate.rows[0].id],
  );
  const signedIn = `lssc_session=${token}`;
  await client.end();

  const self = fileURLToPath(import.meta.url);
  const servers: ChildProcess[] = [
    spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        LSSC_RUN_JOBS: 'false',
        LSSC_SEED_DEMO: 'never',
        LSSC_TODAY: '2026-11-28',
        DATABASE_POOL_SIZE: '10',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
    spawn(process.execPath, ['--import', 'tsx', self, '--hello', String(helloPort)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  ];
  await waitFor(`${base}/readyz`);
  await waitFor(`http://127.0.0.1:${helloPort}/`);

  const coursePages = numbers.map((n) => `/catalog/courses/${n}`);
  // 1,152 different searches: more than the 500 copies a process keeps, so every one is a miss.
  const words = [
    'library',
    'cataloging',
    'reference',
    'storytime',
    'outreach',
    'copyright',
    'makerspaces',
    'genealogy',
  ];
  const sets = [
    'foundations',
    'technology',
    'cataloging-classification',
    'youth-services',
    'reference-information',
    'access-services',
  ];
  const searches = words.flatMap((q) =>
    sets.flatMap((set) =>
      ['', 'online', 'face_to_face'].flatMap((delivery) =>
        ['', 'IL', 'WI', 'TX'].flatMap((state) =>
          ['', 'yes'].map(
            (upcoming) => `/catalog?${new URLSearchParams({ q, set, delivery, state, upcoming }).toString()}`,
          ),
        ),
      ),
    ),
  );
  const hello = { url: `http://127.0.0.1:${helloPort}`, requests: rotating(['/']) };
  /** rate: a steady offered load (req/s over the same connections) instead of as fast as possible. */
  const targets: Array<{ name: string; url: string; requests: autocannon.Request[]; rate?: number }> = [
    { name: 'bare Fastify hello world', ...hello },
    { name: 'catalog, no filters', url: base, requests: rotating(['/catalog']) },
    { name: 'catalog, word search', url: base, requests: rotating(['/catalog?q=cataloging']) },
    { name: 'catalog, filtered search', url: base, requests: rotating([searches[100]!]) },
    {
      name: `catalog, ${searches.length} different searches in turn (not cached)`,
      url: base,
      requests: rotating(searches),
    },
    {
      name: `catalog, ${searches.length} different searches, steady ${steadySearches} req/s`,
      url: base,
      requests: rotating(searches),
      rate: steadySearches,
    },
    { name: 'course page', url: base, requests: rotating([coursePages[0]!]) },
    {
      name: `course pages, all ${numbers.length} in turn (not cached)`,
      url: base,
      requests: rotating(coursePages),
    },
    {
      name: `course pages, all in turn, steady ${steadyCourses} req/s`,
      url: base,
      requests: rotating(coursePages),
      rate: steadyCourses,
    },
    {
      name: 'catalog, word search, signed in',
      url: base,
      requests: rotating(['/catalog?q=cataloging'], signedIn),
    },
    {
      name: 'API: word search (JSON)',
      url: base,
      requests: rotating(['/api/v1/catalog/courses?q=cataloging']),
    },
    // Again at the end: the machine is shared, so the yardstick is the mean of both runs.
    { name: 'bare Fastify hello world (again)', ...hello },
  ];

  const results: Array<Record<string, unknown> & { rps: number }> = [];
  for (const t of targets) {
    await autocannon({ url: t.url, connections, duration: 3, requests: t.requests });
    const r = await autocannon({
      url: t.url,
      connections,
      duration,
      requests: t.requests,
      ...(t.rate ? { overallRate: t.rate } : {}),
    });
    const rps = Math.round(r.requests.average);
    results.push({
      target: t.name,
      rps,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      kbPerResponse: Math.round(r.throughput.average / Math.max(1, r.requests.average) / 102.4) / 10,
    });
    console.log(JSON.stringify(results.at(-1)));
  }
  for (const s of servers) s.kill('SIGTERM');
  const yardstick = (results[0]!.rps + results.at(-1)!.rps) / 2;
  for (const r of results) r.ofHello = `${Math.round((r.rps / yardstick) * 1000) / 10}%`;
  fs.mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/catalog-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(
    file,
    JSON.stringify({ courses: numbers.length, connections, duration, results }, null, 2),
  );
  console.log('\n| target | req/s | of hello | p50 ms | p90 ms | p97.5 ms | p99 ms | non-2xx | KB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const cells = [r.target, r.rps, r.ofHello, r.p50, r.p90, r.p97_5, r.p99, r.non2xx, r.kbPerResponse];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(`\nsaved ${file}`);
}
