import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { auditActions, mailTo } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { mailOf, staffMember } from '../support/staff-factories.js';
import {
  approvedChange,
  decideRequest,
  pendingRequest,
  publicStanding,
  REASON,
  requestChange,
  statusOf,
} from '../support/status-request-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const pageOf = (applicationId: string) => `/staff/applications/${applicationId}/certification`;

describe.each(testBackends())('certification suspension and revocation on %s', (backend) => {
  let t: TestApp;
  let ana: TestSession;
  let ben: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ana = (await staffMember(t)).session;
    ben = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  const pendingListed = async (requestId: string) => {
    const list = (
      await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: ana })
    ).json();
    return (list.items as Array<{ id: string }>).some((r) => r.id === requestId);
  };
  const certOf = async (id: string) =>
    (await t.services.db.query.certifications.findFirst({ where: (c, { eq }) => eq(c.id, id) }))!;

  it('shows an empty approvals list, linked from the staff home page', async () => {
    expect((await get(t, '/staff', ana)).body).toContain('href="/staff/certifications/approvals"');
    const page = await get(t, '/staff/certifications/approvals', ana);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No requests are waiting for approval.');
    const list = await api(t, 'GET', '/api/v1/staff/certification-status-requests', { session: ana });
    expect(list.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('suspends through the pages once a second staff member approves; everyone is told', async () => {
    const holder = await certifiedHolder(t, { givenName: 'Odile', familyName: 'Brightwater' });
    const before = await statusOf(t, holder.certificationId);
    const { applicationId } = await certOf(holder.certificationId);
    const page = await get(t, pageOf(applicationId), ana);
    expect(page.body).toContain('<h2>Suspend or revoke</h2>');
    expect(page.body).not.toContain('value="reinstate"');

    const asked = await postForm(
      t,
      `${pageOf(applicationId)}/status-requests`,
      { action: 'suspend', reason: REASON },
      ana,
    );
    expect(asked.statusCode, asked.body).toBe(303);
    expect(asked.headers.location).toBe(pageOf(applicationId));
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
    expect((await publicStanding(t, holder.number)).standing).toBe('valid');

    // The requester is offered only a withdrawal; the second staff member approve and decline.
    const mine = await get(t, pageOf(applicationId), ana);
    expect(mine.body).toContain('You made this request, so another staff member must approve or decline it.');
    expect(mine.body).toContain('Withdraw the request');
    expect(mine.body).not.toMatch(/status-requests\/[^"]+\/approve/);
    const theirs = await get(t, pageOf(applicationId), ben);
    const approve = /action="([^"]+\/approve)"/.exec(theirs.body)?.[1];
    expect(approve).toBeTruthy();
    expect(theirs.body).toContain('Decline the request');
    expect(theirs.body).not.toContain('Withdraw the request');

    const listed = await get(t, '/staff/certifications/approvals', ben);
    expect(listed.body).toContain(`${holder.number}, Odile Brightwater`);
    expect(listed.body).toContain(REASON);

    const approved = await postForm(t, approve!, {}, ben);
    expect(approved.statusCode, approved.body).toBe(303);
    const after = await statusOf(t, holder.certificationId);
    expect(after.status).toBe('suspended');
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    const seen = await publicStanding(t, holder.number);
    expect(seen.standing).toBe('suspended');
    expect(seen.page).toContain('This certification is suspended by the program for now.');

    const mail = await mailOf(t, holder.session.email, 'certification-suspended');
    expect(mail?.subject).toBe(`Your certification ${holder.number} is suspended`);
    expect(mail?.text).toContain(`Reason: ${REASON}`);
    expect(mail?.text).toContain('within 10 calendar days (by 8 December 2026)');
    expect(mail?.text).toContain('within 30 days (by 28 December 2026)');
    expect(mail?.text).toContain('/contact');
    const told = await mailOf(t, ana.email, 'certification-status-request-approved');
    expect(told?.text).toContain(`approved your request to suspend certification ${holder.number}`);

    const id = /status-requests\/([^/]+)\/approve/.exec(approve!)![1]!;
    expect(await auditActions(t, 'certification_status_request', id)).toEqual([
      'certification_status_request.requested',
      'certification_status_request.approved',
    ]);
    expect(await auditActions(t, 'certification', holder.certificationId)).toEqual([
      'certification.suspended',
    ]);

    // The holder is told plainly on their page, and the certificate is refused (staff still get it).
    const own = await get(t, '/my-certification', holder.session);
    expect(own.body).toContain('Your certification is suspended');
    expect(own.body).toContain(REASON);
    expect(own.body).toContain('8 December 2026');
    expect(own.body).not.toContain('Congratulations');
    const pdfPage = await get(t, '/certification/certificate.pdf', holder.session);
    expect(pdfPage.statusCode).toBe(409);
    expect(pdfPage.headers['content-type']).toContain('text/html');
    expect(pdfPage.body).toContain('Your certification is suspended, so you cannot download its certificate');
    const pdfApi = await api(t, 'GET', '/api/v1/me/certification/certificate.pdf', {
      session: holder.session,
    });
    expect(pdfApi.statusCode).toBe(409);
    expect(pdfApi.json().code).toBe('INVALID_STATE');
    const staffPdf = await get(t, `/staff/certifications/${holder.certificationId}/certificate.pdf`, ben);
    expect(staffPdf.statusCode).toBe(200);
  });

  it('revokes through the API; revocation is final', async () => {
    const holder = await certifiedHolder(t);
    const id = await approvedChange(t, [ana, ben], holder.certificationId, 'revoke');
    expect((await statusOf(t, holder.certificationId)).status).toBe('revoked');
    expect((await publicStanding(t, holder.number)).standing).toBe('revoked');
    const mail = await mailOf(t, holder.session.email, 'certification-revoked');
    expect(mail?.text).toContain('A revocation is final unless an appeal succeeds.');
    expect(await pendingListed(id)).toBe(false);
    for (const action of ['reinstate', 'suspend', 'revoke']) {
      const again = await requestChange(t, ben, holder.certificationId, { action, reason: REASON });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('Revocation is final');
    }
    expect((await get(t, '/my-certification', holder.session)).body).toContain(
      'Your certification is revoked',
    );
    expect((await get(t, '/certification/certificate.pdf', holder.session)).statusCode).toBe(409);
  });

  it('reinstates a suspension back to the status it had, and only a suspended certification', async () => {
    const holder = await certifiedHolder(t, { status: 'provisional' });
    const early = await requestChange(t, ana, holder.certificationId, {
      action: 'reinstate',
      reason: REASON,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Only a suspended certification can be reinstated.');
    await approvedChange(t, [ana, ben], holder.certificationId, 'suspend');
    const revokeWhileSuspended = await requestChange(t, ana, holder.certificationId, {
      action: 'revoke',
      reason: REASON,
    });
    expect(revokeWhileSuspended.statusCode).toBe(409);
    const id = await pendingRequest(
      t,
      ben,
      holder.certificationId,
      'reinstate',
      'The employer withdrew the complaint.',
    );
    const res = await decideRequest(t, ana, id, 'approve');
    expect(res.json()).toMatchObject({
      state: 'approved',
      statusBefore: 'suspended',
      statusAfter: 'provisional',
    });
    expect((await statusOf(t, holder.certificationId)).status).toBe('provisional');
    expect((await publicStanding(t, holder.number)).standing).toBe('provisional');
    const mail = await mailOf(t, holder.session.email, 'certification-reinstated');
    expect(mail?.text).toContain('It is in good standing again.');

    const plain = await certifiedHolder(t);
    await approvedChange(t, [ben, ana], plain.certificationId, 'suspend');
    await approvedChange(t, [ana, ben], plain.certificationId, 'reinstate');
    expect((await statusOf(t, plain.certificationId)).status).toBe('active');
    expect((await get(t, '/certification/certificate.pdf', plain.session)).statusCode).toBe(200);
  });

  it('declines with a note, and lets the requester withdraw; nothing changes', async () => {
    const holder = await certifiedHolder(t);
    const id = await pendingRequest(t, ana, holder.certificationId, 'suspend');
    const noNote = await decideRequest(t, ben, id, 'decline', { note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors).toEqual([{ field: 'note', message: 'Say why you decline the request.' }]);
    expect((await decideRequest(t, ana, id, 'decline', { note: 'Mine.' })).statusCode).toBe(403);
    const declined = await decideRequest(t, ben, id, 'decline', { note: 'The complaint is not confirmed.' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      state: 'declined',
      decisionNote: 'The complaint is not confirmed.',
    });
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
    const told = await mailOf(t, ana.email, 'certification-status-request-declined');
    expect(told?.text).toContain('Their note: The complaint is not confirmed.');
    expect((await mailTo(t, holder.session.email)).map((m) => m.template)).not.toContain(
      'certification-suspended',
    );

    const second = await pendingRequest(t, ana, holder.certificationId, 'revoke');
    expect((await decideRequest(t, ben, second, 'withdraw')).statusCode).toBe(403);
    const withdrawn = await decideRequest(t, ana, second, 'withdraw');
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect((await decideRequest(t, ben, second, 'approve')).statusCode).toBe(409);
    expect((await statusOf(t, holder.certificationId)).status).toBe('active');
    expect(await auditActions(t, 'certification_status_request', second)).toEqual([
      'certification_status_request.requested',
      'certification_status_request.withdrawn',
    ]);
    const history = await get(t, pageOf((await certOf(holder.certificationId)).applicationId), ben);
    expect(history.body).toContain('Declined by Pat Staff: The complaint is not confirmed.');
    expect(history.body).toContain('Withdrawn');
  });

  it('refuses self-approval, a second pending request and a second approval', async () => {
    const holder = await certifiedHolder(t);
    const id = await pendingRequest(t, ana, holder.certificationId, 'suspend');
    const self = await decideRequest(t, ana, id, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('You made this request, so another staff member must approve it.');
    const { applicationId } = await certOf(holder.certificationId);
    const selfPage = await postForm(t, `${pageOf(applicationId)}/status-requests/${id}/approve`, {}, ana);
    expect(selfPage.statusCode).toBe(403);
    expect(selfPage.body).toContain('another staff member must approve it');

    const twice = await requestChange(t, ben, holder.certificationId, { action: 'revoke', reason: REASON });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('There is already a request to suspend this certification');
    const twicePage = await postForm(
      t,
      `${pageOf(applicationId)}/status-requests`,
      { action: 'revoke', reason: REASON },
      ben,
    );
    expect(twicePage.statusCode).toBe(409);

    expect((await decideRequest(t, ben, id, 'approve')).statusCode).toBe(200);
    const again = await decideRequest(t, ben, id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This request was already approved: the change has taken effect.');
    expect((await decideRequest(t, ben, id, 'decline', { note: 'Late.' })).statusCode).toBe(409);
    const mails = (await mailTo(t, holder.session.email)).filter(
      (m) => m.template === 'certification-suspended',
    );
    expect(mails).toHaveLength(1);
  });

  it('lets exactly one of two staff members approving at the same moment succeed', async () => {
    const carla = (await staffMember(t)).session;
    const holder = await certifiedHolder(t);
    const id = await pendingRequest(t, ana, holder.certificationId, 'revoke');
    const both = await Promise.all([
      decideRequest(t, ben, id, 'approve'),
      decideRequest(t, carla, id, 'approve'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await statusOf(t, holder.certificationId)).status).toBe('revoked');
    expect(await auditActions(t, 'certification', holder.certificationId)).toEqual(['certification.revoked']);
    const mails = (await mailTo(t, holder.session.email)).filter(
      (m) => m.template === 'certification-revoked',
    );
    expect(mails).toHaveLength(1);

    // Two requests for one certification at the same moment: one is made, the other refused.
    const other = await certifiedHolder(t);
    const asks = await Promise.all([
      requestChange(t, ana, other.certificationId, { action: 'suspend', reason: REASON }),
      requestChange(t, ben, other.certificationId, { action: 'revoke', reason: REASON }),
    ]);
    expect(asks.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
