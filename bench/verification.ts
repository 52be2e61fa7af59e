/**
 * Measure public certificate verification (the page /verify/CLSS-… and GET /api/v1/verifications/CLSS-…) on
 * PostgreSQL seeded by bench/seed-certifications.ts (100,000 holders), against a bare Fastify "hello world"
 * measured in the same run on the same machine. Three patterns: one holder asked for over and over; 10,000
 * holders in turn (each process keeps a copy of what a certificate shows, so these are served from it once
 * seen); and all 100,000 in turn, each asked for the first time in the run, so every answer comes from the
 * database. Starts `lssc start` (jobs off) and the hello-world server as separate processes, then runs
 * autocannon (50 connections, 10 s, after a 3 s warm-up) against each target.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_verify node --import tsx bench/verification.ts
 *
 * Settings: BENCH_SECONDS (10), BENCH_PORT (3961; hello world on the next port), BENCH_RATE (500) for the
 * steady-load runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { rotating, serveHelloWorldIfAsked, waitFor } from './support.js';

if (!(await serveHelloWorldIfAsked())) await main();

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_verify';
  const port = Number(process.env.BENCH_PORT ?? 3961);
  const helloPort = port + 1;
  const base = `http://127.0.0.1:${port}`;
  const connections = 50;
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const steadyRate = Number(process.env.BENCH_RATE ?? 500);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Shuffled, so consecutive requests land on different index and heap pages, as real visitors would.
  const numbers = (await client.query('select number from certifications order by md5(number)')).rows.map(
    (r) => r.number as string,
  );
  await client.end();
  if (numbers.length === 0) throw new Error('No certifications: run bench/seed-certifications.ts first.');

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
  try {
    await waitFor(`${base}/readyz`);
    await waitFor(`http://127.0.0.1:${helloPort}/`);

    // The last 10,000 are the "known" ones; the first ones are left for the all-in-turn runs, which
    // start with numbers no earlier run has asked for.
    const known = numbers.slice(-10_000);
    const pages = numbers.map((n) => `/verify/${n}`);
    const json = numbers.map((n) => `/api/v1/verifications/${n}`);
    const knownPages = known.map((n) => `/verify/${n}`);
    const knownJson = known.map((n) => `/api/v1/verifications/${n}`);
    // Everyone of the 10,000 asked for once before, as in a live system where they have been looked up.
    for (const paths of [knownPages, knownJson])
      await autocannon({ url: base, connections, amount: paths.length, requests: rotating(paths) });
    const hello = { url: `http://127.0.0.1:${helloPort}`, requests: rotating(['/']) };
    /*
     * "First sight": numbers no earlier run asked for, each asked once, so every answer comes from
     * the database (no warm-up, a fixed number of requests). The shuffled list is cut in slices so
     * no two runs share a number: steady page 0–8k, steady JSON 8k–16k, full speed page 20k–50k and
     * JSON 50k–80k; the last 10,000 are the ones seen before.
     */
    const firstSight = { amount: 30_000, warm: false };
    const targets: Array<{
      name: string;
      url: string;
      requests: autocannon.Request[];
      rate?: number;
      amount?: number;
      warm?: boolean;
    }> = [
      { name: 'bare Fastify hello world', ...hello },
      {
        name: `verification page, first sight, steady ${steadyRate} req/s`,
        url: base,
        requests: rotating(pages.slice(0, 8_000)),
        rate: steadyRate,
        warm: false,
      },
      {
        name: `verification JSON, first sight, steady ${steadyRate} req/s`,
        url: base,
        requests: rotating(json.slice(8_000, 16_000)),
        rate: steadyRate,
        warm: false,
      },
      {
        name: 'verification page, first sight, 30,000 holders',
        url: base,
        requests: rotating(pages.slice(20_000, 50_000)),
        ...firstSight,
      },
      {
        name: 'verification JSON, first sight, 30,000 holders',
        url: base,
        requests: rotating(json.slice(50_000, 80_000)),
        ...firstSight,
      },
      { name: 'verification page, one holder', url: base, requests: rotating([knownPages[0]!]) },
      { name: 'verification JSON, one holder', url: base, requests: rotating([knownJson[0]!]) },
      {
        name: 'verification page, 10,000 holders in turn (seen before)',
        url: base,
        requests: rotating(knownPages),
      },
      {
        name: 'verification JSON, 10,000 holders in turn (seen before)',
        url: base,
        requests: rotating(knownJson),
      },
      {
        name: `verification page, all ${numbers.length} holders in turn (mixed)`,
        url: base,
        requests: rotating(pages),
      },
      { name: 'unknown number (page)', url: base, requests: rotating(['/verify/CLSS-2019-999999']) },
      // Again at the end: the machine is shared, so the yardstick is the mean of both runs.
      { name: 'bare Fastify hello world (again)', ...hello },
    ];

    const results: Array<Record<string, unknown> & { rps: number }> = [];
    for (const t of targets) {
      if (t.warm !== false) await autocannon({ url: t.url, connections, duration: 3, requests: t.requests });
      const r = await autocannon({
        url: t.url,
        connections,
        ...(t.amount ? { amount: t.amount } : { duration }),
        requests: t.requests,
        ...(t.rate ? { overallRate: t.rate } : {}),
      });
      results.push({
        target: t.name,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p90: r.latency.p90,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      });
      console.log(JSON.stringify(results.at(-1)));
    }
    const yardstick = (results[0]!.rps + results.at(-1)!.rps) / 2;
    for (const r of results) r.ofHello = `${Math.round((r.rps / yardstick) * 1000) / 10}%`;
    fs.mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/verification-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    fs.writeFileSync(
      file,
      JSON.stringify({ holders: numbers.length, connections, duration, results }, null, 2),
    );
    console.log('\n| target | req/s | of hello | p50 ms | p90 ms | p97.5 ms | p99 ms | non-2xx |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      const cells = [r.target, r.rps, r.ofHello, r.p50, r.p90, r.p97_5, r.p99, r.non2xx];
      console.log(`| ${cells.join(' | ')} |`);
    }
    console.log(`\nsaved ${file}`);
  } finally {
    for (const s of servers) s.kill('SIGTERM');
  }
}
