/**
 * Time portfolio evaluator assignment on PostgreSQL: a fresh database with 20,000 portfolios (10
 * evidence items each), their candidates, applications and experience, fees and ledgers, 500
 * evaluators with profiles and declared conflicts, and a history of assignments; then assigning the
 * 1,000 paid portfolios that are waiting (target: under 5 s), the overdue-reminder sweep, and the
 * staff and evaluator pages one request at a time (target: p95 under 50 ms). The decided portfolios
 * carry their ratings and decisions (seed-portfolio-evaluations.ts), for the staff pipeline and
 * evaluation statistics pages and API.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_portfolios node --import tsx bench/portfolio-assignment.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { remindOverduePortfolioEvaluations } from '../src/modules/portfolios/assignment-reminders.js';
import { candidateIdentities, listPaidWaiting } from '../src/modules/portfolios/assignment-repository.js';
import { loadPool } from '../src/modules/portfolios/assignment-service.js';
import { assignPaidPortfolios } from '../src/modules/portfolios/use-cases/assign-paid-portfolios.js';
import type { Ctx } from '../src/platform/context.js';
import { noJobQueue } from '../src/platform/jobs/queue.js';
import { startRuntime } from '../src/server.js';
import { seedEvaluationHistory } from './seed-portfolio-evaluations.js';
import { recreateDatabase, timed } from './support.js';

const PORTFOLIOS = Number(process.env.BENCH_PORTFOLIOS ?? 20_000);
const EVALUATORS = Number(process.env.BENCH_EVALUATORS ?? 500);
const WAITING = Number(process.env.BENCH_WAITING ?? 1_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_portfolios';
const STAFF_ID = '00000000-0000-7000-8000-0000000000aa';

await recreateDatabase(url);
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', LSSC_SEED_DEMO: 'never' });
const runtime = await startRuntime(config, { work: false, seed: false });
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);

// Portfolio i (1-based) belongs to candidate i. 1..WAITING are submitted and paid; the next 200 are
// submitted without payment; the next 10% are in evaluation (assigned this year, half of them
// overdue); then 60% decided in earlier years; the rest drafts. Employers and experience libraries
// come from 2,000 names, so evaluators' declared libraries and employers collide with candidates.
await timed(
  `seed ${PORTFOLIOS.toLocaleString('en-US')} portfolios × 10 evidence, ${EVALUATORS} evaluators`,
  async () => {
    await q('begin');
    await q(`create temp table bench_sets as
       select array_agg(s->>'id' order by ord) as ids
       from framework_versions, jsonb_array_elements(data->'framework'->'sets') with ordinality as t(s, ord)
       where active`);
    await q(
      `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), 'candidate' || i || '@bench.example', 'Given' || i || ' Family' || i, 'x', '{candidate}', now(), now(), now()
     from generate_series(1, $1::int) i`,
      [PORTFOLIOS],
    );
    await q(
      `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), 'evaluator' || j || '@bench.example', 'Evaluator ' || lpad(j::text, 4, '0'), 'x',
            '{portfolio_evaluator}', now(), now(), now()
     from generate_series(1, $1::int) j`,
      [EVALUATORS],
    );
    await q(
      `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     values ($1, 'staff@bench.example', 'Bench Staff', 'x', '{staff}', now(), now(), now())`,
      [STAFF_ID],
    );
    await q(`create temp table cand as
       select id, substring(email from 'candidate(\\d+)@')::int as n from users where email like 'candidate%@bench.example'`);
    await q(`create temp table ev as
       select id, substring(email from 'evaluator(\\d+)@')::int as n from users where email like 'evaluator%@bench.example'`);
    await q(`insert into applications (id, candidate_id, status, details, given_name, family_name, country, region,
       has_high_school, submitted_at, admitted_on, created_at, updated_at, policy_version_id, framework_version_id)
     select gen_random_uuid(), c.id, 'admitted',
       jsonb_build_object('personal', jsonb_build_object('employerName', 'Library ' || (c.n % 2000), 'employerType', 'public')),
       'Given' || c.n, 'Family' || c.n, 'US', 'IL', true, now(), current_date, now(), now(),
       (select id from policy_versions where active), (select id from framework_versions where active)
     from cand c`);
    await q(`insert into experience_entries (id, application_id, library, library_type, position, paid, start_date, created_at)
     select gen_random_uuid(), a.id, 'Library ' || ((c.n * k * 7) % 2000), 'public', 'Assistant', true, '2018-01-01', now()
     from cand c join applications a on a.candidate_id = c.id cross join generate_series(1, 2) k`);
    await q(
      `insert into portfolios (id, candidate_id, set_id, framework_version_id, status, number, statement, round,
       submitted_at, decided_at, created_at, updated_at)
     select gen_random_uuid(), c.id, (select ids[1 + c.n % 10] from bench_sets), (select id from framework_versions where active),
       case when c.n <= $1 + 200 then 'submitted'
            when c.n <= $1 + 200 + $2 / 10 then 'in_evaluation'
            when c.n <= $1 + 200 + $2 * 7 / 10 then (case when c.n % 5 = 0 then 'not_satisfactory' else 'approved' end)
            else 'draft' end,
       case when c.n <= $1 + 200 + $2 * 7 / 10 then 'PF-2026-' || lpad(c.n::text, 6, '0') end,
       'My statement.', 1,
       case when c.n <= $1 + 200 then now() - make_interval(mins => c.n)
            when c.n <= $1 + 200 + $2 * 7 / 10 then now() - interval '400 days' end,
       case when c.n > $1 + 200 + $2 / 10 and c.n <= $1 + 200 + $2 * 7 / 10 then now() - interval '380 days' end,
       now(), now()
     from cand c`,
      [WAITING, PORTFOLIOS],
    );
    await q(`insert into portfolio_evidence (id, portfolio_id, competency_id, kind, "primary", title, explanation, body,
       created_at, updated_at)
     select gen_random_uuid(), p.id, 'c' || k, 'text', k <= 5, 'Evidence ' || k,
       'How this shows the competency, in a few sentences of plain language.',
       repeat('A description of the work that shows the competency. ', 8), now(), now()
     from portfolios p cross join generate_series(1, 10) k`);
    await q(`insert into fees (id, kind, subject_id, payer_user_id, member, currency, created_at)
     select gen_random_uuid(), 'portfolio', p.id, p.candidate_id, false, 'USD', now() from portfolios p where p.status <> 'draft'`);
    await q(`insert into ledger_entries (id, fee_id, kind, amount_cents, method, created_at)
     select gen_random_uuid(), f.id, 'charge', 6000, 'none', now() from fees f`);
    await q(
      `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
     select gen_random_uuid(), f.id, 'payment', 6000, 'card', 'bench-' || f.id, now()
     from fees f join portfolios p on p.id = f.subject_id join cand c on c.id = p.candidate_id
     where not (c.n > $1 and c.n <= $1 + 200)`,
      [WAITING],
    );
    await q(`insert into evaluator_profiles (user_id, set_ids, yearly_capacity, training_completed_on, employer, active, updated_at)
     select e.id, array[(select ids[1 + e.n % 10] from bench_sets), (select ids[1 + (e.n + 3) % 10] from bench_sets),
                        (select ids[1 + (e.n + 7) % 10] from bench_sets)],
       20 + e.n % 31, '2025-06-01', 'Library ' || ((e.n * 37) % 2000), e.n % 25 <> 0, now()
     from ev e`);
    await q(`insert into evaluator_conflicts (id, evaluator_id, kind, value, created_at)
     select gen_random_uuid(), e.id, 'library', 'LIBRARY ' || ((e.n * 11 + k) % 2000), now()
     from ev e cross join generate_series(1, 2) k
     union all
     select gen_random_uuid(), e.id, 'person', 'candidate' || (e.n * 40) || '@bench.example', now() from ev e`);
    // Two assignments per evaluated portfolio: this year for those in evaluation (half overdue; the
    // first evaluator of one in three has rated already), spread over earlier years for decided ones
    // (rated 3 to 40 days after assignment).
    await q(
      `insert into portfolio_assignments (id, portfolio_id, evaluator_id, round, position, assigned_at, due_on, submitted_at)
     select gen_random_uuid(), p.id, ev.id, 1, k, t.at, (t.at + interval '30 days')::date,
       case when p.status <> 'in_evaluation' then t.at + make_interval(days => 3 + (c.n * 7 + k * 13) % 38)
            when k = 1 and c.n % 3 = 0 then t.at + interval '3 days' end
     from portfolios p join cand c on c.id = p.candidate_id cross join generate_series(1, 2) k
     join ev on ev.n = 1 + (c.n + k * 250) % $1
     cross join lateral (select case when p.status <> 'in_evaluation' then now() - make_interval(days => 400 + c.n % 300)
                                     when c.n % 2 = 0 then now() - interval '40 days'
                                     else now() - interval '5 days' end as at) t
     where p.status in ('in_evaluation', 'approved', 'not_satisfactory')`,
      [EVALUATORS],
    );
    await seedEvaluationHistory(q, EVALUATORS);
    await q('commit');
    await q('vacuum analyze');
  },
);
const counts = await q(`select status, count(*)::int as n from portfolios group by status order by status`);
console.log(`  ${counts.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`);
const volumes = await q(`select (select count(*)::int from portfolio_assignments) as assignments,
  (select count(*)::int from portfolio_ratings) as ratings, (select count(*)::int from portfolio_decisions) as decisions`);
console.log(
  `  ${Object.entries(volumes.rows[0])
    .map(([k, v]) => `${(v as number).toLocaleString('en-US')} ${k}`)
    .join(', ')}`,
);

const ctx: Ctx = {
  ...runtime.services,
  jobs: noJobQueue,
  requestId: null,
  actor: {
    kind: 'user',
    userId: STAFF_ID,
    email: 'staff@bench.example',
    displayName: 'Bench Staff',
    roles: ['staff'],
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: true,
    via: 'session',
  },
};
const db = runtime.services.db;
const today = runtime.services.clock.today();

// Pages, one request at a time, through the whole app (session, CSRF, rendering).
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
async function cookieFor(userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q(
    `insert into sessions (id, user_id, created_at, expires_at, last_seen_at, mfa_verified_at)
     values ($1, $2, now(), now() + interval '1 day', now(), now())`,
    [sha(token), userId],
  );
  return `lssc_session=${token}`;
}
const app = await buildApp({
  services: { ...runtime.services, jobs: noJobQueue },
  secret: 'bench-secret-long-enough-for-hmac-0123456789',
});
const staffCookie = await cookieFor(STAFF_ID);
const evaluator = (await q(`select id from users where email = 'evaluator7@bench.example'`)).rows[0]
  .id as string;
const evaluatorCookie = await cookieFor(evaluator);

async function timePages(when: string, targets: Array<[string, string, string]>) {
  console.log(`${`pages ${when} (100 requests after 10 warm-up)`.padEnd(52)}   p50 ms   p95 ms   max ms`);
  for (const [label, path, cookie] of targets) {
    const times: number[] = [];
    for (let i = 0; i < 110; i++) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 10) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
    console.log(`  ${label.padEnd(50)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${at(1).padStart(8)}`);
  }
}

// The parts, then the whole: what one batch reads before it writes.
const waiting = await timed('  read: paid portfolios waiting (1,000)', () =>
  listPaidWaiting(db, { limit: WAITING }),
);
await timed('  read: the pool with loads and conflicts', () => loadPool(db, today));
await timed('  read: candidate identities for the batch', () =>
  candidateIdentities(
    db,
    waiting.map((w) => w.candidateId),
  ),
);
await timePages('before assigning', [
  ['staff: assignment overview (50 waiting, with reasons)', '/staff/portfolios/assignment', staffCookie],
  ['staff: assignment overview, page 20', '/staff/portfolios/assignment?page=20', staffCookie],
  ['staff: evaluator pool, page 5', '/staff/portfolio-evaluators?page=5', staffCookie],
  ['staff: one evaluator profile', `/staff/portfolio-evaluators/${evaluator}`, staffCookie],
  ['staff: panel of a waiting portfolio', `/staff/portfolios/${waiting[0]!.id}/assignment`, staffCookie],
  ['evaluator: own profile', '/evaluator/profile', evaluatorCookie],
]);
const outcome = await timed(
  `assign evaluators to the ${WAITING.toLocaleString('en-US')} paid portfolios`,
  () => assignPaidPortfolios(ctx),
);
console.log(`  assigned ${outcome.assigned.length}, could not assign ${outcome.unassigned.length}`);
for (const u of outcome.unassigned.slice(0, 3)) console.log(`    ${u.number}: ${u.reason}`);
const again = await timed('run again (nothing new to assign)', () => assignPaidPortfolios(ctx));
console.log(`  assigned ${again.assigned.length}, could not assign ${again.unassigned.length}`);
const reminded = await timed('overdue reminder sweep (one batch of up to 500)', () =>
  remindOverduePortfolioEvaluations(ctx),
);
console.log(`  reminded ${reminded.reminded}`);

await timePages('after assigning', [
  ['staff: assignment overview', '/staff/portfolios/assignment', staffCookie],
  ['staff: panel of an assigned portfolio', `/staff/portfolios/${waiting[0]!.id}/assignment`, staffCookie],
]);
const someSet = (await q(`select set_id from portfolios where status = 'approved' limit 1`)).rows[0]
  .set_id as string;
const lastYear = Number(today.slice(0, 4)) - 1;
await timePages('pipeline and statistics', [
  ...[
    'awaiting_payment',
    'awaiting_evaluators',
    'in_evaluation',
    'overdue',
    'more_information',
    'decided',
  ].map((stage): [string, string, string] => [
    `staff: pipeline, ${stage}`,
    `/staff/portfolios?stage=${stage}`,
    staffCookie,
  ]),
  [
    'staff: pipeline, in evaluation, one set, page 2',
    `/staff/portfolios?stage=in_evaluation&set=${someSet}&page=2`,
    staffCookie,
  ],
  ['staff: pipeline, decided, one set', `/staff/portfolios?stage=decided&set=${someSet}`, staffCookie],
  ['staff: pipeline, decided, page 200', '/staff/portfolios?stage=decided&page=200', staffCookie],
  ['staff: statistics, this year', '/staff/portfolios/statistics', staffCookie],
  [
    `staff: statistics, ${lastYear} (most of the history)`,
    `/staff/portfolios/statistics?year=${lastYear}`,
    staffCookie,
  ],
  [
    `staff: statistics, ${lastYear}, one set`,
    `/staff/portfolios/statistics?year=${lastYear}&set=${someSet}`,
    staffCookie,
  ],
  [
    `staff: statistics, two years, turnaround page 5`,
    `/staff/portfolios/statistics?from=${lastYear - 1}-01-01&page=5`,
    staffCookie,
  ],
  ['api: pipeline, overdue', '/api/v1/staff/portfolio-pipeline?stage=overdue', staffCookie],
  [`api: statistics, ${lastYear}`, `/api/v1/staff/portfolio-statistics?year=${lastYear}`, staffCookie],
]);
// The blind rating page: an open assignment whose portfolio's 10 evidence items carry its set's real
// competency ids (the seed's c1–c10 match no framework competency, so the page would show no evidence).
const open = (
  await q(`select a.id, a.evaluator_id, p.id as portfolio_id, p.set_id from portfolio_assignments a
           join portfolios p on p.id = a.portfolio_id
           where a.submitted_at is null and a.replaced_at is null and p.status = 'in_evaluation'
           order by a.assigned_at desc limit 1`)
).rows[0] as { id: string; evaluator_id: string; portfolio_id: string; set_id: string };
await q(
  `update portfolio_evidence e set competency_id = c.ids[1 + (substring(e.competency_id from 2)::int - 1) % array_length(c.ids, 1)]
   from (select array_agg(x->>'id' order by ord) as ids
         from framework_versions f,
              jsonb_array_elements(f.data->'framework'->'sets') s,
              jsonb_array_elements(s->'competencies') with ordinality as t(x, ord)
         where f.active and s->>'id' = $2) c
   where e.portfolio_id = $1`,
  [open.portfolio_id, open.set_id],
);
const raterCookie = await cookieFor(open.evaluator_id);
await timePages('evaluator rating pages', [
  ['evaluator: my portfolios to rate', '/evaluator/assignments', raterCookie],
  ['evaluator: blind rating page (10 evidence items)', `/evaluator/assignments/${open.id}`, raterCookie],
  ['api: one assignment, blind', `/api/v1/evaluator/assignments/${open.id}`, raterCookie],
]);
await app.close();
await client.end();
await runtime.stop();
