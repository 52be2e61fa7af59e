import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../../src/modules/certification/schema.js';
import { testBackends } from '../support/backends.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { auditActions, candidate } from '../support/factories.js';
import { api, get, postForm } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const START = '2026-11-28T15:00:00Z';

describe.each(testBackends())('registry of certified staff on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const search = async (query: string) => (await t.app.inject(`/api/v1/registry?${query}`)).json();
  const listedIn = async (id: string) =>
    (await t.services.db.select().from(certifications).where(eq(certifications.id, id)))[0]!.inRegistry;

  it('lets a holder opt in and out, showing what the registry will show', async () => {
    const holder = await certifiedHolder(t, { givenName: 'Marisol', familyName: 'Quenby', region: 'VT' });
    const page = await get(t, '/certification/registry', holder.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dd>Marisol Quenby</dd>');
    expect(page.body).toContain('<dd>Vermont</dd>');
    expect(page.body).toContain(`<dd>${holder.number}</dd>`);
    expect(page.body).toContain('<dd>Valid</dd>');
    expect(page.body).not.toContain(holder.session.email);
    expect((await search('name=quen')).total).toBe(0);

    const noCsrf = await postForm(t, '/certification/registry', { listed: 'yes' }, holder.session, {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    const bad = await postForm(t, '/certification/registry', { listed: 'maybe' }, holder.session);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose whether to be listed in the registry');
    expect(await listedIn(holder.certificationId)).toBe(false);

    const saved = await postForm(t, '/certification/registry', { listed: 'yes' }, holder.session);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/certification/registry');
    // Saving again changes nothing and records nothing more.
    await postForm(t, '/certification/registry', { listed: 'yes' }, holder.session);
    expect(await auditActions(t, 'certification', holder.certificationId)).toEqual([
      'certification.registry_listed',
    ]);
    const found = await search('name=QUEN');
    expect(found.entries).toEqual([
      {
        name: 'Marisol Quenby',
        state: 'VT',
        number: holder.number,
        standing: 'valid',
        verifyUrl: `/api/v1/verifications/${holder.number}`,
      },
    ]);
    const publicPage = await get(t, '/registry?name=marisol');
    expect(publicPage.body).toContain(`<a href="/verify/${holder.number}">${holder.number}</a>`);
    expect(publicPage.body).toContain('<td>Vermont</td>');
    expect(publicPage.body).not.toContain(holder.session.email);

    const out = await api(t, 'PUT', '/api/v1/me/certification/registry', {
      session: holder.session,
      body: { listed: false },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ listed: false, visibleNow: false, shown: { number: holder.number } });
    expect((await search('name=quen')).total).toBe(0);
    expect(await auditActions(t, 'certification', holder.certificationId)).toEqual([
      'certification.registry_listed',
      'certification.registry_unlisted',
    ]);
  });

  it('asks anonymous visitors to sign in and refuses people without a certification', async () => {
    const anonymous = await get(t, '/certification/registry');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', '/api/v1/me/certification/registry')).statusCode).toBe(401);
    // A write without a session has no CSRF token either: refused before anything is looked at.
    const anonymousPut = await api(t, 'PUT', '/api/v1/me/certification/registry', { body: { listed: true } });
    expect(anonymousPut.statusCode).toBe(403);

    const holder = await certifiedHolder(t, { familyName: 'Thistlewood' });
    const other = await candidate(t);
    const page = await get(t, '/certification/registry', other);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You do not hold a certification yet');
    const post = await postForm(t, '/certification/registry', { listed: 'yes' }, other);
    expect(post.statusCode).toBe(409);
    const put = await api(t, 'PUT', '/api/v1/me/certification/registry', {
      session: other,
      body: { listed: true },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().detail).toContain('You do not hold a certification yet');
    expect(await listedIn(holder.certificationId)).toBe(false);
    expect((await search('name=thistle')).total).toBe(0);
  });

  it('searches by the start of a name and by state, a page at a time', async () => {
    for (let i = 0; i < 21; i++)
      await certifiedHolder(t, {
        givenName: `Person${String(i).padStart(2, '0')}`,
        familyName: 'Wolstenholme',
        region: i % 2 === 0 ? 'OR' : 'WA',
        inRegistry: true,
      });
    const first = await search('name=wolst');
    expect(first.total).toBe(21);
    expect(first.entries).toHaveLength(20);
    expect(first.entries[0].name).toBe('Person00 Wolstenholme');
    const second = await search('name=wolst&page=2');
    expect(second.entries.map((e: { name: string }) => e.name)).toEqual(['Person20 Wolstenholme']);
    const oregon = await search('name=Wolstenholme&state=OR');
    expect(oregon.total).toBe(11);
    expect(oregon.entries.every((e: { state: string }) => e.state === 'OR')).toBe(true);
    expect((await search('name=person1')).total).toBe(10);
    expect((await search('name=olst')).total).toBe(0);
    // A % typed in the box is a letter, not a wildcard.
    expect((await search('name=%25')).total).toBe(0);

    const page1 = await get(t, '/registry?name=wolst');
    expect(page1.body).toContain('21 people found');
    expect(page1.body).toContain('<a href="/registry?name=wolst&amp;page=2" rel="next">Next page</a>');
    const empty = await get(t, '/registry?name=nobody-by-this-name');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No one found');
    expect(empty.body).toContain('No listed holder matches your search.');

    const badState = await get(t, '/registry?state=XX');
    expect(badState.statusCode).toBe(400);
    expect(badState.body).toContain('Choose a state from the list');
    expect((await t.app.inject('/api/v1/registry?state=XX')).statusCode).toBe(400);
  });

  // Moves the clock, and puts it back.
  it('lists only holders in good standing: not suspended, revoked, expired or unlisted', async () => {
    const opts = { familyName: 'Yarborough', inRegistry: true, expiresOn: '2030-09-30' } as const;
    await certifiedHolder(t, { ...opts, givenName: 'Active' });
    await certifiedHolder(t, { ...opts, givenName: 'Provisional', status: 'provisional' });
    await certifiedHolder(t, { ...opts, givenName: 'Suspended', status: 'suspended' });
    await certifiedHolder(t, { ...opts, givenName: 'Revoked', status: 'revoked' });
    await certifiedHolder(t, { ...opts, givenName: 'Unlisted', inRegistry: false });
    const names = async () =>
      (await search('name=yarb')).entries.map(
        (e: { name: string; standing: string }) => `${e.name}: ${e.standing}`,
      );
    try {
      expect(await names()).toEqual(['Active Yarborough: valid', 'Provisional Yarborough: provisional']);
      t.clock.set('2030-10-01T12:00:00Z');
      expect(await names()).toEqual(['Active Yarborough: in_renewal_grace']);
      t.clock.set('2030-11-30T12:00:00Z');
      expect(await names()).toEqual(['Active Yarborough: in_renewal_grace']);
      t.clock.set('2030-12-01T12:00:00Z');
      expect(await names()).toEqual([]);
      expect((await get(t, '/registry?name=yarb')).body).toContain('No one found');
    } finally {
      t.clock.set(START);
    }
  });
});
