import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { auditEvents } from '../../src/platform/audit/schema.js';
import { fieldError, hasErrorSummary, inputValue } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { candidate } from '../support/factories.js';
import { follow, providerAdmin, providerProfile, rolesOf } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { mailOf } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('registering a course provider on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('registers through the form: the registrant becomes administrator, gains the role and gets a mail', async () => {
    const person = await signedInAs(t, ['candidate']);
    expect(await rolesOf(t, person)).toEqual(['candidate']);
    const before = await get(t, '/provider', person);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('You do not belong to a course provider yet.');
    expect(before.body).toContain('href="/providers/register"');
    expect(before.body).not.toContain('My organisation</a>');

    const form = await get(t, '/providers/register', person);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Register your organisation</h1>');
    const res = await postForm(t, '/providers/register', providerProfile(), person);
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/provider\/[0-9a-f-]{36}$/);

    expect(await rolesOf(t, person)).toEqual(['candidate', 'provider_member']);
    const page = await follow(t, res, person);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Prairie Library Cooperative is registered. You are its administrator.');
    expect(page.body).toContain('<h1>Prairie Library Cooperative</h1>');
    expect(page.body).toContain('Regional library cooperative');
    expect(page.body).toContain('courses@prairie.example.org');
    expect(page.body).toContain('href="/provider">My organisation</a>');
    expect(page.body).toContain('Send the invitation');
    // With exactly one organisation, "my organisations" goes straight to it.
    expect((await get(t, '/provider', person)).headers.location).toBe(location);

    const mail = await mailOf(t, person.email, 'provider-registered');
    expect(mail?.subject).toBe('Prairie Library Cooperative is registered as a course provider');
    expect(mail?.text).toContain(location);

    const mine = (await api(t, 'GET', '/api/v1/providers', { session: person })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      name: 'Prairie Library Cooperative',
      yourRole: 'admin',
      region: 'IL',
    });
  });

  it('registers through the API (201) and lists several organisations', async () => {
    const { session, providerId } = await providerAdmin(t, { name: 'Lakes Library Association' });
    const second = await api(t, 'POST', '/api/v1/providers', {
      session,
      body: providerProfile({ name: 'Lakes Library Cooperative', website: '', phone: '', description: '' }),
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ website: null, phone: null, description: null });
    const list = await get(t, '/provider', session);
    expect(list.statusCode).toBe(200);
    expect(list.body.match(/href="\/provider\/[0-9a-f-]{36}"/g)).toHaveLength(2);
    const one = (await api(t, 'GET', `/api/v1/providers/${providerId}`, { session })).json();
    expect(one.members).toHaveLength(1);
    expect(one.members[0]).toMatchObject({ userId: session.userId, role: 'admin' });
    expect(one.yourRole).toBe('admin');
  });

  it('treats the same form sent twice as one registration; another person may use the same name', async () => {
    const session = await signedInAs(t, ['candidate']);
    const body = providerProfile({ name: 'Twice Clicked Library System' });
    const [one, two] = await Promise.all([
      api(t, 'POST', '/api/v1/providers', { session, body }),
      api(t, 'POST', '/api/v1/providers', { session, body }),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
    expect(two.json().id).toBe(one.json().id);
    const again = await postForm(t, '/providers/register', body, session);
    expect(again.headers.location).toBe(`/provider/${one.json().id}`);
    const mine = (await api(t, 'GET', '/api/v1/providers', { session })).json();
    expect(mine.items).toHaveLength(1);
    // Names may repeat across people (two branches, a renamed body): theirs is its own organisation.
    const other = await signedInAs(t, ['candidate']);
    const theirs = await api(t, 'POST', '/api/v1/providers', { session: other, body });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(one.json().id);
  });

  it('edits the profile through the form and the API', async () => {
    const { session, providerId } = await providerAdmin(t);
    const edit = await get(t, `/provider/${providerId}/edit`, session);
    expect(edit.statusCode).toBe(200);
    expect(inputValue(edit.body, 'city')).toBe('Springfield');
    const saved = await postForm(
      t,
      `/provider/${providerId}/edit`,
      providerProfile({ city: 'Peoria', type: 'community_college', description: '' }),
      session,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/provider/${providerId}`);
    const page = await follow(t, saved, session);
    expect(page.body).toContain('The profile is saved.');
    expect(page.body).toContain('Peoria');
    expect(page.body).toContain('Community college');

    const put = await api(t, 'PUT', `/api/v1/providers/${providerId}`, {
      session,
      body: providerProfile({ name: 'Prairie Learning', region: 'WI' }),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: 'Prairie Learning', region: 'WI', city: 'Springfield' });
  });

  it('asks for a confirmed email address before registering', async () => {
    const unverified = await candidate(t, { verified: false });
    const form = await get(t, '/providers/register', unverified);
    expect(form.body).toContain('Confirm your email address first');
    const res = await api(t, 'POST', '/api/v1/providers', { session: unverified, body: providerProfile() });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('Confirm your email address');
    expect(await rolesOf(t, unverified)).toEqual(['candidate']);
  });

  it('sends anonymous visitors to sign in, and refuses the API', async () => {
    const page = await get(t, '/providers/register');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?next=%2Fproviders%2Fregister');
    expect((await get(t, '/provider')).headers.location).toBe('/sign-in?next=%2Fprovider');
    expect((await api(t, 'GET', '/api/v1/providers')).statusCode).toBe(401);
    // Without a session there is no CSRF binding either: refused before anything else.
    expect((await api(t, 'POST', '/api/v1/providers', { body: providerProfile() })).statusCode).toBe(403);
  });

  it('refuses form posts and API writes without the CSRF token', async () => {
    const person = await signedInAs(t, ['candidate']);
    const form = await postForm(t, '/providers/register', providerProfile(), person, { csrf: false });
    expect(form.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/providers',
      headers: { cookie: person.cookie },
      payload: providerProfile(),
    });
    expect(res.statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/providers', { session: person })).json().items).toEqual([]);
  });

  it('shows every problem at its field and in the summary, keeping what was typed', async () => {
    const person = await signedInAs(t, ['candidate']);
    const res = await postForm(
      t,
      '/providers/register',
      {
        name: '  ',
        type: 'library',
        country: 'ZZ',
        region: '',
        city: 'x'.repeat(101),
        website: 'ftp://files.example.org',
        contactEmail: 'not-an-email',
        phone: 'call me',
        description: 'd'.repeat(2001),
      },
      person,
    );
    expect(res.statusCode).toBe(400);
    expect(hasErrorSummary(res.body)).toBe(true);
    expect(res.body).toContain('<title>Error: Register your organisation');
    expect(fieldError(res.body, 'name')).toBe('Enter the name of the organisation');
    expect(fieldError(res.body, 'type')).toBe('Choose the kind of organisation');
    expect(fieldError(res.body, 'country')).toBe('Choose the country');
    expect(fieldError(res.body, 'region')).toBe('Enter the state, province or region');
    expect(fieldError(res.body, 'city')).toBe('Use 100 characters or fewer');
    expect(fieldError(res.body, 'website')).toContain('starts with https:// or http://');
    expect(fieldError(res.body, 'contactEmail')).toContain('Enter a contact email address');
    expect(fieldError(res.body, 'phone')).toContain('Enter a phone number');
    expect(fieldError(res.body, 'description')).toBe('Use 2000 characters or fewer');
    expect(inputValue(res.body, 'website')).toBe('ftp://files.example.org');
    expect(inputValue(res.body, 'phone')).toBe('call me');
    expect(res.body).toContain('href="#f-contactEmail"');
    expect(await rolesOf(t, person)).toEqual(['candidate']);
  });

  it('re-shows the edit form with messages on bad input, changing nothing', async () => {
    const { session, providerId } = await providerAdmin(t);
    const res = await postForm(
      t,
      `/provider/${providerId}/edit`,
      providerProfile({ website: 'prairie.example.org', contactEmail: '' }),
      session,
    );
    expect(res.statusCode).toBe(400);
    expect(hasErrorSummary(res.body)).toBe(true);
    expect(fieldError(res.body, 'website')).toContain('starts with https://');
    expect(fieldError(res.body, 'contactEmail')).toContain('Enter a contact email address');
    expect(inputValue(res.body, 'website')).toBe('prairie.example.org');
    const stored = (await api(t, 'GET', `/api/v1/providers/${providerId}`, { session })).json();
    expect(stored.website).toBe('https://prairie.example.org');
  });

  it('answers bad API input with 400 naming each field', async () => {
    const { session, providerId } = await providerAdmin(t);
    const bad = {
      name: '',
      type: 'library',
      country: 'XX',
      region: '',
      city: '',
      website: 'javascript:alert(1)',
      contactEmail: 'nope',
      phone: 'x',
      description: 'd'.repeat(2001),
    };
    for (const [method, url] of [
      ['POST', '/api/v1/providers'],
      ['PUT', `/api/v1/providers/${providerId}`],
    ] as const) {
      const res = await api(t, method, url, { session, body: bad });
      expect(res.statusCode).toBe(400);
      const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(
        [
          'city',
          'contactEmail',
          'country',
          'description',
          'name',
          'phone',
          'region',
          'type',
          'website',
        ].sort(),
      );
    }
  });

  it('writes an audit event for every change, in an unbroken chain', async () => {
    const { session, providerId } = await providerAdmin(t, { name: 'Audited Association' });
    await api(t, 'PUT', `/api/v1/providers/${providerId}`, {
      session,
      body: providerProfile({ name: 'Audited Association', city: 'Peoria' }),
    });
    const events = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, providerId))
      .orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual(['provider.registered', 'provider.profile_updated']);
    expect(events[1]!.after).toEqual({ city: 'Peoria' });
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });
});
