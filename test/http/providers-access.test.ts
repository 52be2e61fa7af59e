import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  invite,
  joinedMember,
  providerAdmin,
  providerProfile,
  registerVia,
} from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface StaffList {
  items: Array<{ id: string; name: string; type: string; region: string; members: number }>;
  total: number;
  totalExact: boolean;
  page: number;
}

describe.each(testBackends())('who may see and change a provider on %s', (backend) => {
  let t: TestApp;
  let a: { session: TestSession; providerId: string };
  let b: { session: TestSession; providerId: string };
  let staff: TestSession;
  const list = async (qs: string) =>
    (await api(t, 'GET', `/api/v1/staff/providers${qs}`, { session: staff })).json() as StaffList;

  beforeAll(async () => {
    t = await createTestApp(backend);
    a = await providerAdmin(t, { name: 'Alpha State Library', type: 'state_library', region: 'OH' });
    b = await providerAdmin(t, { name: 'Beta Community College', type: 'community_college', region: 'WI' });
    await joinedMember(t, b.session, b.providerId);
    await invite(t, b.session, b.providerId, 'pending@example.org');
    // 25 more, so the staff list has a second page.
    for (let i = 1; i <= 25; i++) {
      await registerVia(t, a.session, {
        name: `Gamma Consultant ${String(i).padStart(2, '0')}`,
        type: 'individual_consultant',
        region: 'IL',
      });
    }
    staff = (await staffMember(t)).session;
  }, 120_000);
  afterAll(() => t.close());

  it("gives a member of provider A 'not found' for provider B's pages and API, changing nothing", async () => {
    const s = a.session;
    const id = b.providerId;
    for (const url of [`/provider/${id}`, `/provider/${id}/edit`])
      expect((await get(t, url, s)).statusCode).toBe(404);
    for (const url of [
      `/provider/${id}/edit`,
      `/provider/${id}/invitations`,
      `/provider/${id}/leave`,
      `/provider/${id}/members/${b.session.userId}/remove`,
    ]) {
      const res = await postForm(
        t,
        url,
        { ...providerProfile({ name: 'Hijacked' }), email: 'me@example.org' },
        s,
      );
      expect(res.statusCode, url).toBe(404);
    }
    const calls: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/providers/${id}`],
      ['PUT', `/api/v1/providers/${id}`, providerProfile({ name: 'Hijacked' })],
      ['GET', `/api/v1/providers/${id}/members`],
      ['POST', `/api/v1/providers/${id}/invitations`, { email: 'me@example.org' }],
      ['DELETE', `/api/v1/providers/${id}/members/${b.session.userId}`],
    ];
    const pending = (await api(t, 'GET', `/api/v1/providers/${id}`, { session: b.session })).json()
      .invitations;
    calls.push(['DELETE', `/api/v1/providers/${id}/invitations/${pending[0].id}`]);
    for (const [method, url, body] of calls) {
      const res = await api(t, method as 'GET', url, { session: s, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().detail).toBe('That organisation was not found.');
    }
    // The same answer as for an organisation that does not exist at all.
    expect(
      (await api(t, 'GET', '/api/v1/providers/01900000-0000-7000-8000-000000000000', { session: s })).json()
        .detail,
    ).toBe('That organisation was not found.');
    expect((await api(t, 'GET', '/api/v1/providers/not-an-id', { session: s })).statusCode).toBe(404);
    const after = (await api(t, 'GET', `/api/v1/providers/${id}`, { session: b.session })).json();
    expect(after.name).toBe('Beta Community College');
    expect(after.members).toHaveLength(2);
    expect(after.invitations).toHaveLength(1);
  });

  it('gives candidates 404 and anonymous visitors a sign-in, and keeps staff pages for staff', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    expect((await get(t, `/provider/${a.providerId}`, candidate)).statusCode).toBe(404);
    expect(
      (await api(t, 'GET', `/api/v1/providers/${a.providerId}`, { session: candidate })).statusCode,
    ).toBe(404);
    expect((await api(t, 'GET', `/api/v1/providers/${a.providerId}`)).statusCode).toBe(401);
    expect((await get(t, `/provider/${a.providerId}`)).headers.location).toBe(
      `/sign-in?next=${encodeURIComponent(`/provider/${a.providerId}`)}`,
    );
    for (const s of [candidate, a.session]) {
      expect((await get(t, '/staff/providers', s)).statusCode).toBe(403);
      expect((await get(t, `/staff/providers/${a.providerId}`, s)).statusCode).toBe(403);
      expect((await api(t, 'GET', '/api/v1/staff/providers', { session: s })).statusCode).toBe(403);
    }
    expect((await api(t, 'GET', '/api/v1/staff/providers')).statusCode).toBe(401);
  });

  it('lets staff read any provider with its members, but not change it', async () => {
    const page = await get(t, `/staff/providers/${b.providerId}`, staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Beta Community College</h1>');
    expect(page.body).toContain(b.session.email);
    expect(page.body).not.toContain('<form method="post" action="/provider');
    const json = (await api(t, 'GET', `/api/v1/providers/${b.providerId}`, { session: staff })).json();
    expect(json.yourRole).toBeNull();
    expect(json.members).toHaveLength(2);
    // The members' page sends staff to their read-only page.
    expect((await get(t, `/provider/${b.providerId}`, staff)).headers.location).toBe(
      `/staff/providers/${b.providerId}`,
    );
    const put = await api(t, 'PUT', `/api/v1/providers/${b.providerId}`, {
      session: staff,
      body: providerProfile(),
    });
    expect(put.statusCode).toBe(404);
  });

  it('lists every provider by name for staff, 25 to a page, with filters and an empty state', async () => {
    const first = await get(t, '/staff/providers', staff);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('27 providers');
    expect(first.body.match(/<tr><th scope="row"><a href="\/staff\/providers\//g)).toHaveLength(25);
    expect(first.body).toContain('href="/staff/providers?page=2"');
    const second = await list('?page=2');
    expect(second.items.map((i) => i.name)).toEqual(['Gamma Consultant 24', 'Gamma Consultant 25']);
    const all = await list('?pageSize=100');
    expect(all.items.slice(0, 3).map((i) => i.name)).toEqual([
      'Alpha State Library',
      'Beta Community College',
      'Gamma Consultant 01',
    ]);
    expect(all.items[1]).toMatchObject({ type: 'community_college', region: 'WI', members: 2 });

    expect((await list('?q=beta')).items.map((i) => i.name)).toEqual(['Beta Community College']);
    expect((await list('?q=GAMMA%20CONSULTANT%201')).total).toBe(10);
    expect((await list('?type=state_library')).items.map((i) => i.name)).toEqual(['Alpha State Library']);
    expect((await list('?region=IL&type=individual_consultant')).total).toBe(25);
    expect((await list('?q=100%25')).total).toBe(0);
    const filtered = await get(t, '/staff/providers?type=community_college&region=WI', staff);
    expect(filtered.body).toContain('1 provider<');
    expect(filtered.body).toMatch(/value="community_college" selected/);

    const empty = await get(t, '/staff/providers?q=Nobody', staff);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No providers match these filters.');
    expect(empty.body).toContain('value="Nobody"');
  });

  it('explains bad filters at the field', async () => {
    const page = await get(t, '/staff/providers?type=library', staff);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Choose a kind of organisation from the list');
    const res = await api(t, 'GET', '/api/v1/staff/providers?type=library&page=0', { session: staff });
    expect(res.statusCode).toBe(400);
    expect((res.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'page',
      'type',
    ]);
  });

  it('keeps the audit chain whole after every membership change', async () => {
    const check = await verifyAuditChain(t.services.db);
    expect(check.ok).toBe(true);
    expect(check.events).toBeGreaterThan(30);
  });
});
