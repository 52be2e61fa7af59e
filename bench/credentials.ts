/**
 * Time the credential batch job on PostgreSQL: N certified holders (default enough for 10,000
 * credentials: one for each certification and one for each of its six sets), then
 * issueCredentialsBatch signs them all (Ed25519, eddsa-rdfc-2022, offline contexts) and stores them.
 * Also times the signed status list (first request, then cached) and one upload check.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_credentials node --import tsx bench/credentials.ts [credentials]
 */
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { issueCredentialsBatch } from '../src/modules/certification/credentials/issue-credentials.js';
import { statusListCredential } from '../src/modules/certification/credentials/status-list-credential.js';
import { verifyCredentialFile } from '../src/modules/certification/credentials/verify-credential-file.js';
import { systemCtx } from '../src/platform/context.js';
import { noJobQueue } from '../src/platform/jobs/queue.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase, timed } from './support.js';

const credentialsWanted = Number(process.argv[2] ?? 10_000);
const holders = Math.ceil(credentialsWanted / 7);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_credentials';

await recreateDatabase(url);
const config = loadConfig({
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  LSSC_SEED_DEMO: 'never',
  LSSC_TODAY: '2026-11-28',
  // A fixed key: the bench never writes a key file.
  LSSC_CREDENTIAL_KEY: Buffer.alloc(32, 42).toString('base64url'),
});
const runtime = await startRuntime(config, { work: false, seed: false });
const ctx = systemCtx({ ...runtime.services, jobs: noJobQueue }, 'bench');

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);
await timed(`seed ${holders.toLocaleString('en-US')} certified holders with six sets each`, async () => {
  await q('begin');
  await q(
    `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), 'holder' || i || '@bench.example', 'Holder ' || i, 'x', '{candidate}', now(), now(), now()
     from generate_series(1, $1::int) i`,
    [holders],
  );
  await q(
    `insert into applications (id, candidate_id, number, status, details, given_name, family_name, country, region,
       has_high_school, payment_method, submitted_at, submitted_on, admitted_on, deadline_on, created_at, updated_at,
       policy_version_id, framework_version_id)
     select gen_random_uuid(), u.id, 'LSSC-2025-' || lpad(u.n::text, 6, '0'), 'admitted', '{}'::jsonb,
       'Given' || u.n, 'Family' || u.n, 'US', 'IL', true, 'card', now(), '2025-01-10', '2025-01-15', '2029-01-15',
       now(), now(), (select id from policy_versions where active), (select id from framework_versions where active)
     from (select id, substring(email from 'holder(\\d+)@')::int as n from users where email like '%@bench.example') u`,
  );
  // The three required sets and the first three electives, in framework order.
  await q(
    `insert into set_achievements (id, candidate_id, set_id, how, achieved_on, created_at)
     select gen_random_uuid(), a.candidate_id, s.id, (array['course','portfolio','agreement'])[1 + s.n % 3],
       date '2026-01-10' + s.n * 20, now()
     from applications a
     cross join (
       select set->>'id' as id, (row_number() over ())::int as n
       from (select jsonb_array_elements(data->'framework'->'sets') as set from framework_versions where active) x
       where (set->>'required')::boolean
       union all
       select id, n from (
         select set->>'id' as id, (3 + row_number() over ())::int as n
         from (select jsonb_array_elements(data->'framework'->'sets') as set from framework_versions where active) x
         where not (set->>'required')::boolean
       ) e where n <= 6
     ) s`,
  );
  await q(
    `insert into certifications (id, candidate_id, application_id, number, status, certified_on, expires_on, basis,
       created_at, updated_at)
     select gen_random_uuid(), a.candidate_id, a.id, 'CLSS-2026-' || lpad((row_number() over ())::text, 6, '0'),
       'active', '2026-11-20', '2030-11-20', 'automatic', now(), now()
     from applications a`,
  );
  await q('commit');
  await q('vacuum analyze');
});

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
console.log(`  load average before: ${load()} (${os.availableParallelism()} cores)`);
const cpuBefore = process.cpuUsage();
const result = await timed('batch: sign and store every missing credential', () =>
  issueCredentialsBatch(ctx),
);
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `  CPU time of this process (all threads): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average after: ${load()}`,
);
console.log(
  `  ${result.certifications.toLocaleString('en-US')} certifications, ${result.credentials.toLocaleString('en-US')} credentials`,
);
const again = await timed('batch again (nothing left to sign)', () => issueCredentialsBatch(ctx));
console.log(`  ${again.credentials} credentials`);

await timed('revocation status list: first request (sign)', () => statusListCredential(ctx, 'revocation'));
await timed('revocation status list: unchanged (cached)', () => statusListCredential(ctx, 'revocation'));
const one = await q(`select document from credentials where kind = 'certification' limit 1`);
const checked = await timed('check one uploaded credential', () =>
  verifyCredentialFile(ctx, one.rows[0].document, { ip: 'bench' }),
);
console.log(`  signature valid: ${checked.signatureValid}, standing: ${checked.standing}`);
const size = await q(
  `select pg_size_pretty(pg_total_relation_size('credentials')) as size, avg(pg_column_size(document))::int as avg from credentials`,
);
console.log(`  credentials table: ${size.rows[0].size}, ${size.rows[0].avg} bytes per signed document`);

await client.end();
await runtime.stop();
