/**
 * Time a large completion roster end to end on PostgreSQL: upload (parse + match + store the preview),
 * the preview page's reads, confirm (completions, credit, audit, mail) and "try matching again" on the
 * held rows. Creates its own database with N candidates (default 100,000) and one approved course.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_roster node --import tsx bench/roster-import.ts [rows]
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { addDays } from '../src/lib/calendar-date.js';
import { formatCsv } from '../src/modules/completions/rules/roster-csv.js';
import { confirmRoster } from '../src/modules/completions/use-cases/confirm-roster.js';
import { rematchHeldRows } from '../src/modules/completions/use-cases/rematch-held-rows.js';
import { uploadRoster } from '../src/modules/completions/use-cases/upload-roster.js';
import { viewRoster } from '../src/modules/completions/use-cases/view-roster.js';
import type { Ctx } from '../src/platform/context.js';
import { noJobQueue } from '../src/platform/jobs/queue.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase, timed } from './support.js';

const rowsWanted = Number(process.argv[2] ?? 50_000);
const candidates = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_roster';

await recreateDatabase(url);
const config = loadConfig({
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  LSSC_SEED_DEMO: 'never',
  LSSC_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
});
const runtime = await startRuntime(config, { work: false, seed: false });
const today = runtime.services.clock.today();

// Candidates (two in three admitted), a provider with one member, and one approved course: set-based SQL.
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);
await timed(`seed ${candidates.toLocaleString('en-US')} candidates, a provider and a course`, async () => {
  await q('begin');
  await q(
    `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), 'candidate' || i || '@bench.example', 'Candidate ' || i, 'x', '{candidate}', now(), now(), now()
     from generate_series(1, $1::int) i`,
    [candidates],
  );
  await q(
    `insert into applications (id, candidate_id, number, status, details, given_name, family_name, country, region,
       has_high_school, payment_method, submitted_at, submitted_on, admitted_on, deadline_on, created_at, updated_at,
       policy_version_id, framework_version_id)
     select gen_random_uuid(), u.id, 'LSSC-2026-' || lpad(u.n::text, 6, '0'),
       case when u.n % 3 = 0 then 'in_review' else 'admitted' end, '{}'::jsonb, 'Given' || u.n, 'Family' || u.n, 'US', 'IL',
       true, 'card', now(), current_date, case when u.n % 3 <> 0 then current_date end,
       case when u.n % 3 <> 0 then current_date + 1460 end, now(), now(),
       (select id from policy_versions where active), (select id from framework_versions where active)
     from (select id, substring(email from 'candidate(\\d+)@')::int as n from users where email like '%@bench.example') u`,
  );
  await q(
    `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     values ('00000000-0000-7000-8000-000000000001', 'member@provider.example', 'Provider Member', 'x',
             '{provider_member}', now(), now(), now())`,
  );
  await q(
    `insert into providers (id, name, type, country, region, city, contact_email, created_by, created_at, updated_at)
     values ('00000000-0000-7000-8000-000000000002', 'Bench Cooperative', 'regional_cooperative', 'US', 'IL',
             'Springfield', 'courses@provider.example', '00000000-0000-7000-8000-000000000001', now(), now())`,
  );
  await q(
    `insert into provider_members (provider_id, user_id, role, added_at)
     values ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'admin', now())`,
  );
  const fw = await q(
    `select id, data->'framework'->'sets'->0->>'id' as set_id from framework_versions where active`,
  );
  const { id: frameworkId, set_id: setId } = fw.rows[0];
  await q(
    `insert into course_applications (id, provider_id, status, kind, set_id, framework_version_id, title, number,
       submitted_at, approved_on, approval_ends_on, created_by, created_at, updated_at)
     values ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000002', 'approved', 'course', $1,
             $2, 'Bench course', 'CRS-2026-000001', now(), $3, $4, '00000000-0000-7000-8000-000000000001', now(), now())`,
    [setId, frameworkId, addDays(today, -30), addDays(today, 4 * 365)],
  );
  await q(
    `insert into courses (id, provider_id, application_id, number, set_id, framework_version_id, title, description,
       delivery, synchronous, length, contact_hours, cost_to_students_cents, first_approved_on, approval_ends_on,
       created_at, updated_at)
     values ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000002',
             '00000000-0000-7000-8000-000000000003', 'CRS-2026-000001', $1, $2, 'Bench course', 'For the bench.',
             'online', false, '8 weeks', 24, 0, $3, $4, now(), now())`,
    [setId, frameworkId, addDays(today, -30), addDays(today, 4 * 365)],
  );
  await q(
    `insert into course_approval_periods (course_id, application_id, starts_on, ends_on)
     values ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000003', $1, $2)`,
    [addDays(today, -30), addDays(today, 4 * 365)],
  );
  await q('commit');
  await q('vacuum analyze');
});

// The roster: 85% matched (by number, some by email), 8% not found yet, 5% not valid, 2% repeated.
const number = (n: number) => `LSSC-2026-${String(n).padStart(6, '0')}`;
const rows: string[][] = [['candidate', 'name', 'course', 'completed_on', 'passed']];
for (let i = 1; rows.length <= rowsWanted; i++) {
  const kind = i % 100;
  const day = addDays(today, -1 - (i % 600));
  if (kind < 80) rows.push([number(i), `Person ${i}`, 'CRS-2026-000001', day, 'yes']);
  else if (kind < 85)
    rows.push([`candidate${i}@bench.example`, `Person ${i}`, 'CRS-2026-000001', day, 'pass']);
  else if (kind < 93)
    rows.push([`LSSC-2025-${String(i).padStart(6, '0')}`, `Unknown ${i}`, 'CRS-2026-000001', day, 'yes']);
  else if (kind < 98) rows.push([number(i), `Person ${i}`, 'CRS-2026-000099', 'soon', 'maybe']);
  else rows.push(rows[rows.length - 30]!.slice()); // repeats a matched row further up
}
const bytes = Buffer.from(formatCsv(rows));
console.log(
  `roster: ${(rows.length - 1).toLocaleString('en-US')} rows, ${(bytes.length / 1e6).toFixed(1)} MB`,
);

const ctx: Ctx = {
  ...runtime.services,
  jobs: noJobQueue,
  requestId: null,
  actor: {
    kind: 'user',
    userId: '00000000-0000-7000-8000-000000000001',
    email: 'member@provider.example',
    displayName: 'Provider Member',
    roles: ['provider_member'],
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: false,
    via: 'session',
  },
};
const providerId = '00000000-0000-7000-8000-000000000002';
const { roster } = await timed('upload: parse + match + store the preview', () =>
  uploadRoster(ctx, { providerId, file: { fileName: 'bench.csv', bytes, truncated: false } }),
);
console.log(
  `  matched ${roster.matchedRows}, not found ${roster.unmatchedRows}, not valid ${roster.invalidRows}, duplicate ${roster.duplicateRows}`,
);

// The same rows through the JSON API with a personal access token: body parsing, validation and the
// 50,000-row answer included.
const token = 'lssc_pat_bench_roster_token_0123456789';
await q(
  `insert into access_tokens (id, user_id, name, token_hash, prefix, created_at)
   values (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'bench', $1, 'lssc_pat_ben', now())`,
  [createHash('sha256').update(token).digest('hex')],
);
const app = await buildApp({
  services: { ...runtime.services, jobs: noJobQueue },
  secret: 'bench-secret-long-enough-for-hmac-0123456789',
});
const body = JSON.stringify({
  rows: rows.slice(1).map(([candidate, name, course, completedOn, passed]) => ({
    candidate,
    name,
    course,
    completedOn,
    passed,
  })),
});
const viaApi = await timed('API: POST /api/v1/providers/{id}/rosters (JSON)', () =>
  app.inject({
    method: 'POST',
    url: `/api/v1/providers/${providerId}/rosters`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: body,
  }),
);
console.log(`  status ${viaApi.statusCode}, answer ${(viaApi.body.length / 1e6).toFixed(1)} MB`);
await timed('API: discard that roster', () =>
  app.inject({
    method: 'POST',
    url: `/api/v1/rosters/${viaApi.json().roster.id}/discard`,
    headers: { authorization: `Bearer ${token}` },
  }),
);
await app.close();
await q('analyze roster_rows');
await timed('preview page 1 (all rows)', () => viewRoster(ctx, roster.id, {}));
await timed('preview page 900 (all rows)', () => viewRoster(ctx, roster.id, { page: 900 }));
await timed('preview, rows not found, page 40', () =>
  viewRoster(ctx, roster.id, { outcome: 'unmatched', page: 40 }),
);
const { applied } = await timed('confirm: completions + credit + audit + mail', () =>
  confirmRoster(ctx, roster.id),
);
console.log(`  ${JSON.stringify(applied)}`);
const again = await timed('upload the same file again (all duplicates)', () =>
  uploadRoster(ctx, { providerId, file: { fileName: 'bench-again.csv', bytes, truncated: false } }),
);
console.log(`  duplicate ${again.roster.duplicateRows}, not found ${again.roster.unmatchedRows}`);
const rematch = await timed('try matching the held rows again', () => rematchHeldRows(ctx, providerId));
console.log(`  held ${rematch.held}, matched ${rematch.applied.completions}`);
const explain = await q(
  `explain select a.number, a.candidate_id from applications a where a.number = any($1::text[])`,
  [[number(1), number(2)]],
);
console.log(explain.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
await client.end();
await runtime.stop();
