/**
 * Seed the course catalog at 100× the program's size on a PostgreSQL database that bench/seed.ts has
 * prepared: 300 providers, 5,000 approved courses (about a tenth of them lapsed), 50,000 sessions and
 * 1,000,000 course completions by the bench candidates (100,000 are created if bench/seed.ts has not
 * run). Set-based SQL (generate_series); replaces any courses and providers already there.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench node --import tsx bench/seed-catalog.ts
 */
import pg from 'pg';
import { hashPassword } from '../src/platform/auth/passwords.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench';
const PROVIDERS = 300;
const COURSES = 5_000;
const OFFERINGS_PER_COURSE = 10;
const COMPLETIONS = 1_000_000;
/** The bench's "today" (bench/catalog.ts starts the server with LSSC_TODAY set to it). */
const TODAY = '2026-11-28';

const started = Date.now();
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
const step = async (what: string, sql: string, params: unknown[] = []) => {
  const t0 = Date.now();
  const r = await q(sql, params);
  console.log(`${what}: ${r.rowCount ?? 0} rows, ${Date.now() - t0} ms`);
};

const framework = await q('select id, data from framework_versions where active');
if (!framework.rows[0]) throw new Error('No active framework: run bench/seed.ts (or lssc migrate) first.');
const sets = (framework.rows[0].data.framework.sets as Array<{ id: string; title: string }>).map((s) => [
  s.id,
  s.title,
]);

await q('begin');
await q(
  `truncate course_completions, course_offerings, course_approval_periods, courses, course_bundles,
     course_application_files, course_competency_map, course_evaluations, course_application_parts,
     course_applications, catalog_alert_subscriptions, provider_invitations, provider_members, providers cascade`,
);

