import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { get } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const START = '2026-11-28T15:00:00Z';

/**
 * Changes by hand reach this process as notifications: through the connection that committed them
 * (PGlite, and pooled PostgreSQL connections that listen) before the statement's answer, or through
 * the listening connection a moment later. One turn of the event loop is enough for the former; the
 * latter is given a few milliseconds.
 */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(testBackends())('certificate verification on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const verify = (number: string) => t.app.inject(`/api/v1/verifications/${encodeURIComponent(number)}`);

  it('shows anyone what the certificate shows, and nothing private', async () => {
    const holder = await certifiedHolder(t, { givenName: 'Grace', familyName: 'Hopperton' });
    const page = await get(t, `/verify/${holder.number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>Certificate ${holder.number}</h1>`);
    expect(page.body).toContain('<dd>Grace Hopperton</dd>');
    expect(page.body).toContain('<dd>Certified Library Support Staff (CLSS)</dd>');
    expect(page.body).toContain('<dd>30 September 2026</dd>');
    expect(page.body).toContain('<dd>30 September 2030</dd>');
    expect(page.body).toContain('<strong class="tag ok">Valid</strong> This certification is current.');
    expect(page.body).toContain(
      '<td>Foundations of Library Services</td><td>Approved course</td><td>2 March 2026</td>',
    );
    expect(page.body).toContain('<td>Technology</td><td>Portfolio</td><td>15 June 2026</td>');
    expect(page.body).toContain('<td>Recognition agreement</td>');
    expect(page.body).not.toContain(holder.session.email);
    expect(page.body).not.toContain('Springfield');

    const res = await verify(holder.number);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toEqual({
      holderName: 'Grace Hopperton',
      number: holder.number,
      designation: 'Certified Library Support Staff (CLSS)',
      certifiedOn: '2026-09-30',
      validUntil: '2030-09-30',
      standing: 'valid',
      sets: [
        {
          id: 'foundations',
          code: expect.any(String),
          title: 'Foundations of Library Services',
          how: 'course',
          achievedOn: '2026-03-02',
        },
        {
          id: 'technology',
          code: expect.any(String),
          title: 'Technology',
          how: 'portfolio',
          achievedOn: '2026-06-15',
        },
        {
          id: 'access-services',
          code: expect.any(String),
          title: expect.any(String),
          how: 'agreement',
          achievedOn: '2026-09-30',
        },
      ],
    });
    expect(res.body).not.toContain(holder.session.email);
    expect(res.body).not.toContain(holder.session.userId);
  });

  it('takes a number typed in the form, forgiving case and spaces', async () => {
    const holder = await certifiedHolder(t);
    const start = await get(t, '/verify');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<h1>Check a certificate</h1>');
    const res = await get(t, `/verify?number=${encodeURIComponent(`  ${holder.number.toLowerCase()} `)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/verify/${holder.number}`);
  });

  it('says clearly when a number is unknown or not a certificate number', async () => {
    const unknown = await get(t, '/verify/CLSS-2026-999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<h1>Certificate not found</h1>');
    expect(unknown.body).toContain('We have no certificate with the number CLSS-2026-999999.');
    expect(unknown.body).toContain('CLSS-2026-000123');
    const unknownApi = await verify('CLSS-2026-999999');
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json().code).toBe('NOT_FOUND');

    for (const bad of ['LSSC-2026-000001', 'CLSS-26-000001', 'CLSS-2026-12345', 'hello']) {
      const page = await get(t, `/verify/${bad}`);
      expect(page.statusCode, bad).toBe(400);
      expect(page.body).toContain('That is not a certificate number.');
      expect(page.body).toContain('class="error-summary"');
      const res = await verify(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().detail).toContain('CLSS-2026-000123');
    }
    const typed = await get(t, '/verify?number=12345');
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('value="12345"');
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/verifications/{number}'].get;
    expect(op.tags).toEqual(['Verification']);
    expect(op.responses['200'].content['application/json'].schema.properties.standing.enum).toContain(
      'in_renewal_grace',
    );
  });

  // Moves the clock, and puts it back.
  it('gives the standing on the day: valid, grace, expired, provisional, suspended, revoked', async () => {
    const active = await certifiedHolder(t, { expiresOn: '2030-09-30' });
    const provisional = await certifiedHolder(t, { status: 'provisional', expiresOn: '2030-09-30' });
    const suspended = await certifiedHolder(t, { status: 'suspended' });
    const revoked = await certifiedHolder(t, { status: 'revoked' });
    const standing = async (n: string) => (await verify(n)).json().standing;
    try {
      expect(await standing(suspended.number)).toBe('suspended');
      expect(await standing(revoked.number)).toBe('revoked');
      expect(await standing(provisional.number)).toBe('provisional');
      const page = await get(t, `/verify/${revoked.number}`);
      expect(page.body).toContain('<strong class="tag bad">Revoked</strong>');

      t.clock.set('2030-09-30T23:00:00Z');
      expect(await standing(active.number)).toBe('valid');
      expect(await standing(provisional.number)).toBe('provisional');
      t.clock.set('2030-10-01T00:30:00Z');
      expect(await standing(active.number)).toBe('in_renewal_grace');
      expect(await standing(provisional.number)).toBe('expired');
      const grace = await get(t, `/verify/${active.number}`);
      expect(grace.body).toContain('<strong class="tag warn">Valid, renewal due</strong>');
      t.clock.set('2030-11-30T12:00:00Z');
      expect(await standing(active.number)).toBe('in_renewal_grace');
      t.clock.set('2030-12-01T12:00:00Z');
      expect(await standing(active.number)).toBe('expired');
      expect((await get(t, `/verify/${active.number}`)).body).toContain(
        '<strong class="tag bad">Expired</strong>',
      );
    } finally {
      t.clock.set(START);
    }
  });

  it('answers from its copy until the database says the certificate changed, by any writer', async () => {
    const holder = await certifiedHolder(t, {
      givenName: 'Ada',
      familyName: 'Lovel',
      expiresOn: '2030-09-30',
    });
    const answer = async () => (await verify(holder.number)).json();
    expect(await answer()).toMatchObject({ holderName: 'Ada Lovel', standing: 'valid' });
    const page = await get(t, `/verify/${holder.number}`);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    const etag = page.headers.etag as string;
    const again = await t.app.inject({ url: `/verify/${holder.number}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const db = t.services.db;
    // Changes made outside the application's use cases (by hand, in SQL) are heard too.
    await db.execute(sql`update certifications set status = 'suspended' where number = ${holder.number}`);
    await settled();
    expect((await answer()).standing).toBe('suspended');
    const suspended = await get(t, `/verify/${holder.number}`);
    expect(suspended.body).toContain('Suspended');
    expect(suspended.headers.etag).not.toBe(etag);
    await db.execute(
      sql`update applications set family_name = 'Lovelace' where candidate_id = ${holder.session.userId}`,
    );
    await settled();
    expect((await answer()).holderName).toBe('Ada Lovelace');
    const setsBefore = (await answer()).sets.length;
    await db.execute(
      sql`delete from set_achievements where candidate_id = ${holder.session.userId} and set_id = 'technology'`,
    );
    await settled();
    expect((await answer()).sets).toHaveLength(setsBefore - 1);
    // A change that does not concern this holder leaves the copy as it was; the answer is the same.
    await certifiedHolder(t);
    expect(await answer()).toMatchObject({ holderName: 'Ada Lovelace', standing: 'suspended' });
    expect((await get(t, `/verify/${holder.number}`)).body).toContain('<dd>Ada Lovelace</dd>');
  });
});
