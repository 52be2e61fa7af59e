/**
 * Measure the staff finance reports (payments by day and method, outstanding invoices by age, refunds
 * owed, the reconciliation, and their JSON) on PostgreSQL seeded by bench/seed-finance.ts (10,000
 * institutions, 200,000 ledger entries). Starts `lssc start` (jobs off) in another process with a staff
 * session inserted in the database, then runs autocannon against each report: a warm-up, then a
 * steady load (BENCH_RATE requests a second over BENCH_CONNECTIONS connections), which is what staff
 * produce, and a saturated run for the ceiling. autocannon reports p97.5, not p95: p95 is at most that.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_finance node --import tsx bench/seed-finance.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_finance node --import tsx bench/finance.ts
 *
 * Settings: BENCH_SECONDS (10), BENCH_PORT (3971), BENCH_CONNECTIONS (10), BENCH_RATE (20), BENCH_ONLY
 * (run only the targets whose name contains it, or one of several separated by commas, e.g.
 * "refunds" or "year,reconciliation"). Each result carries the machine's
 * load average when its run began: other work on the machine inflates the figures.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { rotating, waitFor } from './support.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_finance';
const port = Number(process.env.BENCH_PORT ?? 3971);
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const steadyRate = Number(process.env.BENCH_RATE ?? 20);
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

const client = new pg.Client({ connectionString: url });
await client.connect();
const entries = (await client.query('select count(*)::int as n from ledger_entries')).rows[0].n as number;
if (entries === 0) throw new Error('No ledger entries: run bench/seed-finance.ts first.');
const staff = await client.query(
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, totp_secret, totp_enabled_at, created_at, updated_at)
   values (gen_random_uuid(), 'bench-finance-' || floor(random() * 1e9) || '@bench.example', 'Bench Staff', 'x', '{staff}', now(), 'JBSWY3DPEHPK3PXP', now(), now(), now())
   returning id`,
);
const token = randomBytes(32).toString('base64url');
await client.query(
  `insert into sessions (id, user_id, created_at, expires_at, last_seen_at, mfa_verified_at)
   values ($1, $2, now(), now() + interval '1 day', now(), now())`,
  [createHash('sha256').update(token).digest('hex'), staff.rows[0].id],
);
await client.end();
const cookie = `lssc_session=${token}`;

const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
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
});

try {
  await waitFor(`${base}/readyz`);
  const pages = Array.from({ length: 20 }, (_, i) => `/staff/finance/outstanding-invoices?page=${i + 1}`);
  const targets: Array<{ name: string; paths: string[] }> = [
    { name: 'payments by day, last 30 days (page)', paths: ['/staff/finance/payments'] },
    {
      name: 'payments by day, a whole year (page)',
      paths: ['/staff/finance/payments?from=2025-11-29&to=2026-11-28'],
    },
    {
      name: 'payments by day, a year (CSV)',
      paths: ['/staff/finance/payments.csv?from=2025-11-29&to=2026-11-28'],
    },
    { name: 'outstanding invoices, pages 1-20', paths: pages },
    { name: 'outstanding invoices (API)', paths: ['/api/v1/staff/finance/outstanding-invoices?page=3'] },
    { name: 'refunds owed (page)', paths: ['/staff/finance/refunds-owed'] },
    { name: 'reconciliation (page)', paths: ['/staff/finance/reconciliation'] },
    { name: 'reconciliation (API)', paths: ['/api/v1/staff/finance/reconciliation'] },
  ];
  const results: Array<Record<string, unknown>> = [];
  for (const t of targets.filter((x) => !only || only.some((o) => x.name.includes(o)))) {
    // The first request after seeding also summarises the past days it reads (ledger_day_totals).
    const started = performance.now();
    const first = await fetch(`${base}${t.paths[0]}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`${t.paths[0]} answered ${first.status}`);
    // The size of the answer as sent before compression (HTML, CSV or JSON), in KB.
    const kb = Math.round((await first.arrayBuffer()).byteLength / 102.4) / 10;
    const firstMs = Math.round(performance.now() - started);
    console.log(`${t.name}: first request ${firstMs} ms`);
    const requests = rotating(t.paths, cookie);
    await autocannon({ url: base, connections, duration: 3, requests });
    for (const mode of ['steady', 'saturated'] as const) {
      const load1 = Math.round(os.loadavg()[0]! * 10) / 10;
      const r = await autocannon({
        url: base,
        connections,
        duration,
        requests,
        ...(mode === 'steady' ? { overallRate: steadyRate } : {}),
      });
      results.push({
        target: t.name,
        first_ms: firstMs,
        kb,
        load: mode === 'steady' ? `${steadyRate} req/s` : `as fast as ${connections} connections go`,
        load1,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p90: r.latency.p90,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      });
      console.log(results.at(-1));
    }
  }
  console.table(results);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(
    `bench/results/finance-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    `${JSON.stringify({ at: new Date().toISOString(), entries, connections, duration, results }, null, 2)}\n`,
  );
} finally {
  server.kill('SIGTERM');
}
