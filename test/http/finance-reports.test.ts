import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/modules/completions/rules/roster-csv.js';
import {
  institutions,
  invoicePayments,
  invoices,
  purchaseOrders,
} from '../../src/modules/institutions/schema.js';
import {
  fees,
  type LedgerEntryKind,
  type LedgerMethod,
  ledgerEntries,
} from '../../src/modules/payments/schema.js';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { api, get, type TestSession } from '../support/sessions.js';
import { insertTestUser, staffMember, type UserRef } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A fee for a portfolio (no application), with its ledger entries at given instants. */
async function feeWith(
  t: TestApp,
  payer: UserRef,
  entries: [LedgerEntryKind, number, LedgerMethod, string][],
): Promise<string> {
  const feeId = randomUUID();
  await t.services.db.insert(fees).values({
    id: feeId,
    kind: 'portfolio',
    subjectId: randomUUID(),
    payerUserId: payer.id,
    member: false,
    currency: 'USD',
    createdAt: new Date('2026-10-01T00:00:00Z'),
  });
  for (const [kind, amountCents, method, at] of entries)
    await t.services.db.insert(ledgerEntries).values({
      id: randomUUID(),
      feeId,
      kind,
      amountCents,
      method,
      reference: null,
      createdAt: new Date(at),
    });
  return feeId;
}

let invoiceCounter = 0;
/** An invoice of an institution, due on a day, with payments already received. */
async function invoiceWith(
  t: TestApp,
  by: UserRef,
  institutionName: string,
  totalCents: number,
  dueOn: string,
  paid: number[],
): Promise<{ id: string; number: string }> {
  const db = t.services.db;
  const at = new Date('2026-07-01T00:00:00Z');
  const institutionId = randomUUID();
  await db.insert(institutions).values({
    id: institutionId,
    name: institutionName,
    kind: 'library',
    region: 'Illinois',
    billingAddress: '1 Main Street',
    createdBy: by.id,
    createdAt: at,
    updatedAt: at,
  });
  const poId = randomUUID();
  await db.insert(purchaseOrders).values({
    id: poId,
    institutionId,
    poNumber: `PO-${++invoiceCounter}`,
    amountCents: totalCents,
    currency: 'USD',
    submittedBy: by.id,
    createdAt: at,
  });
  const id = randomUUID();
  const number = `INV-2026-${String(invoiceCounter).padStart(6, '0')}`;
  await db.insert(invoices).values({
    id,
    number,
    institutionId,
    purchaseOrderId: poId,
    totalCents,
    currency: 'USD',
    issuedOn: '2026-07-01',
    dueOn,
    createdAt: at,
  });
  for (const [i, amountCents] of paid.entries())
    await db.insert(invoicePayments).values({
      id: randomUUID(),
      invoiceId: id,
      method: 'check',
      amountCents,
      reference: `CHK-${i}`,
      receivedOn: '2026-11-01',
      recordedBy: by.id,
      createdAt: at,
    });
  return { id, number };
}

const csvRecords = (body: string) => parseCsv(body).records.map((r) => r.fields);

