import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { activatePolicy, staffMember } from '../support/staff-factories.js';
import {
  approvedChange,
  decideRequest,
  pendingRequest,
  REASON,
  requestChange,
  statusOf,
} from '../support/status-request-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';

describe.each(testBackends())('certification status requests: access and input on %s', (backend) => {
  let t: TestApp;
  let ana: TestSession;
  let ben: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ana = (await staffMember(t)).session;
    ben = (await staffMember(t)).session;
  });
  const axe = httpAxe();
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  const applicationOf = async (certificationId: string) =>
    (await t.services.db.query.certifications.findFirst({ where: (c, { eq }) => eq(c.id, certificationId) }))!
      .applicationId;
  const formPath = (applicationId: string) =>
    `/staff/applications/${applicationId}/certification/status-requests`;

  it('checks each field, on the page and in the API', async () => {
    const holder = await certifiedHolder(t);
    const path = formPath(await applicationOf(holder.certificationId));
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ action: 'suspend' }, 'reason', 'Give the reason.'],
      [{ action: 'suspend', reason: 'Too short' }, 'reason', 'at least 10 characters'],
      [{ action: 'suspend', reason: 'x'.repeat(2001) }, 'reason', 'under 2,000 characters'],
      [{ reason: REASON }, 'action', 'Choose whether to suspend, revoke or reinstate'],
      [{ action: 'delete', reason: REASON }, 'action', 'Choose whether to suspend, revoke or reinstate'],
    ];
    for (const [fields, field, message] of cases) {
      const page = await postForm(t, path, fields, ana);
      expect(page.statusCode, JSON.stringify(fields)).toBe(400);
      expect(page.body).toContain(message);
      expect(page.body).toContain(`href="#f-${field}"`);
      if (fields.reason) expect(page.body).toContain(fields.reason.slice(0, 50));
      const res = await requestChange(t, ana, holder.certificationId, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
    const list = await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: ana });
    expect(list.json().total).toBe(0);

    const body = { action: 'suspend', reason: REASON };
    expect((await requestChange(t, ana, NO_SUCH_ID, body)).statusCode).toBe(404);
    expect((await requestChange(t, ana, 'not-an-id', body)).statusCode).toBe(404);
    expect((await postForm(t, formPath(NO_SUCH_ID), body, ana)).statusCode).toBe(404);
    for (const decision of ['approve', 'withdraw'] as const) {
      expect((await decideRequest(t, ben, NO_SUCH_ID, decision)).statusCode).toBe(404);
      expect((await decideRequest(t, ben, 'nope', decision)).statusCode).toBe(404);
    }
    expect((await decideRequest(t, ben, NO_SUCH_ID, 'decline', { note: 'No.' })).statusCode).toBe(404);
    // A request is approved only from its own certification's page.
    const id = await pendingRequest(t, ana, holder.certificationId, 'suspend');
    const elsewhere = await certifiedHolder(t);
    const wrongPage = `${formPath(await applicationOf(elsewhere.certificationId))}/${id}/approve`;
    expect((await postForm(t, wrongPage, {}, ben)).statusCode).toBe(404);
    const decline = await postForm(t, `${path}/${id}/decline`, { note: '' }, ben);
    expect(decline.statusCode).toBe(400);
    expect(decline.body).toContain('Say why you decline the request.');
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
  });

  it('refuses everyone but staff who passed MFA, and writes without a CSRF token', async () => {
    const holder = await certifiedHolder(t);
    const applicationId = await applicationOf(holder.certificationId);
    const id = await pendingRequest(t, ana, holder.certificationId, 'suspend');
    const body = { action: 'revoke', reason: REASON };
    const approvePage = `${formPath(applicationId)}/${id}/approve`;

    // Anonymous: sign in for pages, 401 for reads; writes have no CSRF token at all.
    const anonymousList = await get(t, '/staff/certifications/approvals');
    expect(anonymousList.statusCode).toBe(302);
    expect(anonymousList.headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', '/api/v1/staff/certification-status-requests')).statusCode).toBe(401);
    expect((await requestChange(t, undefined, holder.certificationId, body)).statusCode).toBe(403);
    expect((await decideRequest(t, undefined, id, 'approve')).statusCode).toBe(403);

    const evaluator = await signedInAs(t, ['portfolio_evaluator']);
    for (const who of [holder.session, evaluator]) {
      expect((await get(t, '/staff/certifications/approvals', who)).statusCode).toBe(403);
      expect(
        (await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: who })).statusCode,
      ).toBe(403);
      expect((await requestChange(t, who, holder.certificationId, body)).statusCode).toBe(403);
      expect((await decideRequest(t, who, id, 'approve')).statusCode).toBe(403);
      expect((await decideRequest(t, who, id, 'withdraw')).statusCode).toBe(403);
      expect((await postForm(t, approvePage, {}, who)).statusCode).toBe(403);
    }
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    expect((await decideRequest(t, noMfa, id, 'approve')).statusCode).toBe(401);
    expect((await get(t, '/staff/certifications/approvals', noMfa)).statusCode).not.toBe(200);

    const noCsrfPage = await postForm(t, approvePage, {}, ben, { csrf: false });
    expect(noCsrfPage.statusCode).toBe(403);
    const noCsrfApi = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/certification-status-requests/${id}/approve`,
      headers: { cookie: ben.cookie },
    });
    expect(noCsrfApi.statusCode).toBe(403);
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
    expect((await get(t, `/verify/${holder.number}`)).body).not.toContain('suspended by the program');
  });

  it('lists pending requests oldest first, a page at a time', async () => {
    const before = (
      await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: ana })
    ).json();
    const made: string[] = [];
    for (let i = 0; i < 26 - before.total; i++) {
      const holder = await certifiedHolder(t, { familyName: `Queue${i}` });
      t.clock.advance(1000);
      made.push(await pendingRequest(t, i % 2 ? ana : ben, holder.certificationId, 'suspend'));
    }
    const first = (
      await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: ana })
    ).json();
    expect(first.total).toBe(26);
    expect(first.items).toHaveLength(25);
    const times = first.items.map((r: { requestedAt: string }) => r.requestedAt);
    expect([...times].sort()).toEqual(times);
    const second = await api(t, 'GET', '/api/v1/staff/certification-status-requests?page=2', {
      session: ana,
    });
    expect(second.json().items.map((r: { id: string }) => r.id)).toEqual([made.at(-1)]);
    const page = await get(t, '/staff/certifications/approvals', ana);
    expect(page.body).toContain('rel="next"');
    expect(page.body).toContain('You (another staff member must approve)');
    expect((await get(t, '/staff/certifications/approvals?page=2', ana)).body).toContain('Queue');
    expect((await get(t, '/staff/certifications/approvals?page=0', ana)).statusCode).toBe(400);

    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/staff/certifications/{id}/status-requests',
      '/api/v1/staff/certification-status-requests',
      '/api/v1/staff/certification-status-requests/{id}/approve',
      '/api/v1/staff/certification-status-requests/{id}/decline',
      '/api/v1/staff/certification-status-requests/{id}/withdraw',
    ])
      expect(doc.paths[path], path).toBeTruthy();
  });

  it('hides suspended and revoked holders from the registry, and lists them again when reinstated', async () => {
    const search = async () => (await t.app.inject('/api/v1/registry?name=Ravensworth')).json().total;
    const kept = await certifiedHolder(t, { familyName: 'Ravensworth', inRegistry: true });
    const gone = await certifiedHolder(t, { familyName: 'Ravensworth', inRegistry: true });
    expect(await search()).toBe(2);
    await approvedChange(t, [ana, ben], kept.certificationId, 'suspend');
    await approvedChange(t, [ben, ana], gone.certificationId, 'revoke');
    expect(await search()).toBe(0);
    expect((await get(t, '/registry?name=Ravensworth')).body).not.toContain(kept.number);
    await approvedChange(t, [ana, ben], kept.certificationId, 'reinstate');
    expect(await search()).toBe(1);
  });

  it('lists a holder in renewal grace by the policy they were admitted under, as verification does', async () => {
    // Expired a month ago: still in the two months' grace of the policy the holder was admitted under.
    const holder = await certifiedHolder(t, {
      familyName: 'Pinnegar',
      certifiedOn: '2022-10-28',
      expiresOn: '2026-10-28',
      inRegistry: true,
    });
    await activatePolicy(t, (p) => {
      p.renewal.graceMonths = 0;
    });
    const verified = (await t.app.inject(`/api/v1/verifications/${holder.number}`)).json();
    expect(verified.standing).toBe('in_renewal_grace');
    const found = (await t.app.inject('/api/v1/registry?name=Pinnegar')).json();
    expect(found.entries.map((e: { number: string; standing: string }) => [e.number, e.standing])).toEqual([
      [holder.number, 'in_renewal_grace'],
    ]);
  });

  // The pages in Chromium with axe (browser tier, once): each state of the section and the holder's pages.
  it.skipIf(!axeTier || backend !== 'pglite')(
    'every page and state passes axe',
    async () => {
      const holder = await certifiedHolder(t);
      const page = `/staff/applications/${await applicationOf(holder.certificationId)}/certification`;
      // The request form, then the pending request as its requester and as a second staff member.
      await axe.expectAccessible((await get(t, page, ana)).body, 'request form');
      const id = await pendingRequest(t, ana, holder.certificationId, 'suspend');
      const pages: Array<[string, TestSession]> = [
        [page, ana],
        [page, ben],
        ['/staff/certifications/approvals', ben],
      ];
      for (const [url, who] of pages) {
        const res = await get(t, url, who);
        expect(res.statusCode, url).toBe(200);
        await axe.expectAccessible(res.body, url);
      }
      const declined = await postForm(
        t,
        `${formPath(await applicationOf(holder.certificationId))}/${id}/decline`,
        { note: '' },
        ben,
      );
      expect(declined.statusCode).toBe(400);
      await axe.expectAccessible(declined.body, 'decline without a note');
      expect((await decideRequest(t, ben, id, 'approve')).statusCode).toBe(200);
      const own = await get(t, '/my-certification', holder.session);
      await axe.expectAccessible(own.body, 'suspended holder');
      const refused = await get(t, '/certification/certificate.pdf', holder.session);
      await axe.expectAccessible(refused.body, 'certificate refused');
      const other = await certifiedHolder(t);
      const bad = await postForm(
        t,
        formPath(await applicationOf(other.certificationId)),
        { action: 'suspend', reason: 'short' },
        ana,
      );
      expect(bad.statusCode).toBe(400);
      await axe.expectAccessible(bad.body, 'request with a short reason');
    },
    240_000,
  );
});
