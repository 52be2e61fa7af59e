import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { insertTestUser, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const base = '/staff/portfolios/webinars';
const apiBase = '/api/v1/portfolio-webinars';

/** A good webinar as the form sends it; the test clock starts 2026-11-28 15:00 UTC. */
const form = (overrides: Record<string, string> = {}) => ({
  title: 'Choosing your evidence',
  description: 'Primary or secondary evidence, with examples.',
  date: '2027-01-12',
  time: '2:00 pm',
  timeZone: 'America/New_York',
  durationMinutes: '90',
  registrationUrl: 'https://example.org/register',
  ...overrides,
});

describe.each(testBackends())('portfolio webinars on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('lets staff add a webinar that candidates and visitors see in its own time zone', async () => {
    expect((await get(t, `${base}/new`, staff)).body).toContain('Add a portfolio webinar');
    const added = await postForm(t, base, form(), staff);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(base);
    const items = (await api(t, 'GET', apiBase)).json().items;
    const w = items.find((i: { title: string }) => i.title === 'Choosing your evidence');
    expect(w).toMatchObject({
      startsAt: '2027-01-12T19:00:00.000Z',
      endsAt: '2027-01-12T20:30:00.000Z',
      timeZone: 'America/New_York',
      localDate: '2027-01-12',
      localTime: '14:00',
      startsAtText: 'Tuesday 12 January 2027, 2:00 PM EST',
      durationMinutes: 90,
      calendarUrl: `/portfolios/webinars/${w.id}.ics`,
    });
    const visitor = await get(t, '/portfolios/webinars');
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).toContain('Tuesday 12 January 2027, 2:00 PM EST');
    expect(visitor.body).toContain('Eastern Time (New York)');
    expect(visitor.body).toContain('90 minutes');
    expect(visitor.body).toContain('href="https://example.org/register"');
    expect((await get(t, base, staff)).body).toContain('Choosing your evidence');
    expect(await auditActions(t, 'portfolio_webinar', w.id)).toEqual(['portfolio_webinar.added']);

    const ics = await get(t, `/portfolios/webinars/${w.id}.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toContain(
      'attachment; filename="lssc-webinar-2027-01-12.ics"',
    );
    const lines = ics.body.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`UID:portfolio-webinar-${w.id}@localhost`);
    expect(lines).toContain('DTSTAMP:20261128T150000Z');
    expect(lines).toContain('DTSTART:20270112T190000Z');
    expect(lines).toContain('DTEND:20270112T203000Z');
    expect(lines).toContain('SUMMARY:Choosing your evidence');
    expect(lines).toContain(
      'DESCRIPTION:Primary or secondary evidence\\, with examples.\\n\\nRegister: https://example.org/register',
    );
    expect(lines).toContain('URL:https://example.org/register');
    expect((await get(t, '/portfolios/webinars/00000000-0000-7000-8000-000000000000.ics')).statusCode).toBe(
      404,
    );
  });

  it('explains every problem with what staff entered', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: '' }, 'title', 'Enter the webinar’s title.'],
      [{ title: 'x'.repeat(201) }, 'title', 'Keep the title to 200 characters or fewer.'],
      [
        { description: 'x'.repeat(5001) },
        'description',
        'Keep the description to 5,000 characters or fewer.',
      ],
      [{ date: '' }, 'date', 'Enter the date of the webinar.'],
      [{ date: '2027-02-30' }, 'date', 'Enter the date as a real date, like 2027-01-12.'],
      [{ date: '12/01/2027' }, 'date', 'Enter the date as a real date, like 2027-01-12.'],
      [{ date: '2026-11-28', time: '09:00' }, 'date', 'The webinar must start in the future.'],
      [{ date: '2025-01-12' }, 'date', 'The webinar must start in the future.'],
      [{ time: '' }, 'time', 'Enter the start time.'],
      [{ time: '25:00' }, 'time', 'Enter the start time like 14:00 or 2:00 pm.'],
      [
        { date: '2027-03-14', time: '2:30 am' },
        'time',
        '02:30 did not happen on 14 March 2027 in Eastern Time (New York): the clocks moved forward an hour. Choose another time.',
      ],
      [{ timeZone: '' }, 'timeZone', 'Choose the time zone from the list.'],
      [{ timeZone: 'Europe/London' }, 'timeZone', 'Choose the time zone from the list.'],
      [{ durationMinutes: '' }, 'durationMinutes', 'Enter how long the webinar lasts, in minutes.'],
      [
        { durationMinutes: 'an hour' },
        'durationMinutes',
        'Enter the length as a whole number of minutes, like 60.',
      ],
      [
        { durationMinutes: '45.5' },
        'durationMinutes',
        'Enter the length as a whole number of minutes, like 60.',
      ],
      [{ durationMinutes: '5' }, 'durationMinutes', 'A webinar lasts at least 15 minutes.'],
      [{ durationMinutes: '600' }, 'durationMinutes', 'A webinar lasts at most 480 minutes (8 hours).'],
      [{ registrationUrl: '' }, 'registrationUrl', 'Enter the registration link.'],
      [
        { registrationUrl: 'http://example.org/register' },
        'registrationUrl',
        'Enter the registration link as a full https:// address, like https://example.org/register.',
      ],
      [
        { registrationUrl: 'example.org' },
        'registrationUrl',
        'Enter the registration link as a full https:// address, like https://example.org/register.',
      ],
    ];
    for (const [change, field, message] of cases) {
      const res = await postForm(t, base, form(change), staff);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.body).toContain('<title>Error: Add a portfolio webinar');
      expect(res.body).toContain(`href="#f-${field}"`);
      expect(res.body.replace(/&#39;|&rsquo;/g, '’')).toContain(message);
    }
    // What was typed is kept.
    const kept = await postForm(t, base, form({ registrationUrl: 'ftp://x', title: 'Kept title' }), staff);
    expect(kept.body).toContain('value="Kept title"');
    const viaApi = await api(t, 'POST', apiBase, {
      session: staff,
      body: { ...form(), durationMinutes: 90, timeZone: 'UTC' },
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().errors).toEqual([
      { field: 'timeZone', message: 'Choose the time zone from the list.' },
    ]);
    const past = await api(t, 'POST', apiBase, {
      session: staff,
      body: { ...form({ date: '2026-01-01' }), durationMinutes: 90 },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'date', message: 'The webinar must start in the future.' }]);
    expect((await postForm(t, base, form(), staff, { csrf: false })).statusCode).toBe(403);
  });

  it('takes the first of a repeated hour when the clocks go back, and says so', async () => {
    const res = await api(t, 'POST', apiBase, {
      session: staff,
      body: { ...form({ title: 'Late night', date: '2027-11-07', time: '01:30' }), durationMinutes: 60 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().startsAt).toBe('2027-11-07T05:30:00.000Z');
    expect(res.json().note).toContain('That time happens twice that night');
    expect(res.json().startsAtText).toBe('Sunday 7 November 2027, 1:30 AM EDT');
  });

  it('lets staff change and remove a webinar, and keeps started ones as they were', async () => {
    const { id } = (
      await api(t, 'POST', apiBase, {
        session: staff,
        body: { ...form({ title: 'To change' }), durationMinutes: 60 },
      })
    ).json();
    const edit = await get(t, `${base}/${id}`, staff);
    expect(edit.body).toContain('value="2027-01-12"');
    expect(edit.body).toContain('value="14:00"');
    expect(edit.body).toMatch(/<option value="America\/New_York" selected/);
    const bad = await postForm(t, `${base}/${id}`, form({ title: 'To change', durationMinutes: '0' }), staff);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<title>Error: Change “To change”');
    const saved = await postForm(
      t,
      `${base}/${id}`,
      form({ title: 'Changed', time: '10:00', timeZone: 'America/Los_Angeles', date: '2027-07-01' }),
      staff,
    );
    expect(saved.statusCode).toBe(303);
    const one = (await api(t, 'GET', `${apiBase}/${id}`)).json();
    expect(one).toMatchObject({
      title: 'Changed',
      startsAt: '2027-07-01T17:00:00.000Z',
      timeZone: 'America/Los_Angeles',
    });
    const put = await api(t, 'PUT', `${apiBase}/${id}`, {
      session: staff,
      body: { ...form({ title: 'Put' }), durationMinutes: 45 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().durationMinutes).toBe(45);

    expect((await get(t, `${base}/${id}/remove`, staff)).body).toContain('Remove “Put”?');
    const removed = await postForm(t, `${base}/${id}/remove`, {}, staff);
    expect(removed.statusCode).toBe(303);
    expect((await api(t, 'GET', `${apiBase}/${id}`)).statusCode).toBe(404);
    expect((await postForm(t, `${base}/${id}/remove`, {}, staff)).statusCode).toBe(404);
    expect(await auditActions(t, 'portfolio_webinar', id)).toEqual([
      'portfolio_webinar.added',
      'portfolio_webinar.changed',
      'portfolio_webinar.changed',
      'portfolio_webinar.removed',
    ]);

    // A webinar that has started leaves the public list, shows under "past", and is not changed.
    const soon = (
      await api(t, 'POST', apiBase, {
        session: staff,
        body: { ...form({ title: 'Soon', date: '2026-11-28', time: '11:00' }), durationMinutes: 60 },
      })
    ).json();
    expect(soon.startsAt).toBe('2026-11-28T16:00:00.000Z');
    t.clock.advance(2 * 3_600_000);
    try {
      expect((await get(t, '/portfolios/webinars')).body).not.toContain('Soon');
      const past = (
        await api(t, 'GET', '/api/v1/staff/portfolio-webinars?when=past', { session: staff })
      ).json();
      expect(past.items.map((i: { title: string }) => i.title)).toContain('Soon');
      expect((await get(t, `${base}?when=past`, staff)).body).toContain('Soon');
      const late = await api(t, 'PUT', `${apiBase}/${soon.id}`, {
        session: staff,
        body: { ...form(), durationMinutes: 60 },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toBe('This webinar has already started, so it can no longer be changed.');
      expect((await api(t, 'DELETE', `${apiBase}/${soon.id}`, { session: staff })).statusCode).toBe(200);
    } finally {
      t.clock.advance(-2 * 3_600_000);
    }
  });

  it('shows empty lists plainly and pages through many webinars', async () => {
    const t2 = await createTestApp(backend);
    try {
      const s = (await staffMember(t2)).session;
      expect((await get(t2, '/portfolios/webinars')).body).toContain(
        'No webinars are scheduled at the moment.',
      );
      expect((await get(t2, base, s)).body).toContain('No webinars are scheduled.');
      expect((await get(t2, `${base}?when=past`, s)).body).toContain('No webinars have taken place yet.');
      for (let i = 0; i < 21; i++) {
        const day = String(i + 1).padStart(2, '0');
        const res = await api(t2, 'POST', apiBase, {
          session: s,
          body: { ...form({ title: `Session ${day}`, date: `2027-02-${day}` }), durationMinutes: 60 },
        });
        expect(res.statusCode).toBe(200);
      }
      const first = (await api(t2, 'GET', apiBase)).json();
      expect(first).toMatchObject({ total: 21, page: 1, pageSize: 20 });
      expect(first.items[0].title).toBe('Session 01');
      const second = (await api(t2, 'GET', `${apiBase}?page=2`)).json();
      expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Session 21']);
      expect((await get(t2, '/portfolios/webinars')).body).toContain('Next page');
      expect((await get(t2, base, s)).body).toContain('Next page');
    } finally {
      await t2.close();
    }
  });

  it('keeps the list to staff: candidates 403, evaluators 403, no MFA refused, visitors sent to sign in', async () => {
    const { id } = (
      await api(t, 'POST', apiBase, {
        session: staff,
        body: { ...form({ title: 'Guarded' }), durationMinutes: 60 },
      })
    ).json();
    const candidate = await sessionOf(t, await insertTestUser(t, ['candidate']));
    const evaluator = await sessionOf(t, await insertTestUser(t, ['portfolio_evaluator']));
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    for (const who of [candidate, evaluator]) {
      for (const url of [base, `${base}/new`, `${base}/${id}`, `${base}/${id}/remove`])
        expect((await get(t, url, who)).statusCode, url).toBe(403);
      expect((await postForm(t, base, form(), who)).statusCode).toBe(403);
      expect((await postForm(t, `${base}/${id}/remove`, {}, who)).statusCode).toBe(403);
      expect(
        (await api(t, 'POST', apiBase, { session: who, body: { ...form(), durationMinutes: 60 } }))
          .statusCode,
      ).toBe(403);
      expect((await api(t, 'DELETE', `${apiBase}/${id}`, { session: who })).statusCode).toBe(403);
      expect((await api(t, 'GET', '/api/v1/staff/portfolio-webinars', { session: who })).statusCode).toBe(
        403,
      );
    }
    expect((await get(t, base, noMfa)).headers.location).toContain('/sign-in/mfa');
    expect((await postForm(t, `${base}/${id}/remove`, {}, noMfa)).statusCode).toBe(401);
    expect((await api(t, 'DELETE', `${apiBase}/${id}`, { session: noMfa })).statusCode).toBe(401);
    expect((await get(t, base)).headers.location).toContain('/sign-in?next=');
    expect((await api(t, 'GET', '/api/v1/staff/portfolio-webinars')).statusCode).toBe(401);
    // Everyone may read the list and download the calendar file.
    expect((await get(t, '/portfolios/webinars', candidate)).body).toContain('Guarded');
    expect((await get(t, `/portfolios/webinars/${id}.ics`, evaluator)).statusCode).toBe(200);
    expect((await api(t, 'GET', `${apiBase}/${id}`)).json().title).toBe('Guarded');
  });
});