describe.each(testBackends())('finance reports on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  const axe = httpAxe();
  const inv: Record<string, { id: string; number: string }> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    const s = await staffMember(t);
    staff = s.session;
    const payer = await insertTestUser(t, ['candidate'], 'Dana Payer');
    const overpayer = await insertTestUser(t, ['candidate'], '=cmd|calc');
    // Today is 2026-11-28: the default period is 2026-10-30 to 2026-11-28.
    await feeWith(t, payer, [
      ['charge', 10000, 'none', '2026-11-01T10:00:00Z'],
      ['payment', 10000, 'card', '2026-11-02T23:30:00Z'],
    ]);
    await feeWith(t, payer, [
      ['charge', 35000, 'none', '2026-11-01T10:00:00Z'],
      ['payment', 20000, 'check', '2026-11-02T01:00:00Z'],
      ['payment', 15000, 'check', '2026-11-05T12:00:00Z'],
    ]);
    await feeWith(t, overpayer, [
      ['charge', 5000, 'none', '2026-11-01T10:00:00Z'],
      ['payment', 8000, 'card', '2026-11-02T05:00:00Z'],
      ['refund', 1000, 'card', '2026-11-05T13:00:00Z'],
    ]);
    await feeWith(t, payer, [
      ['charge', 999, 'none', '2026-09-01T10:00:00Z'],
      ['payment', 999, 'bank_transfer', '2026-09-10T10:00:00Z'],
    ]);
    inv.notDue = await invoiceWith(t, s.user, 'Springfield Library', 70000, '2026-12-10', []);
    inv.late15 = await invoiceWith(t, s.user, 'Shelbyville Library', 35000, '2026-11-13', [10000]);
    inv.late119 = await invoiceWith(t, s.user, '=HYPERLINK("http://x")', 32500, '2026-08-01', []);
    inv.paid = await invoiceWith(t, s.user, 'Ogdenville Library', 35000, '2026-10-01', [20000, 15000]);
    inv.late60 = await invoiceWith(t, s.user, 'North Haverbrook, "the" library', 35000, '2026-09-29', [5000]);
  });
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  it('counts payments per day and method over the last 30 days, refunds apart', async () => {
    const res = await api(t, 'GET', '/api/v1/staff/finance/payments', { session: staff });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.from).toBe('2026-10-30');
    expect(body.to).toBe('2026-11-28');
    const row = (day: string, method: string) =>
      body.rows.find((r: { day: string; method: string }) => r.day === day && r.method === method);
    expect(body.rows).toHaveLength(4);
    expect(row('2026-11-02', 'card')).toMatchObject({
      paymentCount: 2,
      paymentCents: 18000,
      refundCount: 0,
      netCents: 18000,
    });
    expect(row('2026-11-02', 'check')).toMatchObject({
      paymentCount: 1,
      paymentCents: 20000,
      netCents: 20000,
    });
    expect(row('2026-11-05', 'card')).toMatchObject({
      paymentCount: 0,
      refundCount: 1,
      refundCents: 1000,
      netCents: -1000,
    });
    expect(row('2026-11-05', 'check')).toMatchObject({ paymentCount: 1, paymentCents: 15000 });
    expect(body.byMethod).toEqual([
      {
        method: 'card',
        paymentCount: 2,
        paymentCents: 18000,
        refundCount: 1,
        refundCents: 1000,
        netCents: 17000,
      },
      {
        method: 'check',
        paymentCount: 2,
        paymentCents: 35000,
        refundCount: 0,
        refundCents: 0,
        netCents: 35000,
      },
    ]);
    expect(body.total).toEqual({
      paymentCount: 4,
      paymentCents: 53000,
      refundCount: 1,
      refundCents: 1000,
      netCents: 52000,
    });

    const september = await api(t, 'GET', '/api/v1/staff/finance/payments?from=2026-09-01&to=2026-09-30', {
      session: staff,
    });
    expect(september.json().rows).toEqual([
      {
        day: '2026-09-10',
        method: 'bank_transfer',
        paymentCount: 1,
        paymentCents: 999,
        refundCount: 0,
        refundCents: 0,
        netCents: 999,
      },
    ]);
  });

  it('shows the payments page and its CSV', async () => {
    const page = await get(t, '/staff/finance/payments', staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('$520.00');
    expect(page.body).toContain('-$10.00');
    expect(page.body).toContain('<th scope="row">Card</th>');
    if (axeTier && backend === 'pglite') await axe.expectAccessible(page.body, 'payments by day');

    for (const url of ['/staff/finance/payments.csv', '/staff/finance/payments?format=csv']) {
      const csv = await get(t, url, staff);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="payments-by-day-2026-11-28\.csv"/,
      );
      expect(csv.body.endsWith('\r\n')).toBe(true);
      expect(csvRecords(csv.body)).toEqual([
        ['Day', 'Method', 'Payments', 'Paid in (USD)', 'Refunds', 'Refunded (USD)', 'Net (USD)'],
        ['2026-11-02', 'Card', '2', '180.00', '0', '0.00', '180.00'],
        ['2026-11-02', 'Check', '1', '200.00', '0', '0.00', '200.00'],
        ['2026-11-05', 'Card', '0', '0.00', '1', '10.00', '-10.00'],
        ['2026-11-05', 'Check', '1', '150.00', '0', '0.00', '150.00'],
      ]);
    }
  });

  it('shows a period longer than two months by month, each month linking to its days in the period', async () => {
    const rowsOf = (body: string) =>
      [...body.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map(
        (m) => m.slice(1),
      );
    const year = await get(t, '/staff/finance/payments?from=2025-11-29&to=2026-11-28', staff);
    expect(year.statusCode).toBe(200);
    expect(year.body).toContain('<caption>By month and method</caption>');
    expect(year.body).not.toContain('<caption>By day and method</caption>');
    expect(year.body).not.toContain('2 November 2026');
    expect(rowsOf(year.body.slice(year.body.indexOf('By month and method')))).toEqual([
      [
        '<a href="/staff/finance/payments?from=2026-09-01&amp;to=2026-09-30">September 2026</a>',
        'Bank transfer',
        '1',
        '$9.99',
      ],
      [
        '<a href="/staff/finance/payments?from=2026-11-01&amp;to=2026-11-28">November 2026</a>',
        'Card',
        '2',
        '$180.00',
      ],
      [
        '<a href="/staff/finance/payments?from=2026-11-01&amp;to=2026-11-28">November 2026</a>',
        'Check',
        '2',
        '$350.00',
      ],
    ]);
    expect(year.body).toContain('<td>1</td><td>$10.00</td><td>$170.00</td>');
    if (axeTier && backend === 'pglite') await axe.expectAccessible(year.body, 'payments by month');

    // A month cut by the period links to its days within the period; 62 days are still shown by day.
    const cut = await get(t, '/staff/finance/payments?from=2026-09-05&to=2026-11-28', staff);
    expect(cut.body).toContain(
      'href="/staff/finance/payments?from=2026-09-05&amp;to=2026-09-30">September 2026',
    );
    const september = await get(t, '/staff/finance/payments?from=2026-09-05&to=2026-09-30', staff);
    expect(september.body).toContain('<caption>By day and method</caption>');
    expect(rowsOf(september.body.slice(september.body.indexOf('By day and method')))).toEqual([
      ['10 September 2026', 'Bank transfer', '1', '$9.99'],
    ]);
    const twoMonths = await get(t, '/staff/finance/payments?from=2026-09-28&to=2026-11-28', staff);
    expect(twoMonths.body).toContain('<caption>By day and method</caption>');

    // The CSV and the API keep every day, whatever the period.
    const csv = await get(t, '/staff/finance/payments.csv?from=2025-11-29&to=2026-11-28', staff);
    expect(csvRecords(csv.body)).toHaveLength(6);
  });

  it('lists outstanding invoices by age, oldest first, with links', async () => {
    const res = await api(t, 'GET', '/api/v1/staff/finance/outstanding-invoices', { session: staff });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.buckets).toEqual([
      { bucket: 'not_due', count: 1, dueCents: 70000 },
      { bucket: '1_30', count: 1, dueCents: 25000 },
      { bucket: '31_60', count: 1, dueCents: 30000 },
      { bucket: '61_90', count: 0, dueCents: 0 },
      { bucket: 'over_90', count: 1, dueCents: 32500 },
    ]);
    expect(body.items.map((i: { number: string }) => i.number)).toEqual([
      inv.late119!.number,
      inv.late60!.number,
      inv.late15!.number,
      inv.notDue!.number,
    ]);
    expect(body.items[0]).toMatchObject({
      daysPastDue: 119,
      bucket: 'over_90',
      dueCents: 32500,
      paidCents: 0,
    });
    expect(body.items[1]).toMatchObject({
      daysPastDue: 60,
      bucket: '31_60',
      dueCents: 30000,
      paidCents: 5000,
    });
    expect(body.items[2]).toMatchObject({ daysPastDue: 15, bucket: '1_30', dueCents: 25000 });
    expect(body.items[3]).toMatchObject({ daysPastDue: -12, bucket: 'not_due', dueCents: 70000 });

    const page = await get(t, '/staff/finance/outstanding-invoices', staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/staff/invoices/${inv.late119!.id}"`);
    expect(page.body).not.toContain(inv.paid!.number);
    if (axeTier && backend === 'pglite') await axe.expectAccessible(page.body, 'outstanding invoices');
    expect(
      (await api(t, 'GET', '/api/v1/staff/finance/outstanding-invoices?page=0', { session: staff }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api(t, 'GET', '/api/v1/staff/finance/outstanding-invoices?page=2', { session: staff })).json()
        .items,
    ).toEqual([]);
  });

  it('exports outstanding invoices as CSV, quoted and with formulas neutralised', async () => {
    const csv = await get(t, '/staff/finance/outstanding-invoices.csv', staff);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
    expect(csv.body).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv.body).toContain('"North Haverbrook, ""the"" library"');
    const records = csvRecords(csv.body);
    expect(records[0]).toEqual([
      'Invoice',
      'Institution',
      'Issued on',
      'Due on',
      'Days past due',
      'Age',
      'Currency',
      'Total',
      'Paid',
      'Owed',
    ]);
    expect(records[1]).toEqual([
      inv.late119!.number,
      '\'=HYPERLINK("http://x")',
      '2026-07-01',
      '2026-08-01',
      '119',
      'Over 90 days past due',
      'USD',
      '325.00',
      '0.00',
      '325.00',
    ]);
    expect(records[4]).toEqual([
      inv.notDue!.number,
      'Springfield Library',
      '2026-07-01',
      '2026-12-10',
      '0',
      'Not yet due',
      'USD',
      '700.00',
      '0.00',
      '700.00',
    ]);
    expect(records).toHaveLength(5);
  });

  it('shows refunds owed from the adjustments query, with CSV', async () => {
    const res = await api(t, 'GET', '/api/v1/staff/finance/refunds-owed', { session: staff });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      totalCents: 2000,
      items: [{ payerName: '=cmd|calc', why: 'overpaid', owedCents: 2000 }],
    });
    const page = await get(t, '/staff/finance/refunds-owed', staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('$20.00');
    if (axeTier && backend === 'pglite') await axe.expectAccessible(page.body, 'refunds owed');
    const csv = await get(t, '/staff/finance/refunds-owed.csv', staff);
    const records = csvRecords(csv.body);
    expect(records[0]).toEqual(['Fee', 'Application', 'Payer', 'Why', 'Currency', 'Owed']);
    expect(records[1]!.slice(2)).toEqual(["'=cmd|calc", 'Paid more than was due', 'USD', '20.00']);
  });

  it('links the reports from the finance page and the staff home page', async () => {
    const home = await get(t, '/staff', staff);
    expect(home.body).toContain('href="/staff/finance"');
    const finance = await get(t, '/staff/finance', staff);
    expect(finance.statusCode).toBe(200);
    for (const href of [
      '/staff/finance/payments',
      '/staff/finance/outstanding-invoices',
      '/staff/finance/refunds-owed',
    ])
      expect(finance.body).toContain(`href="${href}"`);
    if (axeTier && backend === 'pglite') await axe.expectAccessible(finance.body, 'finance');
  });
});
