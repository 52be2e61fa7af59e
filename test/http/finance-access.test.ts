import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/modules/completions/rules/roster-csv.js';
import { testBackends } from '../support/backends.js';
import { api, get, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const pages = [
  '/staff/finance',
  '/staff/finance/payments',
  '/staff/finance/payments.csv',
  '/staff/finance/outstanding-invoices',
  '/staff/finance/outstanding-invoices.csv',
  '/staff/finance/refunds-owed',
  '/staff/finance/refunds-owed.csv',
  '/staff/finance/reconciliation',
  '/staff/finance/reconciliation.csv',
];
const apis = [
  '/api/v1/staff/finance/payments',
  '/api/v1/staff/finance/outstanding-invoices',
  '/api/v1/staff/finance/refunds-owed',
  '/api/v1/staff/finance/reconciliation',
];

describe.each(testBackends())('finance reports: empty, bad input and access on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('says so when there is nothing to show', async () => {
    const payments = await get(t, '/staff/finance/payments', staff);
    expect(payments.statusCode).toBe(200);
    expect(payments.body).toContain('No payments or refunds in this period.');
    const outstanding = await get(t, '/staff/finance/outstanding-invoices', staff);
    expect(outstanding.body).toContain('Every invoice is paid.');
    const refunds = await get(t, '/staff/finance/refunds-owed', staff);
    expect(refunds.body).toContain('No refunds are owed.');
    const csv = await get(t, '/staff/finance/payments.csv', staff);
    expect(parseCsv(csv.body).records).toHaveLength(1);
    const json = (await api(t, 'GET', '/api/v1/staff/finance/payments', { session: staff })).json();
    expect(json.rows).toEqual([]);
    expect(json.total.netCents).toBe(0);
    const owed = (await api(t, 'GET', '/api/v1/staff/finance/refunds-owed', { session: staff })).json();
    expect(owed).toEqual({ totalCents: 0, items: [] });
  });

  it.each([
    ['from=2026-13-01', 'from', 'Enter the first date as a real date'],
    ['to=yesterday', 'to', 'Enter the last date as a real date'],
    ['from=2026-11-20&to=2026-11-01', 'to', 'The last date must be on or after the first date'],
    ['from=2025-01-01&to=2026-11-28', 'to', 'Choose a period of at most 366 days'],
  ])('refuses the period %s', async (query, field, message) => {
    const page = await get(t, `/staff/finance/payments?${query}`, staff);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(message);
    expect(page.body).toContain('There is a problem');
    const res = await api(t, 'GET', `/api/v1/staff/finance/payments?${query}`, { session: staff });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
    expect((await get(t, `/staff/finance/payments.csv?${query}`, staff)).statusCode).toBe(400);
  });

  it('takes a year of days, and a first date alone gives 30 days from it', async () => {
    const year = await api(t, 'GET', '/api/v1/staff/finance/payments?from=2025-11-28&to=2026-11-28', {
      session: staff,
    });
    expect(year.statusCode).toBe(200);
    const from = (
      await api(t, 'GET', '/api/v1/staff/finance/payments?from=2026-10-01', { session: staff })
    ).json();
    expect([from.from, from.to]).toEqual(['2026-10-01', '2026-10-30']);
  });

  it('is for staff with MFA only', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    for (const url of pages) {
      expect((await get(t, url, candidate)).statusCode, url).toBe(403);
      const anonymous = await get(t, url);
      expect(anonymous.statusCode, url).toBe(302);
      expect(anonymous.headers.location, url).toMatch(/sign-in/);
      const halfSignedIn = await get(t, url, noMfa);
      expect(halfSignedIn.statusCode, url).toBe(302);
      expect(halfSignedIn.headers.location, url).toMatch(/mfa/);
    }
    for (const url of apis) {
      expect((await api(t, 'GET', url, { session: candidate })).statusCode, url).toBe(403);
      expect((await api(t, 'GET', url)).statusCode, url).toBe(401);
      const res = await api(t, 'GET', url, { session: noMfa });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('MFA_REQUIRED');
    }
  });

  it('lists the reports in the API document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const url of apis) expect(doc.paths[url]?.get?.tags, url).toEqual(['finance']);
  });
});
