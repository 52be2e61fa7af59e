import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/lib/calendar-date.js';
import { rowsOf } from '../../src/modules/completions/roster-sql.js';
import { closeLedgerDays } from '../../src/modules/payments/finance/day-totals-repository.js';
import type { DayRange } from '../../src/modules/payments/finance/range.js';
import { ledgerTotalsByKind } from '../../src/modules/payments/finance/reconciliation-repository.js';
import { paymentsByDayAndMethod } from '../../src/modules/payments/finance/repository.js';
import { viewPaymentsByDay } from '../../src/modules/payments/finance/use-cases/view-payments-by-day.js';
import { viewReconciliation } from '../../src/modules/payments/finance/use-cases/view-reconciliation.js';
import {
  fees,
  type LedgerEntryKind,
  type LedgerMethod,
  ledgerEntries,
  ledgerEntryKinds,
} from '../../src/modules/payments/schema.js';
import type { Ctx } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db/client.js';
import { testBackends } from '../support/backends.js';
import { api, type TestSession } from '../support/sessions.js';
import { insertTestUser, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The queries the reports ran before days were summarised: what the new ones must equal, row for row.
async function referencePaymentsByDay(db: Db, range: DayRange) {
  const result = await db.execute(sql`
    select to_char(g.day, 'YYYY-MM-DD') as day, g.method, g.kind, g.count, g.total from (
      select (e.created_at at time zone 'UTC')::date as day, e.method, e.kind,
             count(*)::int as count, sum(e.amount_cents)::bigint as total
      from ${ledgerEntries} e
      where e.created_at >= ${`${range.from}T00:00:00Z`}::timestamptz
        and e.created_at < ${`${addDays(range.to, 1)}T00:00:00Z`}::timestamptz
        and e.kind in ('payment', 'refund')
      group by 1, 2, 3
    ) g
    order by g.day, g.method, g.kind`);
  return rowsOf<{ day: string; method: string; kind: string; count: number; total: string }>(result).map(
    (r) => ({ day: r.day, method: r.method, kind: r.kind, count: r.count, totalCents: Number(r.total) }),
  );
}

async function referenceTotalsByKind(db: Db) {
  const result = await db.execute(sql`
    select kind, count(*)::int as count, sum(amount_cents)::bigint as total
    from ${ledgerEntries} group by kind order by kind`);
  return rowsOf<{ kind: string; count: number; total: string }>(result).map((r) => ({
    kind: r.kind,
    count: r.count,
    totalCents: Number(r.total),
  }));
}

async function closedDays(db: Db): Promise<CalendarDate[]> {
  const result = await db.execute(
    sql`select to_char(day, 'YYYY-MM-DD') as day from ledger_days_closed order by day`,
  );
  return rowsOf<{ day: string }>(result).map((r) => r.day);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = '2026-11-28';
const FIRST_DAY = '2026-09-29';
const EMPTY_DAY = '2026-10-15';
const methodsOf: Record<LedgerEntryKind, LedgerMethod[]> = {
  charge: ['none'],
  payment: ['card', 'check', 'bank_transfer'],
  refund: ['card', 'check'],
  waiver: ['none'],
  award: ['none'],
};
const kindsDrawn: LedgerEntryKind[] = [
  'charge',
  'payment',
  'payment',
  'payment',
  'refund',
  'waiver',
  'award',
];

describe.each(testBackends())('finance day totals on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let staff: TestSession;
  let staffCtx: Ctx;
  const feeIds: string[] = [];

  /** A backdated entry written straight into the ledger, as an import or the bench seed does. */
  const insertAt = async (at: string, kind: LedgerEntryKind = 'payment', method: LedgerMethod = 'check') => {
    const id = randomUUID();
    await db.execute(sql`insert into ledger_entries (id, fee_id, kind, amount_cents, method, created_at)
      values (${id}, ${feeIds[0]}, ${kind}, 1234, ${method}, ${at}::timestamptz)`);
    return id;
  };

  const expectEqualToReference = async (range: DayRange) => {
    const today = t.clock.today();
    expect(await paymentsByDayAndMethod(db, range, today)).toEqual(await referencePaymentsByDay(db, range));
    expect(await ledgerTotalsByKind(db, today)).toEqual(await referenceTotalsByKind(db));
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    db = t.services.db;
    const s = await staffMember(t);
    staff = s.session;
    staffCtx = s.ctx;
    const payer = await insertTestUser(t, ['candidate'], 'Dana Payer');
    for (let i = 0; i < 8; i++) {
      const id = randomUUID();
      feeIds.push(id);
      await db.insert(fees).values({
        id,
        kind: 'portfolio',
        subjectId: randomUUID(),
        payerUserId: payer.id,
        member: false,
        currency: 'USD',
        createdAt: new Date(`${FIRST_DAY}T00:00:00Z`),
      });
    }
    // Sixty days up to today, 0-9 entries a day at any second of the UTC day (the edges included),
    // one day with none.
    const next = random(6);
    const rows: (typeof ledgerEntries.$inferInsert)[] = [];
    for (let day = FIRST_DAY; day <= TODAY; day = addDays(day, 1)) {
      if (day === EMPTY_DAY) continue;
      const n = Math.floor(next() * 10);
      for (let i = 0; i < n; i++) {
        const kind = kindsDrawn[Math.floor(next() * kindsDrawn.length)]!;
        const methods = methodsOf[kind];
        const second = i === 0 ? 0 : i === 1 ? 86_399 : Math.floor(next() * 86_400);
        rows.push({
          id: randomUUID(),
          feeId: feeIds[Math.floor(next() * feeIds.length)]!,
          kind,
          amountCents: 100 + Math.floor(next() * 50_000),
          method: methods[Math.floor(next() * methods.length)]!,
          reference: null,
          createdAt: new Date(Date.parse(`${day}T00:00:00Z`) + second * 1000),
        });
      }
    }
    await db.insert(ledgerEntries).values(rows);
  });
  afterAll(async () => {
    await t.close();
  });

  it('equals the old queries before any day is closed', async () => {
    expect(await closedDays(db)).toEqual([]);
    for (const range of [
      { from: FIRST_DAY, to: TODAY },
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2026-11-20', to: '2026-12-05' },
      { from: '2025-11-29', to: TODAY },
    ])
      expect(await paymentsByDayAndMethod(db, range, TODAY)).toEqual(await referencePaymentsByDay(db, range));
    expect(await ledgerTotalsByKind(db, TODAY)).toEqual(await referenceTotalsByKind(db));
    const reference = await referencePaymentsByDay(db, { from: FIRST_DAY, to: TODAY });
    expect(new Set(reference.map((r) => r.kind))).toEqual(new Set(['payment', 'refund']));
    expect(new Set(reference.map((r) => r.method))).toEqual(new Set(['card', 'check', 'bank_transfer']));
    expect(reference.some((r) => r.day === EMPTY_DAY)).toBe(false);
  });

  it('closes the past days of the period on the first request, then reads them, with the same answer', async () => {
    const url = `/api/v1/staff/finance/payments?from=${FIRST_DAY}&to=${TODAY}`;
    const first = await api(t, 'GET', url, { session: staff });
    expect(first.statusCode, first.body).toBe(200);
    const closed = await closedDays(db);
    // Every day up to today - 3, the empty one too; never the last three.
    expect(closed[0]).toBe(FIRST_DAY);
    expect(closed.at(-1)).toBe('2026-11-25');
    expect(closed).toHaveLength(58);
    expect(closed).toContain(EMPTY_DAY);
    await expectEqualToReference({ from: FIRST_DAY, to: TODAY });

    const second = await api(t, 'GET', url, { session: staff });
    expect(second.json()).toEqual(first.json());
    expect(await closedDays(db)).toEqual(closed);
    // The API's rows are the reference's, folded per day and method.
    const reference = await referencePaymentsByDay(db, { from: FIRST_DAY, to: TODAY });
    const paid = reference.filter((r) => r.kind === 'payment').reduce((sum, r) => sum + r.totalCents, 0);
    const refunded = reference.filter((r) => r.kind === 'refund').reduce((sum, r) => sum + r.totalCents, 0);
    expect(second.json().total).toMatchObject({ paymentCents: paid, refundCents: refunded });
  });

  it('reads closed days from the summary, not the ledger', async () => {
    const day = '2026-10-20';
    const range = { from: day, to: day };
    const before = await paymentsByDayAndMethod(db, range, TODAY);
    expect(before.length).toBeGreaterThan(0);
    // Change the summary behind the ledger's back (only a test does this): the report follows it.
    await db.execute(sql`update ledger_day_totals set count = count + 1000 where day = ${day}::date`);
    const after = await paymentsByDayAndMethod(db, range, TODAY);
    expect(after.map((r) => r.count)).toEqual(before.map((r) => r.count + 1000));
    await db.execute(sql`update ledger_day_totals set count = count - 1000 where day = ${day}::date`);
    expect(await paymentsByDayAndMethod(db, range, TODAY)).toEqual(before);
  });

  it('totals the reconciliation from the summaries, closing from the first entry', async () => {
    await db.execute(sql`delete from ledger_days_closed`);
    const v = await viewReconciliation(staffCtx);
    const reference = await referenceTotalsByKind(db);
    expect(v.totals).toEqual(
      ledgerEntryKinds.map(
        (kind) => reference.find((r) => r.kind === kind) ?? { kind, count: 0, totalCents: 0 },
      ),
    );
    const closed = await closedDays(db);
    expect([closed[0], closed.at(-1), closed.length]).toEqual([FIRST_DAY, '2026-11-25', 58]);
    await expectEqualToReference({ from: FIRST_DAY, to: TODAY });
  });

  it('drops the summary of a day an entry is backdated into, changed on or deleted from', async () => {
    const id = await insertAt('2026-10-10T08:00:00Z', 'refund', 'card');
    let closed = await closedDays(db);
    expect(closed).not.toContain('2026-10-10');
    expect(closed).toHaveLength(57);
    const leftover = await db.execute(
      sql`select count(*)::int as n from ledger_day_totals where day = '2026-10-10'`,
    );
    expect(rowsOf<{ n: number }>(leftover)[0]!.n).toBe(0);
    await expectEqualToReference({ from: '2026-10-01', to: '2026-10-31' });
    const report = await paymentsByDayAndMethod(db, { from: '2026-10-10', to: '2026-10-10' }, TODAY);
    expect(report.find((r) => r.kind === 'refund' && r.method === 'card')?.totalCents).toBeGreaterThanOrEqual(
      1234,
    );

    // The next request closes it again, with the entry in it.
    await viewPaymentsByDay(staffCtx, { from: '2026-10-01', to: '2026-10-31' });
    expect(await closedDays(db)).toContain('2026-10-10');
    await expectEqualToReference({ from: FIRST_DAY, to: TODAY });

    // Moved from one closed day to another: both are dropped. Deleted: its day is dropped.
    await db.execute(sql`update ledger_entries set created_at = '2026-10-12T23:59:59Z' where id = ${id}`);
    closed = await closedDays(db);
    expect(closed).not.toContain('2026-10-10');
    expect(closed).not.toContain('2026-10-12');
    await expectEqualToReference({ from: FIRST_DAY, to: TODAY });
    await viewPaymentsByDay(staffCtx, { from: '2026-10-01', to: '2026-10-31' });
    await db.execute(sql`delete from ledger_entries where id = ${id}`);
    expect(await closedDays(db)).not.toContain('2026-10-12');
    await expectEqualToReference({ from: FIRST_DAY, to: TODAY });
    // An empty closed day, written into, is dropped too.
    await viewPaymentsByDay(staffCtx, { from: '2026-10-01', to: '2026-10-31' });
    const onEmpty = await insertAt(`${EMPTY_DAY}T12:00:00Z`);
    expect(await closedDays(db)).not.toContain(EMPTY_DAY);
    await expectEqualToReference({ from: EMPTY_DAY, to: EMPTY_DAY });
    await db.execute(sql`delete from ledger_entries where id = ${onEmpty}`);
  });

  it('never closes the last three days, and entries written now drop nothing', async () => {
    await viewPaymentsByDay(staffCtx, { from: '2026-11-01', to: '2026-12-31' });
    await viewReconciliation(staffCtx);
    const closed = await closedDays(db);
    expect(closed.filter((d) => d >= '2026-11-26')).toEqual([]);
    expect(await closeLedgerDays(db, { from: '2026-11-20', through: '2026-11-25', now: t.clock.now() })).toBe(
      0,
    );
    await insertAt(t.clock.now().toISOString());
    expect(await closedDays(db)).toEqual(closed);
    await expectEqualToReference({ from: '2026-11-01', to: TODAY });
  });

  it('closes more days as the clock moves on, and stays exact when it moves back', async () => {
    const start = t.clock.now();
    try {
      t.clock.set('2026-12-05T10:00:00Z');
      const later = await viewPaymentsByDay(staffCtx, { from: FIRST_DAY, to: '2026-12-05' });
      expect((await closedDays(db)).at(-1)).toBe('2026-12-02');
      await expectEqualToReference({ from: FIRST_DAY, to: '2026-12-05' });
      const paid = (await referencePaymentsByDay(db, { from: FIRST_DAY, to: '2026-12-05' }))
        .filter((r) => r.kind === 'payment')
        .reduce((sum, r) => sum + r.totalCents, 0);
      expect(later.total.paymentCents).toBe(paid);

      // Back to the 28th: days 26-28 are closed but read from the ledger; an entry written "now"
      // drops its day.
      t.clock.set(start);
      await expectEqualToReference({ from: FIRST_DAY, to: TODAY });
      await insertAt(t.clock.now().toISOString(), 'payment', 'card');
      expect(await closedDays(db)).not.toContain(TODAY);
      await expectEqualToReference({ from: '2026-11-20', to: TODAY });
    } finally {
      t.clock.set(start);
    }
  });

  it.runIf(backend === 'postgres')(
    'answers without waiting for the summary while the ledger is busy',
    async () => {
      await db.execute(sql`delete from ledger_days_closed where day >= '2026-11-01'`);
      const pool = (db as unknown as { $client: { connect(): Promise<import('pg').PoolClient> } }).$client;
      const writer = await pool.connect();
      try {
        // A payment being written in a transaction not yet committed holds the ledger.
        await writer.query('begin');
        await writer.query(
          `insert into ledger_entries (id, fee_id, kind, amount_cents, method, created_at)
         values ($1, $2, 'payment', 777, 'card', '2026-11-03T10:00:00Z')`,
          [randomUUID(), feeIds[1]],
        );
        const started = Date.now();
        expect(
          await closeLedgerDays(db, { from: '2026-11-01', through: '2026-11-25', now: t.clock.now() }),
        ).toBe(0);
        // It gives up on the lock after 250 ms; waiting for the writer would hang until the test's
        // timeout. The bound leaves room for a loaded machine (2 s was within reach of a slow run).
        expect(Date.now() - started).toBeLessThan(10_000);
        expect((await closedDays(db)).filter((d) => d >= '2026-11-01')).toEqual([]);
        await expectEqualToReference({ from: '2026-11-01', to: TODAY });
        await writer.query('commit');
      } finally {
        writer.release();
      }
      expect(
        await closeLedgerDays(db, { from: '2026-11-01', through: '2026-11-25', now: t.clock.now() }),
      ).toBe(25);
      await expectEqualToReference({ from: FIRST_DAY, to: TODAY });
    },
  );
});
