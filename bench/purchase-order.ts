/**
 * Time a purchase order of 200 applicants (MAX_APPLICANTS) through the use case on PostgreSQL, and count
 * the statements it sends. Creates its own database: 10,000 candidates with applications (a tenth
 * rejected, six in ten waiting for this institution to pay, some members, a quarter with a confirmed
 * additional address and a quarter with an unconfirmed one), one institution with a contact and 3,000
 * lines on its earlier invoices, and 10,000 lines on another institution's invoices.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_po node --import tsx bench/purchase-order.ts [orders]
 *
 * Each order (default 10, after one warm-up order) names fresh people: 100 matched (applied choosing this
 * institution; a quarter of them given by their additional address), 10 with a rejected application,
 * 10 whose application cannot be matched (in review, or another institution pays), 5 by an unconfirmed
 * additional address, and 75 new people who are invited.
 */
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { MAX_APPLICANTS } from '../src/modules/institutions/forms.js';
import { submitPurchaseOrder } from '../src/modules/institutions/use-cases/submit-purchase-order.js';
import type { Ctx } from '../src/platform/context.js';
import { noJobQueue } from '../src/platform/jobs/queue.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase, timed } from './support.js';

const orders = Number(process.argv[2] ?? 10);
const CANDIDATES = 10_000;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_po';
const CONTACT = '00000000-0000-7000-8000-000000000001';
const INSTITUTION = '00000000-0000-7000-8000-000000000002';
const OTHER = '00000000-0000-7000-8000-000000000003';

// Every statement any pooled connection sends, counted while `counting` is on.
let counting = false;
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

await recreateDatabase(url);
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', LSSC_SEED_DEMO: 'never' });
const runtime = await startRuntime(config, { work: false, seed: false });

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);
await timed(
  `seed ${CANDIDATES.toLocaleString('en-US')} candidates, an institution, earlier invoices`,
  async () => {
    await q('begin');
    await q(
      `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     values ($1, 'contact@library.example', 'Carla Contact', 'x', '{candidate,institution_contact}', now(), now(), now())`,
      [CONTACT],
    );
    await q(
      `insert into institutions (id, name, kind, region, billing_address, created_by, created_at, updated_at)
     values ($1, 'Springfield Public Library', 'library', 'Illinois', '1 Main Street', $3, now(), now()),
            ($2, 'Shelbyville Library', 'library', 'Illinois', '2 Main Street', $3, now(), now())`,
      [INSTITUTION, OTHER, CONTACT],
    );
    await q(`insert into institution_contacts (institution_id, user_id, added_at) values ($1, $2, now())`, [
      INSTITUTION,
      CONTACT,
    ]);
    await q(
      `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
     select md5('person' || i)::uuid, 'person' || i || '@bench.example', 'Person ' || i, 'x', '{candidate}', now(), now(), now()
     from generate_series(1, $1::int) i`,
      [CANDIDATES],
    );
    // i % 10: 0 rejected (after choosing this institution), 1–6 waiting for this institution to pay,
    // 7 in review (this institution pays), 8 admitted (paid by card), 9 waiting for another institution.
    await q(
      `insert into applications (id, candidate_id, number, status, details, given_name, family_name, country, region,
       has_high_school, ala_member_number, payment_method, submitted_at, submitted_on, admitted_on, deadline_on,
       decided_at, rejection_reason, created_at, updated_at, policy_version_id, framework_version_id)
     select md5('app' || i)::uuid, md5('person' || i)::uuid, 'LSSC-2026-' || lpad(i::text, 6, '0'),
       case i % 10 when 0 then 'rejected' when 7 then 'in_review' when 8 then 'admitted' else 'awaiting_payment' end,
       '{}'::jsonb, 'Given' || i, 'Family' || i, 'US', 'IL', true,
       case when i % 7 = 0 then '1234-5678' end, case when i % 10 = 8 then 'card' else 'institution' end,
       now(), current_date, case when i % 10 = 8 then current_date end, case when i % 10 = 8 then current_date + 1460 end,
       case when i % 10 = 0 then now() end, case when i % 10 = 0 then 'Hours not confirmed.' end,
       now() - interval '30 days', now(),
       case when i % 10 = 8 then (select id from policy_versions where active) end,
       (select id from framework_versions where active)
     from generate_series(1, $1::int) i`,
      [CANDIDATES],
    );
    await q(
      `insert into application_payers (application_id, institution_id, chosen_at)
     select md5('app' || i)::uuid, case when i % 10 = 9 then $2::uuid else $1::uuid end, now()
     from generate_series(1, $3::int) i where i % 10 <> 8`,
      [INSTITUTION, OTHER, CANDIDATES],
    );
    await q(
      `insert into email_addresses (id, user_id, email, confirmed_at, created_at)
     select gen_random_uuid(), md5('person' || i)::uuid,
            case when i % 4 = 1 then 'alt' else 'pending' end || i || '@bench.example',
            case when i % 4 = 1 then now() end, now()
     from generate_series(1, $1::int) i where i % 4 in (1, 3)`,
      [CANDIDATES],
    );
    // Earlier orders: 20 of 150 people for this institution, 100 of 100 for the other.
    await q(
      `insert into purchase_orders (id, institution_id, po_number, amount_cents, currency, submitted_by, created_at)
     select md5('po' || n)::uuid, case when n <= 20 then $1::uuid else $2::uuid end, 'EARLIER-' || n, 1, 'USD', $3, now()
     from generate_series(1, 120) n`,
      [INSTITUTION, OTHER, CONTACT],
    );
    await q(
      `insert into invoices (id, number, institution_id, purchase_order_id, total_cents, currency, issued_on, due_on, created_at)
     select md5('inv' || n)::uuid, 'INV-2019-' || lpad(n::text, 6, '0'), case when n <= 20 then $1::uuid else $2::uuid end,
            md5('po' || n)::uuid, 1, 'USD', current_date - 60, current_date - 30, now() - interval '60 days'
     from generate_series(1, 120) n`,
      [INSTITUTION, OTHER],
    );
    await q(
      `insert into invoice_lines (id, invoice_id, position, name, email, amount_cents, member, member_unknown)
     select gen_random_uuid(), md5('inv' || n)::uuid, p, 'Earlier ' || n || '.' || p,
            'earlier' || n || '.' || p || '@bench.example', 35000, false, true
     from generate_series(1, 120) n cross join lateral generate_series(1, case when n <= 20 then 150 else 100 end) p`,
    );
    await q('commit');
    await q('vacuum analyze');
  },
);

