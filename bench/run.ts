/**
 * Measure the pages staff and candidates use most, on PostgreSQL seeded by bench/seed.ts.
 * Starts `lssc start` as a separate process (jobs off), signs people in by creating sessions in the database,
 * then runs autocannon (50 connections, 10 s, after a 3 s warm-up) against each target.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench node --import tsx bench/run.ts
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench';
const port = Number(process.env.BENCH_PORT ?? 3931);
const base = `http://127.0.0.1:${port}`;
const connections = 50;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const webProcesses = Number(process.env.BENCH_WEB_PROCESSES ?? 1);
/** A steady offered load, spread over the same 50 connections, to measure latency short of saturation. */
const steadyRate = Number(process.env.BENCH_RATE ?? 250);

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function sessionsFor(client: pg.Client, userIds: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const id of userIds) {
    const token = randomBytes(32).toString('base64url');
    await client.query(
      `insert into sessions (id, user_id, created_at, expires_at, last_seen_at, mfa_verified_at)
       values ($1, $2, now(), now() + interval '1 day', now(), now())`,
      [sha(token), id],
    );
    cookies.push(`lssc_session=${token}`);
  }
  return cookies;
}

const client = new pg.Client({ connectionString: url });
await client.connect();
const staff = await client.query(
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, totp_secret, totp_enabled_at, created_at, updated_at)
   values (gen_random_uuid(), 'bench-staff-' || floor(random() * 1e9) || '@bench.example', 'Bench Staff', 'x', '{staff}', now(), 'JBSWY3DPEHPK3PXP', now(), now(), now())
   returning id`,
);
const [staffCookie] = await sessionsFor(client, [staff.rows[0].id]);
const admitted = await client.query(
  `select a.id, a.candidate_id from applications a where a.status = 'admitted' order by random() limit 500`,
);
const inReview = await client.query(
  `select id from applications where status = 'in_review' order by random() limit 500`,
);
const candidateCookies = await sessionsFor(
  client,
  admitted.rows.map((r) => r.candidate_id),
);
const total = await client.query('select count(*)::int as n from applications');
await client.end();

const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    LSSC_RUN_JOBS: 'false',
    LSSC_TODAY: '2026-11-28',
    DATABASE_POOL_SIZE: '10',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; i < 100; i++) {
  const ok = await fetch(`${base}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 200));
}

function rotating(paths: string[], cookies: string[]): autocannon.Request[] {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => {
        const n = i++;
        return {
          ...req,
          path: paths[n % paths.length]!,
          headers: { ...req.headers, cookie: cookies[n % cookies.length]! },
        };
      },
    },
  ];
}

const reviewIds = inReview.rows.map((r) => r.id as string);
const targets: Array<{ name: string; requests: autocannon.Request[] }> = [
  { name: 'staff queue, page 1 (all statuses)', requests: rotating(['/staff/applications'], [staffCookie!]) },
  {
    name: 'staff queue, filtered (in review, IL) page 3',
    requests: rotating(['/staff/applications?status=in_review&region=IL&page=3'], [staffCookie!]),
  },
  {
    name: 'staff application page',
    requests: rotating(
      reviewIds.map((id) => `/staff/applications/${id}`),
      [staffCookie!],
    ),
  },
  { name: 'candidate dashboard', requests: rotating(['/dashboard'], candidateCookies) },
  {
    name: 'API: staff queue JSON',
    requests: rotating(['/api/v1/staff/applications?status=in_review'], [staffCookie!]),
  },
  { name: 'public home page', requests: rotating(['/'], ['x=1']) },
];

const results: Array<Record<string, unknown>> = [];
for (const t of targets) {
  await autocannon({ url: base, connections, duration: 3, requests: t.requests });
  for (const mode of ['saturated', 'steady'] as const) {
    const r = await autocannon({
      url: base,
      connections,
      duration,
      requests: t.requests,
      ...(mode === 'steady' ? { overallRate: steadyRate } : {}),
    });
    results.push({
      target: t.name,
      load: mode === 'steady' ? `${steadyRate} req/s` : 'as fast as possible',
      rps: Math.round(r.requests.average),
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
}
server.kill('SIGTERM');
fs.mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
const summary = { applications: total.rows[0].n, connections, duration, webProcesses, steadyRate, results };
fs.writeFileSync(file, JSON.stringify(summary, null, 2));
console.log('\n| target | load | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | non-2xx | KB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const cells = [r.target, r.load, r.rps, r.p50, r.p90, r.p97_5, r.p99, r.non2xx, r.kbPerResponse];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log(`\nsaved ${file}`);