const candidates = await q(
  `select count(*)::int as n from users where email like 'candidate%@bench.example'`,
);
if (candidates.rows[0].n < 100_000) {
  const hash = await hashPassword('bench-password-2026');
  await step(
    'candidates',
    `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), 'candidate' || i || '@bench.example', 'Candidate ' || i, $1, '{candidate}', now(), now(), now()
     from generate_series($2::int + 1, 100000) i`,
    [hash, candidates.rows[0].n],
  );
}
const owner = await q(
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
   values (gen_random_uuid(), 'provider-owner-' || floor(random() * 1e9) || '@bench.example', 'Bench Provider Owner',
           'x', '{provider_member}', now(), now(), now())
   returning id`,
);
const ownerId = owner.rows[0].id as string;

const places = [
  ['Springfield', 'IL'],
  ['Madison', 'WI'],
  ['Des Moines', 'IA'],
  ['Saint Paul', 'MN'],
  ['Columbus', 'OH'],
  ['Austin', 'TX'],
  ['Sacramento', 'CA'],
  ['Albany', 'NY'],
  ['Topeka', 'KS'],
  ['Lincoln', 'NE'],
  ['Denver', 'CO'],
  ['Atlanta', 'GA'],
  ['Boston', 'MA'],
  ['Seattle', 'WA'],
  ['Phoenix', 'AZ'],
  ['Raleigh', 'NC'],
  ['Nashville', 'TN'],
  ['Richmond', 'VA'],
  ['Salem', 'OR'],
  ['Tallahassee', 'FL'],
];
const cities = places.map((p) => p[0]);
const states = places.map((p) => p[1]);
const kinds = [
  ['state_library', 'State Library'],
  ['state_library_association', 'Library Association'],
  ['regional_cooperative', 'Library Cooperative'],
  ['community_college', 'Community College'],
  ['ala_unit', 'Library Division'],
  ['individual_consultant', 'Library Training'],
];
await step(
  'providers',
  `insert into providers (id, name, type, country, region, city, website, contact_email, description, created_by, created_at, updated_at)
   select gen_random_uuid(), ($1::text[])[1 + i % 20] || ' ' || ($2::text[])[1 + i % 6] || ' ' || i,
          ($3::text[])[1 + i % 6], 'US', ($4::text[])[1 + i % 20], ($1::text[])[1 + i % 20],
          'https://provider' || i || '.example.org', 'courses@provider' || i || '.example.org',
          'Continuing education for library staff.', $5, now() - (i || ' days')::interval, now()
   from generate_series(1, $6::int) i`,
  [cities, kinds.map((k) => k[1]), kinds.map((k) => k[0]), states, ownerId, PROVIDERS],
);

// Titles and descriptions from word lists, so word searches find realistic numbers of courses.
const openings = [
  'Introduction to',
  'Foundations of',
  'Practical',
  'Advanced',
  'Essentials of',
  'Applied',
  'Modern',
  'Hands-on',
];
const topics = [
  'Library Service',
  'Reference Interviews',
  'Cataloging with RDA',
  'Readers Advisory',
  'Collection Development',
  'Library Technology',
  'Youth Programming',
  'Customer Service',
  'Supervision',
  'Access Services',
  'Digital Literacy',
  'Outreach',
  'Copyright',
  'Genealogy Help',
  'Makerspaces',
  'Storytime',
];
const extras = [
  'Weekly readings and discussion.',
  'Includes a practicum in a library.',
  'Taught by practising librarians.',
  'Case studies from rural libraries.',
  'Graded projects and peer review.',
  'Self-paced modules with quizzes.',
];
await q(
  `create temp table bench_providers as select id, row_number() over (order by created_at, id)::int as n from providers`,
);
await step(
  'course applications',
  `insert into course_applications (id, provider_id, status, kind, set_id, framework_version_id, title, description,
     delivery, synchronous, length, contact_hours, locations, cost_to_students_cents, registration_url,
     teaching_methods, assessment_strategy, number, submitted_at, approved_on, approval_ends_on, decided_at,
     created_by, created_at, updated_at)
   select gen_random_uuid(), p.id, 'approved', 'course', ($1::text[])[1 + i % $2], $3,
     ($4::text[])[1 + i % 8] || ' ' || ($5::text[])[1 + (i / 8) % 16],
     'A course on ' || lower(($5::text[])[1 + (i / 8) % 16]) || ' for the ' || ($6::text[])[1 + i % $2] || ' set. ' || ($7::text[])[1 + i % 6],
     (array['online', 'face_to_face', 'both'])[1 + i % 3], i % 2 = 0, (4 + i % 9) || ' weeks', 12 + i % 30,
     case when i % 3 = 0 then 'Online' else 'Several cities' end, (i % 40) * 1000,
     'https://provider' || p.n || '.example.org/courses/' || i, 'Lectures and discussion.', 'Assignments and a project.',
     'CRS-' || extract(year from d.approved_on) || '-' || lpad(i::text, 6, '0'), now(), d.approved_on, (d.approved_on + interval '4 years')::date,
     now(), $8, now(), now()
   from generate_series(1, $9::int) i
   join bench_providers p on p.n = 1 + (i * 7) % $10
   cross join lateral (select ($11::date - (i * 331 % 1640)) as approved_on) d`,
  [
    sets.map((s) => s[0]),
    sets.length,
    framework.rows[0].id,
    openings,
    topics,
    sets.map((s) => s[1]),
    extras,
    ownerId,
    COURSES,
    PROVIDERS,
    TODAY,
  ],
);
await step(
  'courses',
  `insert into courses (id, provider_id, application_id, number, set_id, framework_version_id, title, description, delivery,
     synchronous, length, contact_hours, locations, cost_to_students_cents, registration_url, first_approved_on,
     approval_ends_on, created_at, updated_at)
   select gen_random_uuid(), provider_id, id, number, set_id, framework_version_id, title, description, delivery,
     synchronous, length, contact_hours, locations, cost_to_students_cents, registration_url, approved_on,
     approval_ends_on, approved_on::timestamptz + interval '15 hours', approved_on::timestamptz + interval '15 hours'
   from course_applications`,
);
await step(
  'approval periods',
  `insert into course_approval_periods (course_id, application_id, starts_on, ends_on)
   select id, application_id, first_approved_on, approval_ends_on from courses`,
);
await q(
  `create temp table bench_courses as select id, row_number() over (order by number)::int - 1 as n, first_approved_on from courses`,
);
await step(
  'offerings',
  `insert into course_offerings (id, course_id, starts_on, ends_on, online, city, state, notes, created_by, created_at, updated_at)
   select gen_random_uuid(), c.id, s.starts_on, s.starts_on + (c.n % 60), o.online,
          case when o.online then null else ($1::text[])[1 + (c.n + k) % 20] end,
          case when o.online then null else ($2::text[])[1 + (c.n + k) % 20] end,
          'Session ' || k, $3, now(), now()
   from bench_courses c
   cross join generate_series(1, $4::int) k
   cross join lateral (select (c.n * 3 + k * 7) % 10 < 3 as online) o
   cross join lateral (select ($5::date - 365 + ((c.n * 37 + k * 97) % 1000)) as starts_on) s`,
  [cities, states, ownerId, OFFERINGS_PER_COURSE, TODAY],
);
await q(`create temp table bench_candidates as
  select id, row_number() over (order by email)::int - 1 as n from users where email like 'candidate%@bench.example'`);
await q('create index on bench_candidates (n)');
await q('create index on bench_courses (n)');
// Each candidate completes 10 different courses (503 is coprime to 5,000, so the 10 never repeat).
await step(
  'completions',
  `insert into course_completions (id, course_id, candidate_id, completed_on, passed, source, status, counts, created_by, created_at)
   select gen_random_uuid(), c.id, p.id, c.first_approved_on + (i % 300), i % 20 <> 0, 'roster', 'confirmed', i % 20 <> 0,
          $1, now()
   from generate_series(0, $2::int - 1) i
   join bench_candidates p on p.n = i % 100000
   join bench_courses c on c.n = ((i % 100000) * 7 + (i / 100000) * 503) % $3`,
  [ownerId, COMPLETIONS, COURSES],
);
await q('commit');
// As autovacuum would in a live system: statistics, and the visibility map that index-only scans need.
await q('vacuum analyze');
const counts = await q(
  `select
  (select count(*) from providers)::int as providers,
  (select count(*) from courses)::int as courses,
  (select count(*) from courses where approval_ends_on >= $1::date)::int as in_catalog,
  (select count(*) from course_offerings)::int as offerings,
  (select count(*) from course_completions)::int as completions`,
  [TODAY],
);
await client.end();
console.log(JSON.stringify({ ...counts.rows[0], seconds: Math.round((Date.now() - started) / 100) / 10 }));
