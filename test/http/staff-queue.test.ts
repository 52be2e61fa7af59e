import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { api, get, signedInAs, type TestSession } from '../support/sessions.js';
import {
  type ApplicationOptions,
  type MadeApplication,
  makeApplication,
  staffMember,
} from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface QueueJson {
  items: Array<{ id: string; number: string; status: string; familyName: string; submittedAt: string }>;
  total: number;
  page: number;
  pageSize: number;
}

describe.each(testBackends())('staff application queue on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  const named: Record<string, MadeApplication> = {};
  const queue = async (qs: string) =>
    (await api(t, 'GET', `/api/v1/staff/applications${qs}`, { session: staff })).json() as QueueJson;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const member = await staffMember(t);
    const people: Array<[string, string, ApplicationOptions]> = [
      ['2026-11-01', 'Lovelace', { givenName: 'Ada', status: 'awaiting_check', region: 'IL' }],
      ['2026-11-02', 'Johnson', { givenName: 'Katherine', status: 'awaiting_payment', region: 'IL' }],
      ['2026-11-10', 'Hopper', { givenName: 'Grace', status: 'in_review', region: 'WI' }],
      ['2026-11-12', 'Vaughan', { givenName: 'Dorothy', status: 'info_requested', region: 'IL' }],
      ['2026-11-20', 'Jackson', { givenName: 'Mary', status: 'admitted', region: 'VA' }],
      ['2026-11-21', 'Easley', { givenName: 'Annie', status: 'rejected', region: 'OH' }],
    ];
    for (const [day, familyName, o] of people) {
      t.clock.set(`${day}T15:00:00Z`);
      named[familyName] = await makeApplication(t, member.ctx, { ...o, familyName });
    }
    // Older applications, so the named ones sort after them: 24 in review, one a day in October.
    for (let i = 1; i <= 24; i++) {
      t.clock.set(`2026-10-${String(i).padStart(2, '0')}T09:00:00Z`);
      await makeApplication(t, member.ctx, {
        givenName: 'Bulk',
        familyName: `Tester${i}`,
        status: 'in_review',
        region: 'OH',
      });
    }
    t.clock.set('2026-11-28T15:00:00Z');
    staff = (await staffMember(t)).session;
  }, 120_000);
  afterAll(() => t.close());

  it('counts applications per status on the staff home page', async () => {
    const res = await get(t, '/staff', staff);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /href="\/staff\/applications\?status=in_review">In review<\/a><\/th><td>25<\/td>/,
    );
    expect(res.body).toMatch(/Waiting for a check<\/a><\/th><td>1<\/td>/);
    expect(res.body).toContain('href="/staff/program"');
  });

  it('lists every submitted application oldest first, 25 to a page, with the total', async () => {
    const first = await get(t, '/staff/applications', staff);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('30 applications');
    expect((first.body.match(/<tr><th scope="row"><a href="\/staff\/applications\//g) ?? []).length).toBe(25);
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/staff/applications?page=2"');
    const second = await get(t, '/staff/applications?page=2', staff);
    expect((second.body.match(/<tr><th scope="row"><a href="\/staff\/applications\//g) ?? []).length).toBe(5);
    const all = [...(await queue('?pageSize=100')).items];
    expect(all).toHaveLength(30);
    const times = all.map((i) => i.submittedAt);
    expect([...times].sort()).toEqual(times);
    expect(all[0]!.familyName).toBe('Tester1');
    expect(all.at(-1)!.familyName).toBe('Easley');
  });

  it('filters by one status or several', async () => {
    const admitted = await queue('?status=admitted');
    expect(admitted.items.map((i) => i.number)).toEqual([named.Jackson!.number]);
    const waiting = await queue('?status=awaiting_check&status=awaiting_payment');
    expect(waiting.total).toBe(2);
    expect((await queue('?status=awaiting_check,awaiting_payment,rejected')).total).toBe(3);
    const page = await get(t, '/staff/applications?status=info_requested&status=rejected', staff);
    expect(page.body).toContain('2 applications');
    expect(page.body).toMatch(/value="info_requested" checked/);
  });

  it('filters by submission dates and by state or province', async () => {
    const range = await queue('?submittedFrom=2026-11-10&submittedTo=2026-11-20');
    expect(range.items.map((i) => i.familyName)).toEqual(['Hopper', 'Vaughan', 'Jackson']);
    expect((await queue('?submittedFrom=2026-11-21')).total).toBe(1);
    expect((await queue('?region=WI')).items.map((i) => i.familyName)).toEqual(['Hopper']);
    expect((await queue('?region=OH&status=rejected')).total).toBe(1);
  });

  it('searches by application number or by the start of a name', async () => {
    const byNumber = await queue(`?q=${named.Hopper!.number.toLowerCase()}`);
    expect(byNumber.items.map((i) => i.id)).toEqual([named.Hopper!.id]);
    expect((await queue('?q=hop')).items.map((i) => i.familyName)).toEqual(['Hopper']);
    expect((await queue('?q=Grace%20Hopper')).total).toBe(1);
    expect((await queue('?q=lovelace%20ada')).total).toBe(1);
    expect((await queue('?q=bulk')).total).toBe(24);
    expect((await queue('?q=100%25')).total).toBe(0);
  });

  it('shows an empty state when nothing matches', async () => {
    const res = await get(t, '/staff/applications?q=Nobody', staff);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No applications match these filters.');
    expect(res.body).toContain('value="Nobody"');
    expect((await queue('?q=Nobody')).items).toEqual([]);
  });

  it('pages the API with a chosen page size up to 100', async () => {
    const third = await queue('?pageSize=10&page=3');
    expect(third).toMatchObject({ total: 30, page: 3, pageSize: 10 });
    expect(third.items).toHaveLength(10);
    const tooBig = await api(t, 'GET', '/api/v1/staff/applications?pageSize=101', { session: staff });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].field).toBe('pageSize');
  });

  it('puts a message at the field for bad filters', async () => {
    const badDate = await get(t, '/staff/applications?submittedFrom=2026-13-45', staff);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('class="error-summary"');
    expect(badDate.body).toContain('Enter the &quot;submitted from&quot; date as a real date');
    const reversed = await get(
      t,
      '/staff/applications?submittedFrom=2026-11-20&submittedTo=2026-11-01',
      staff,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('The &quot;to&quot; date must be on or after the &quot;from&quot; date');
    const status = await api(t, 'GET', '/api/v1/staff/applications?status=draft', { session: staff });
    expect(status.statusCode).toBe(400);
    expect(status.json().errors[0].field).toMatch(/^status/);
  });

  it('is for staff only, with MFA', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    expect((await get(t, '/staff/applications', candidate)).statusCode).toBe(403);
    expect((await get(t, '/staff', candidate)).statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/staff/applications', { session: candidate })).statusCode).toBe(403);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    const res = await api(t, 'GET', '/api/v1/staff/applications', { session: noMfa });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('MFA_REQUIRED');
    expect((await t.app.inject('/api/v1/staff/applications')).statusCode).toBe(401);
  });
});
