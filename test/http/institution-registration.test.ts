import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { testBackends } from '../support/backends.js';
import { auditActions, candidate, mailTo } from '../support/factories.js';
import { institutionWithContact, ok } from '../support/institution-factories.js';
import { api, get, postForm, signedInAs, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const goodForm = {
  name: 'Shelbyville Library System',
  kind: 'library_system',
  region: 'Illinois',
  billingAddress: '2 Oak Road\nShelbyville',
};

describe.each(testBackends())('institution registration and contacts on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('a signed-in person registers an institution through the form and becomes its contact', async () => {
    const person = await signedInAs(t, ['candidate']);
    expect((await get(t, '/institutions/register', person)).statusCode).toBe(200);
    const res = await postForm(t, '/institutions/register', goodForm, person);
    expect(res.statusCode).toBe(303);
    const id = res.headers.location!.split('/').pop()!;
    const [row] = await t.services.db
      .select({ roles: users.roles })
      .from(users)
      .where(eq(users.id, person.userId));
    expect(row!.roles).toContain('institution_contact');
    const page = await get(t, `/institution/${id}`, person);
    expect(page.body).toContain('Shelbyville Library System');
    expect(page.body).toContain('Send a purchase order');
    expect(await auditActions(t, 'institution', id)).toEqual(['institution.registered']);
    expect((await mailTo(t, person.email)).some((m) => m.template === 'institution-registered')).toBe(true);
    // The same form sent twice gives back the first institution.
    const again = await postForm(t, '/institutions/register', goodForm, person);
    expect(again.headers.location).toBe(`/institution/${id}`);
    expect((await get(t, '/institution', person)).headers.location).toBe(`/institution/${id}`);
  });

  it('refuses bad registration input field by field, unconfirmed addresses and posts without CSRF', async () => {
    const person = await signedInAs(t, ['candidate']);
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: '' }, 'name'],
      [{ kind: 'bookshop' }, 'kind'],
      [{ region: ' ' }, 'region'],
      [{ billingAddress: '' }, 'billingAddress'],
      [{ name: 'x'.repeat(201) }, 'name'],
    ];
    for (const [patch, field] of cases) {
      const res = await postForm(t, '/institutions/register', { ...goodForm, ...patch }, person);
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(`id="f-${field}-error"`);
    }
    expect((await postForm(t, '/institutions/register', goodForm, person, { csrf: false })).statusCode).toBe(
      403,
    );
    const unverified = await candidate(t, { verified: false });
    const res = await api(t, 'POST', '/api/v1/institutions', { session: unverified, body: goodForm });
    expect(res.statusCode).toBe(403);
    // Anonymous writes are refused before anything else (no session, no CSRF token).
    expect((await api(t, 'POST', '/api/v1/institutions', { body: goodForm })).statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/institutions')).statusCode).toBe(401);
  });

  it('a contact invites a colleague, who accepts with the invited address only', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Invite Library');
    const email = uniqueEmail('colleague');
    const sent = await postForm(t, `/institution/${institutionId}/contacts/invite`, { email }, contact);
    expect(sent.statusCode).toBe(303);
    const bad = await postForm(
      t,
      `/institution/${institutionId}/contacts/invite`,
      { email: 'nope' },
      contact,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address like name@example.org');
    const dup = await postForm(
      t,
      `/institution/${institutionId}/contacts/invite`,
      { email: contact.email },
      contact,
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('already a contact');
    const mail = (await mailTo(t, email)).find((m) => m.template === 'institution-contact-invitation');
    const token = /accept\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect((await get(t, `/institution-contacts/accept?token=${token}`)).statusCode).toBe(200);

    const stranger = await signedInAs(t, ['candidate']);
    expect((await postForm(t, '/institution-contacts/accept', { token }, stranger)).statusCode).toBe(403);
    expect((await get(t, `/institution/${institutionId}`, stranger)).statusCode).toBe(404);
    expect(
      (await postForm(t, `/institution/${institutionId}/contacts/invite`, { email: uniqueEmail() }, stranger))
        .statusCode,
    ).toBe(404);

    const colleague = await signedInAs(t, ['candidate'], { email });
    const accepted = await postForm(t, '/institution-contacts/accept', { token }, colleague);
    expect(accepted.statusCode).toBe(303);
    expect((await postForm(t, '/institution-contacts/accept', { token }, colleague)).statusCode).toBe(400);
    const detail = await ok(api(t, 'GET', `/api/v1/institutions/${institutionId}`, { session: colleague }));
    expect(detail.contacts.map((c: { email: string }) => c.email)).toContain(email);
    const mine = await ok(api(t, 'GET', '/api/v1/institutions', { session: colleague }));
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([institutionId]);
  });

  it('staff list institutions; candidates and visitors may not', async () => {
    await institutionWithContact(t, 'Listed Library');
    const staff = await signedInAs(t, ['staff']);
    const page = await get(t, '/staff/institutions', staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Listed Library');
    const listed = await ok(api(t, 'GET', '/api/v1/staff/institutions', { session: staff }));
    expect(listed.items.some((i: { name: string }) => i.name === 'Listed Library')).toBe(true);
    const cand = await signedInAs(t, ['candidate']);
    expect((await api(t, 'GET', '/api/v1/staff/institutions', { session: cand })).statusCode).toBe(403);
    expect((await get(t, '/staff/institutions')).statusCode).toBe(302);
    const docs = await t.app.inject('/api/openapi.json');
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/institutions/{id}/purchase-orders',
        '/api/v1/institutions/invoices/{id}/payments',
      ]),
    );
    const paths = docs.json().paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    for (const [path, ops] of Object.entries(paths).filter(([p]) => p.includes('institutions'))) {
      for (const op of Object.values(ops)) {
        expect(op.tags, path).toEqual(['institutions']);
        expect(op.summary, path).toBeTruthy();
      }
    }
  });
});
