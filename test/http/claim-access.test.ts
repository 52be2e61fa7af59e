import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  approvedCourseWithNumber,
  type Candidate,
  type Course,
  candidateWith,
  claimed,
  decide,
  type Staff,
  samplePdf,
} from './claim-support.js';

describe.each(testBackends())('who may see and decide completion claims on %s', (backend) => {
  let t: TestApp;
  let staff: Staff;
  let course: Course;
  let robin: Candidate;
  let kim: Candidate;
  let otherProvider: { session: TestSession; providerId: string };
  let id: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
    course = await approvedCourseWithNumber(t, staff);
    otherProvider = await providerAdmin(t, { name: 'Other Library Cooperative' });
    robin = await candidateWith(t, staff, 'admitted');
    kim = await candidateWith(t, staff, 'admitted');
    id = await claimed(t, robin, course);
  });
  afterAll(() => t.close());

  it('lets the candidate, the provider’s members and staff download the proof, and nobody else', async () => {
    for (const s of [robin.session, course.provider.session, staff.session]) {
      const res = await get(t, `/completion-claims/${id}/proof`, s);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('attachment; filename="certificate.pdf"');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(samplePdf)).toBe(true);
    }
    const viaApi = await api(t, 'GET', `/api/v1/completion-claims/${id}/proof`, { session: robin.session });
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.rawPayload.equals(samplePdf)).toBe(true);
    for (const s of [kim.session, otherProvider.session]) {
      expect((await get(t, `/completion-claims/${id}/proof`, s)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/completion-claims/${id}/proof`, { session: s })).statusCode).toBe(
        404,
      );
    }
    const anonymous = await get(t, `/completion-claims/${id}/proof`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', `/api/v1/completion-claims/${id}/proof`)).statusCode).toBe(401);
    expect((await get(t, '/completion-claims/not-an-id/proof', robin.session)).statusCode).toBe(404);
  });

  it('shows the claim only to those who may see it', async () => {
    expect(
      (await api(t, 'GET', `/api/v1/completion-claims/${id}`, { session: robin.session })).statusCode,
    ).toBe(200);
    expect(
      (await api(t, 'GET', `/api/v1/completion-claims/${id}`, { session: kim.session })).statusCode,
    ).toBe(404);
    expect((await get(t, `/provider/claims/${id}`, course.provider.session)).statusCode).toBe(200);
    for (const s of [otherProvider.session, kim.session, robin.session, staff.session])
      expect((await get(t, `/provider/claims/${id}`, s)).statusCode).toBe(404);
    expect((await get(t, `/staff/completion-claims/${id}`, staff.session)).statusCode).toBe(200);
    expect((await get(t, `/staff/completion-claims/${id}`, kim.session)).statusCode).toBe(404);
    expect((await get(t, `/staff/completion-claims/${id}`, course.provider.session)).statusCode).toBe(403);
  });

  it('lists a provider’s claims only for its members, and all claims only for staff', async () => {
    const own = await api(t, 'GET', `/api/v1/providers/${course.provider.providerId}/completion-claims`, {
      session: course.provider.session,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id, candidate: { applicationNumber: robin.number } }],
    });
    const other = await api(t, 'GET', `/api/v1/providers/${course.provider.providerId}/completion-claims`, {
      session: otherProvider.session,
    });
    expect(other.statusCode).toBe(404);
    expect((await get(t, '/provider/claims', otherProvider.session)).body).toContain(
      'No claims are waiting for you.',
    );
    const nobody = await signedInAs(t, ['candidate']);
    expect((await get(t, '/provider/claims', nobody)).body).toContain('Only members of a course provider');

    const all = await api(t, 'GET', '/api/v1/staff/completion-claims', { session: staff.session });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((c: { id: string }) => c.id)).toContain(id);
    expect(
      (await api(t, 'GET', '/api/v1/staff/completion-claims', { session: kim.session })).statusCode,
    ).toBe(403);
    expect((await get(t, '/staff/completion-claims', course.provider.session)).statusCode).toBe(403);
    const notVerified = await staffMember(t, { mfaVerified: false });
    const mfa = await get(t, '/staff/completion-claims', notVerified.session);
    expect(mfa.statusCode).toBe(302);
    expect(mfa.headers.location).toContain('/sign-in/mfa');
    const anonymous = await get(t, '/provider/claims');
    expect(anonymous.statusCode).toBe(302);
    expect((await api(t, 'GET', '/api/v1/staff/completion-claims')).statusCode).toBe(401);
  });

  it('refuses decisions from anyone but the provider’s members and staff, and without the CSRF token', async () => {
    expect((await decide(t, otherProvider.session, id, 'confirm')).statusCode).toBe(404);
    expect((await decide(t, kim.session, id, 'confirm')).statusCode).toBe(404);
    expect((await decide(t, robin.session, id, 'confirm')).statusCode).toBe(403);
    expect((await decide(t, course.provider.session, 'nonsense', 'confirm')).statusCode).toBe(404);
    const otherPage = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'confirm' },
      otherProvider.session,
    );
    expect(otherPage.statusCode).toBe(404);
    const staffViaProviderPage = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'confirm' },
      staff.session,
    );
    expect(staffViaProviderPage.statusCode).toBe(404);
    const noCsrf = await postForm(
      t,
      `/provider/claims/${id}/decision`,
      { decision: 'confirm' },
      course.provider.session,
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const badBody = await api(t, 'POST', `/api/v1/completion-claims/${id}/decision`, {
      session: course.provider.session,
      body: { decision: 'maybe' },
    });
    expect(badBody.statusCode).toBe(400);
    // Still pending after all of that.
    const still = await api(t, 'GET', `/api/v1/completion-claims/${id}`, { session: robin.session });
    expect(still.json().status).toBe('pending');
  });
});