const ctx: Ctx = {
  ...runtime.services,
  jobs: noJobQueue,
  requestId: null,
  actor: {
    kind: 'user',
    userId: CONTACT,
    email: 'contact@library.example',
    displayName: 'Carla Contact',
    roles: ['candidate', 'institution_contact'],
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: false,
    via: 'session',
  },
};

/** Candidates 1..N whose i % 10 is one of `kinds`, in order; slice `run` of `size`. */
function people(kinds: number[], run: number, size: number): number[] {
  const out: number[] = [];
  for (let i = 1; out.length < (run + 1) * size && i <= CANDIDATES; i++)
    if (kinds.includes(i % 10)) out.push(i);
  return out.slice(run * size);
}

function order(run: number) {
  const matched = people([1, 2, 3, 4, 5, 6], run, 100).map((i) => ({
    name: `Person ${i}`,
    email: i % 4 === 1 ? `alt${i}@bench.example` : `person${i}@bench.example`,
  }));
  const rejected = people([0], run, 10).map((i) => ({
    name: `Person ${i}`,
    email: `person${i}@bench.example`,
  }));
  const unmatched = people([7, 9], run, 10).map((i) => ({
    name: `Person ${i}`,
    email: `person${i}@bench.example`,
  }));
  const unconfirmed = people([3, 5], 50 + run, 20)
    .filter((i) => i % 4 === 3)
    .slice(0, 5)
    .map((i) => ({ name: `Person ${i}`, email: `pending${i}@bench.example` }));
  const fresh = Array.from({ length: MAX_APPLICANTS }, (_, k) => ({
    name: `New ${run}.${k}`,
    email: `new${run}.${k}@bench.example`,
  }));
  const known = [...matched, ...rejected, ...unmatched, ...unconfirmed];
  const all = [...known, ...fresh.slice(0, MAX_APPLICANTS - known.length)];
  // Interleaved, so matched and invited people alternate down the order.
  return all.map((_, k) => all[(k * 37) % all.length]!);
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
const runs: number[] = [];
const counts: number[] = [];
for (let run = 0; run <= orders; run++) {
  const applicants = order(run);
  if (new Set(applicants.map((a) => a.email)).size !== MAX_APPLICANTS) throw new Error('applicants repeat');
  statements = 0;
  counting = true;
  const started = performance.now();
  const result = await submitPurchaseOrder(ctx, INSTITUTION, {
    poNumber: `PO-BENCH-${run}`,
    amountCents: MAX_APPLICANTS * 100_000,
    applicants,
  });
  const ms = performance.now() - started;
  counting = false;
  const label = run === 0 ? 'warm-up' : `order ${run}`;
  console.log(
    `${label.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${String(statements).padStart(5)} statements  ` +
      `matched ${result.matched}, invited ${result.invited}, total ${result.invoice.totalCents}`,
  );
  if (run > 0) {
    runs.push(ms);
    counts.push(statements);
  }
}
const sorted = [...runs].sort((a, b) => a - b);
const median =
  sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(
  `${orders} orders of ${MAX_APPLICANTS}: min ${sorted[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms, ` +
    `max ${sorted.at(-1)!.toFixed(0)} ms; statements per order ${Math.min(...counts)}–${Math.max(...counts)}`,
);
await client.end();
await runtime.stop();
