/**
 * Seed a PostgreSQL database with N certified holders (default 100,000) for bench/verification.ts:
 * each with an admitted application, six sets achieved (the three required and three electives, by
 * course or portfolio) and a certification CLSS-YYYY-NNNNNN issued 2021–2026, so some are expired or
 * in renewal grace; 2% suspended, 1% revoked, 30% listed in the registry. Recreates the database,
 * migrates it as a real start does, then runs set-based SQL (generate_series).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_verify node --import tsx bench/seed-certifications.ts [count]
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase } from './support.js';

const count = Number(process.argv[2] ?? 100_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_verify';

const started = Date.now();
await recreateDatabase(url);

const runtime = await startRuntime(
  loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', LSSC_SEED_DEMO: 'never' }),
  { work: false, seed: false },
);
await runtime.stop();

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
const step = async (what: string, sql: string, params: unknown[] = []) => {
  const t0 = Date.now();
  const r = await q(sql, params);
  console.log(`${what}: ${r.rowCount ?? 0} rows, ${Date.now() - t0} ms`);
};
const hash = await hashPassword('bench-password-2026');
const regions = ['IL', 'WI', 'IA', 'MN', 'OH', 'TX', 'CA', 'NY', 'KS', 'NE', 'ON', 'BC'];
const required = ['foundations', 'communication-teamwork', 'technology'];
const electives = [
  'access-services',
  'readers-advisory',
  'cataloging-classification',
  'collection-management',
  'reference-information',
  'supervision-management',
  'youth-services',
];

await q('begin');
await step(
  'holders',
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
   select gen_random_uuid(), 'holder' || i || '@bench.example', 'Holder ' || i, $1, '{candidate}',
          now(), now() - (i || ' minutes')::interval, now()
   from generate_series(1, $2::int) i`,
  [hash, count],
);
// n: the holder's place; certified on a day spread over 2021-01-01 .. 2026-11-27.
await step(
  'applications',
  `insert into applications (id, candidate_id, number, status, details, given_name, family_name, country, region,
     has_high_school, payment_method, submitted_at, submitted_on, admitted_on, deadline_on, created_at, updated_at,
     policy_version_id, framework_version_id)
   select gen_random_uuid(), u.id, 'LSSC-' || (2017 + u.n % 5) || '-' || lpad(u.n::text, 6, '0'), 'admitted',
     jsonb_build_object('city', 'Springfield', 'employerLibrary', 'Library ' || (u.n % 5000)),
     (array['Ana','Ben','Chen','Dana','Eli','Fatima','Gus','Hana','Ivan','June'])[1 + u.n % 10] || u.n,
     (array['Lee','Park','Garcia','Smith','Nguyen','Okafor','Rossi','Kim','Brown','Diaz'])[1 + (u.n / 10) % 10],
     case when u.region in ('ON', 'BC') then 'CA' else 'US' end, u.region, true, 'card',
     now(), date '2017-01-01' + u.n % 1500, date '2017-02-01' + u.n % 1500, date '2021-02-01' + u.n % 1500,
     now(), now(), (select id from policy_versions where active), (select id from framework_versions where active)
   from (select id, (row_number() over (order by created_at))::int as n,
                ($1::text[])[1 + (row_number() over (order by created_at))::int % 12] as region
         from users where email like 'holder%@bench.example') u`,
  [regions],
);
await step(
  'sets achieved',
  `insert into set_achievements (id, candidate_id, set_id, how, achieved_on, source_ref, created_at)
   select gen_random_uuid(), a.candidate_id, s.set_id, case when (n + k) % 3 = 0 then 'portfolio' else 'course' end,
          date '2021-01-01' + (n % 2157) - (6 - k) * 20, 'BENCH-' || n || '-' || k, now()
   from (select candidate_id, row_number() over (order by number)::int as n from applications
         where number like 'LSSC-%' and candidate_id in (select id from users where email like 'holder%')) a
   cross join lateral (
     select k, case when k <= 3 then ($1::text[])[k] else ($2::text[])[1 + (n + k) % 7] end as set_id
     from generate_series(1, 6) k
   ) s
   on conflict (candidate_id, set_id) do nothing`,
  [required, electives],
);
await step(
  'certifications',
  `insert into certifications (id, candidate_id, application_id, number, status, certified_on, expires_on, basis,
     in_registry, created_at, updated_at)
   select gen_random_uuid(), a.candidate_id, a.id,
          'CLSS-' || extract(year from d)::int || '-' || lpad(n::text, 6, '0'),
          case when n % 100 = 7 then 'revoked' when n % 50 = 3 then 'suspended' else 'active' end,
          d, (d + interval '4 years')::date, 'automatic', n % 10 < 3, now(), now()
   from (select id, candidate_id, row_number() over (order by number)::int as n,
                (date '2021-01-01' + (row_number() over (order by number))::int % 2157) as d
         from applications where number like 'LSSC-%') a`,
);
await q('commit');
await q('vacuum analyze');
const { rows } = await q(
  `select status, count(*)::int as n, min(number) as first, max(number) as last
   from certifications group by status order by status`,
);
await client.end();
console.log(rows);
console.log(`seeded ${count} certified holders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
