/**
 * Seed a PostgreSQL database for bench/finance.ts: 10,000 institutions with one invoice each (one to
 * five applicants; a third paid, a third partly paid, a third unpaid; due dates over the past year
 * and the next month) and 200,000 ledger entries on 80,000 portfolio fees: 80,000 charges, 100,000
 * payments (card, check, bank transfer; a quarter of fees paid in two parts) over a year of days,
 * 3,200 refunds, 16,000 waivers and 800 awards (those fees are overpaid, so refunds are owed). Every
 * card payment has its succeeded sandbox checkout. Then 5,000 applications paid by check (11,800
 * entries more): 1,000 rejected, 900 of them refunded and 100 still holding the fee (refunds owed).
 * Recreates the database, migrates it as a real start does, then runs set-based SQL (generate_series).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lssc_bench_finance node --import tsx bench/seed-finance.ts
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startRuntime } from '../src/server.js';
import { recreateDatabase } from './support.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lssc_bench_finance';
const FEES = 80_000;
const INSTITUTIONS = 10_000;
const APPLICATIONS = 5_000;

const started = Date.now();
await recreateDatabase(url);
const runtime = await startRuntime(
  loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', LSSC_SEED_DEMO: 'never' }),
  { work: false, seed: false },
);
await runtime.stop();

const client = new pg.Client({ connectionString: url });
await client.connect();
const step = async (what: string, sql: string, params: unknown[] = []) => {
  const t0 = Date.now();
  const r = await client.query(sql, params);
  console.log(`${what}: ${r.rowCount ?? 0} rows, ${Date.now() - t0} ms`);
};

// A fee's payment day: spread over the year before 2026-11-28 (the bench's "today").
const day = (
  i: string,
) => `(timestamptz '2025-11-29 00:00:00+00' + ((${i}::bigint * 7919) % 365) * interval '1 day'
  + ((${i}::bigint * 104729) % 86400) * interval '1 second')`;

await client.query('begin');
await step(
  'payers',
  `insert into users (id, email, display_name, password_hash, roles, email_verified_at, created_at, updated_at)
   select md5('payer' || i)::uuid, 'payer' || i || '@bench.example', 'Payer ' || i, 'x', '{candidate}', now(), now(), now()
   from generate_series(1, 20000) i`,
);
await step(
  'fees',
  `insert into fees (id, kind, subject_id, payer_user_id, member, currency, created_at)
   select md5('fee' || i)::uuid, 'portfolio', md5('subject' || i)::uuid, md5('payer' || (1 + i % 20000))::uuid,
          false, 'USD', ${day('i')} - interval '2 days'
   from generate_series(1, $1::int) i`,
  [FEES],
);
await step(
  'charges',
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, created_at)
   select gen_random_uuid(), md5('fee' || i)::uuid, 'charge', 35000, 'none', ${day('i')} - interval '2 days'
   from generate_series(1, $1::int) i`,
  [FEES],
);
// Waived fees (i % 5 = 1) pay 50.00 less; a quarter (i % 4 = 0) pay in two parts.
await step(
  'checkouts for card payments',
  `insert into checkouts (id, fee_id, provider, status, amount_cents, currency, created_at, completed_at)
   select md5('checkout' || i)::uuid, md5('fee' || i)::uuid, 'sandbox', 'succeeded',
          case when i % 4 = 0 then 20000 else 35000 - case when i % 5 = 1 then 5000 else 0 end end,
          'USD', ${day('i')}, ${day('i')}
   from generate_series(1, $1::int) i where i % 3 = 0`,
  [FEES],
);
await step(
  'first payments',
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
   select gen_random_uuid(), md5('fee' || i)::uuid, 'payment',
          case when i % 4 = 0 then 20000 else 35000 - case when i % 5 = 1 then 5000 else 0 end end,
          (array['card', 'check', 'bank_transfer'])[1 + i % 3],
          case when i % 3 = 0 then md5('checkout' || i)::uuid::text else 'REF-' || i end, ${day('i')}
   from generate_series(1, $1::int) i`,
  [FEES],
);
await step(
  'second payments',
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
   select gen_random_uuid(), md5('fee' || i)::uuid, 'payment', 15000 - case when i % 5 = 1 then 5000 else 0 end,
          case when i % 8 = 0 then 'check' else 'bank_transfer' end, 'REF2-' || i, ${day('i')} + interval '9 days'
   from generate_series(1, $1::int) i where i % 4 = 0`,
  [FEES],
);
await step(
  'refunds, waivers and awards',
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
   select gen_random_uuid(), md5('fee' || i)::uuid, k.kind, k.amount, k.method, k.ref, ${day('i')} + interval '20 days'
   from generate_series(1, $1::int) i
   cross join lateral (values
     ('refund', 5000, 'check', 'RF-' || i, i % 25 = 0),
     ('waiver', 5000, 'none', null, i % 5 = 1),
     ('award', 17500, 'none', null, i % 100 = 2)
   ) k(kind, amount, method, ref, applies)
   where k.applies`,
  [FEES],
);
// Applications: a fifth rejected. Of those, nine in ten were refunded (the refund, then the charge
// released by a waiver, as staff do it) and one in ten still holds the applicant's money: owed back.
await step(
  'applications',
  `insert into applications (id, candidate_id, number, status, payment_method, submitted_at, created_at, updated_at)
   select md5('app' || i)::uuid, md5('payer' || i)::uuid, 'LSSC-2026-' || lpad(i::text, 6, '0'),
          case when i % 5 = 0 then 'rejected' else 'admitted' end, 'check', ${day('i')}, ${day('i')}, ${day('i')}
   from generate_series(1, $1::int) i`,
  [APPLICATIONS],
);
await step(
  'application fees',
  `insert into fees (id, kind, subject_id, payer_user_id, member, currency, created_at)
   select md5('appfee' || i)::uuid, 'application', md5('app' || i)::uuid, md5('payer' || i)::uuid, false, 'USD',
          ${day('i')} - interval '1 day'
   from generate_series(1, $1::int) i`,
  [APPLICATIONS],
);
await step(
  'application fee entries',
  `insert into ledger_entries (id, fee_id, kind, amount_cents, method, reference, created_at)
   select gen_random_uuid(), md5('appfee' || i)::uuid, k.kind, 35000, k.method, k.ref, ${day('i')} + k.after
   from generate_series(1, $1::int) i
   cross join lateral (values
     ('charge', 'none', null, interval '-1 day', true),
     ('payment', 'check', 'APP-' || i, interval '0 days', true),
     ('refund', 'check', 'APPRF-' || i, interval '30 days', i % 5 = 0 and i % 50 <> 0),
     ('waiver', 'none', null, interval '30 days', i % 5 = 0 and i % 50 <> 0)
   ) k(kind, method, ref, after, applies)
   where k.applies`,
  [APPLICATIONS],
);
await step(
  'institutions',
  `insert into institutions (id, name, kind, region, billing_address, created_by, created_at, updated_at)
   select md5('inst' || i)::uuid, 'Library ' || i, 'library', 'Illinois', i || ' Main Street',
          md5('payer1')::uuid, now(), now()
   from generate_series(1, $1::int) i`,
  [INSTITUTIONS],
);
await step(
  'purchase orders and invoices',
  `with po as (
     insert into purchase_orders (id, institution_id, po_number, amount_cents, currency, submitted_by, created_at)
     select md5('po' || i)::uuid, md5('inst' || i)::uuid, 'PO-' || i, (1 + i % 5) * 35000, 'USD', md5('payer1')::uuid, now()
     from generate_series(1, $1::int) i
     returning id
   )
   insert into invoices (id, number, institution_id, purchase_order_id, total_cents, currency, issued_on, due_on, created_at)
   select md5('inv' || i)::uuid, 'INV-2026-' || lpad(i::text, 6, '0'), md5('inst' || i)::uuid, md5('po' || i)::uuid,
          (1 + i % 5) * 35000, 'USD', date '2025-11-01' + (i * 37) % 390, date '2025-12-01' + (i * 37) % 390, now()
   from generate_series(1, $1::int) i`,
  [INSTITUTIONS],
);
await step(
  'invoice lines',
  `insert into invoice_lines (id, invoice_id, position, name, email, amount_cents, member, member_unknown)
   select gen_random_uuid(), md5('inv' || i)::uuid, p, 'Applicant ' || p, 'a' || p || '.' || i || '@bench.example',
          35000, false, true
   from generate_series(1, $1::int) i cross join lateral generate_series(1, 1 + i % 5) p`,
  [INSTITUTIONS],
);
await step(
  'invoice payments',
  `insert into invoice_payments (id, invoice_id, method, amount_cents, reference, received_on, recorded_by, created_at,
                                 state, approved_at)
   select gen_random_uuid(), md5('inv' || i)::uuid, 'check',
          case when i % 3 = 0 then (1 + i % 5) * 35000 else 35000 / 2 end, 'CHK-' || i,
          date '2025-11-15' + (i * 37) % 370, md5('payer1')::uuid, now(), 'approved', now()
   from generate_series(1, $1::int) i where i % 3 <> 2`,
  [INSTITUTIONS],
);
await client.query('commit');
// As autovacuum would in a while: statistics, and the visibility map index-only scans rely on.
await client.query('vacuum analyze');
const counts = await client.query(
  `select (select count(*) from institutions)::int as institutions, (select count(*) from ledger_entries)::int as entries,
          (select count(*) from invoices)::int as invoices, (select count(*) from checkouts)::int as checkouts`,
);
console.log(counts.rows[0], `in ${Math.round((Date.now() - started) / 1000)} s`);
await client.end();
