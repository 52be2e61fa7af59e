/**
 * Seed a PostgreSQL database with N candidates (default 100,000), each with an application in a realistic
 * mix of states, two experience entries, a fee and its ledger. Runs set-based SQL (generate_series), so
 * 100,000 candidates take well under a minute.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench node --import tsx bench/seed.ts [count]
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase } from './support.js';

const count = Number(process.argv[2] ?? 100_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench';

const started = Date.now();
await recreateDatabase(url);
// Migrations and the default policy/framework, exactly as a real start does.
const runtime = await startRuntime(
  loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', LSSC_SEED_DEMO: 'never' }),
  {
    work: false,
    seed: false,
  },
);
await runtime.stop();

const client = new pg.Client({ connectionString: url });
await client.connect();
const hash = await hashPassword('bench-password-2026');
const q = (sql: string, params: unknown[] = []) => client.query(sql, params);

await q('begin');
await q(
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
   select gen_random_uuid(), 'candidate' || i || '@bench.example', 'Candidate ' || i, $1, '{candidate}',
          now(), now() - (i || ' minutes')::interval, now()
   from generate_series(1, $2::int) i`,
  [hash, count],
);
const regions = ['IL', 'WI', 'IA', 'MN', 'OH', 'TX', 'CA', 'NY', 'KS', 'NE', 'ON', 'BC'];
const statuses = [
  'draft',
  'awaiting_payment',
  'awaiting_check',
  'in_review',
  'info_requested',
  'admitted',
  'admitted',
  'admitted',
  'rejected',
];
await q(
  `insert into applications (id, candidate_id, number, status, details, given_name, family_name, country, region,
     has_high_school, payment_method, submitted_at, submitted_on, admitted_on, deadline_on, created_at, updated_at,
     policy_version_id, framework_version_id)
   select gen_random_uuid(), u.id,
     case when s.status = 'draft' then null else 'LSSC-2026-' || lpad(u.n::text, 6, '0') end,
     s.status,
     jsonb_build_object('phone', '555-0100', 'city', 'Springfield', 'employerLibrary', 'Library ' || (u.n % 5000),
                        'employerLibraryType', 'public', 'jobTitle', 'Library assistant'),
     'Given' || u.n, 'Family' || u.n,
     case when u.region in ('ON', 'BC') then 'CA' else 'US' end, u.region, true,
     case when s.status = 'awaiting_check' then 'check' when s.status = 'draft' then null else 'card' end,
     case when s.status = 'draft' then null else now() - ((u.n % 1000) || ' hours')::interval end,
     case when s.status = 'draft' then null else (current_date - (u.n % 40))::date end,
     case when s.status = 'admitted' then (date '2026-01-01' + (u.n % 300)) end,
     case when s.status = 'admitted' then (date '2030-01-01' + (u.n % 300)) end,
     now(), now(),
     case when s.status = 'admitted' then (select id from policy_versions where active) end,
     case when s.status = 'admitted' then (select id from framework_versions where active) end
   from (select id, (row_number() over (order by created_at))::int as n,
                ($1::text[])[1 + (row_number() over (order by created_at) % $3)] as region
         from users where email like '%@bench.example') u
   cross join lateral (select ($2::text[])[1 + (u.n * 7 % $4)] as status) s`,
  [regions, statuses, regions.length, statuses.length],
);
await q(
  `insert into experience_entries (id, application_id, library, library_type, position, paid, start_date, end_date,
     hours_per_week, total_hours, created_at)
   select gen_random_uuid(), a.id, 'Library ' || k, 'public', 'Assistant', k = 1,
          date '2020-01-01' + k * 200, case when k = 1 then date '2023-06-30' end,
          case when k = 1 then 20 else null end, case when k = 2 then 1200 else null end, now()
   from applications a cross join generate_series(1, 2) k`,
);
await q(
  `insert into fees (id, kind, subject_id, payer_user_id, member, currency, created_at)
   select gen_random_uuid(), 'application', a.id, a.candidate_id, false, 'USD', now()
   from applications a where a.status <> 'draft'`,
);
await q(
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, created_at)
   select gen_random_uuid(), f.id, 'charge', 35000, 'none', now() from fees f`,
);
await q(
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
   select gen_random_uuid(), f.id, 'payment', 35000, 'card', 'bench-' || f.id, now()
   from fees f join applications a on a.id = f.subject_id
   where a.status in ('in_review', 'info_requested', 'admitted', 'rejected')`,
);
await q('commit');
// As autovacuum would in a live system: statistics, and the visibility map that index-only scans need.
await q('vacuum analyze');
const { rows } = await q(
  `select status, count(*)::int as n from applications group by status order by status`,
);
await client.end();
console.log(
  JSON.stringify({
    candidates: count,
    byStatus: rows,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  }),
);
