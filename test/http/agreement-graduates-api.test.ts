import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateApplication, signedAgreement } from '../support/agreement-factories.js';
import { testBackends } from '../support/backends.js';
import { multipart, samplePdf } from '../support/course-factories.js';
import { api, signedInAs, type TestSession } from '../support/sessions.js';
import { sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('graduation through an agreement as JSON on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let agreementId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const member = await staffMember(t);
    staff = member.session;
    agreementId = (await signedAgreement(member.ctx, { effectiveFrom: '2024-05-01' })).agreementId;
  });
  afterAll(() => t.close());

  it('a candidate states their graduation with a proof, and reads it back with the choices', async () => {
    const s = await signedInAs(t, ['candidate']);
    const empty = (await api(t, 'GET', '/api/v1/application/graduation', { session: s })).json();
    expect(empty).toMatchObject({ claim: null, canChange: true });
    expect(empty.choices.map((c: { id: string }) => c.id)).toContain(agreementId);
    const { payload, contentType } = multipart(
      { agreementId, graduatedOn: '2026-05-15' },
      { name: 'diploma.pdf', bytes: samplePdf },
    );
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/application/graduation',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType },
      payload,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      agreementId,
      graduatedOn: '2026-05-15',
      status: 'pending',
      proofFileName: 'diploma.pdf',
      rejectionReason: null,
    });
    const bad = multipart(
      { agreementId, graduatedOn: '2020-01-01' },
      { name: 'diploma.pdf', bytes: samplePdf },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/application/graduation',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': bad.contentType },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'graduatedOn' });
  });

  it('staff verify or reject through the API; others are refused', async () => {
    const app = await graduateApplication(t, agreementId, { hours: 1820 });
    const own = await sessionOf(t, app.candidate);
    expect(
      (await api(t, 'POST', `/api/v1/staff/applications/${app.id}/graduation/verify`, { session: own }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await api(t, 'POST', `/api/v1/staff/applications/${app.id}/graduation/reject`, {
          session: staff,
          body: { reason: '' },
        })
      ).statusCode,
    ).toBe(400);
    const verified = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/graduation/verify`, {
      session: staff,
    });
    expect(verified.json()).toMatchObject({
      claim: { status: 'verified' },
      setsRecorded: [],
      certified: false,
    });
    const admitted = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/admit`, { session: staff });
    expect(admitted.statusCode).toBe(200);
    const mine = (await api(t, 'GET', '/api/v1/application/graduation', { session: own })).json();
    expect(mine).toMatchObject({ claim: { status: 'verified' }, canChange: false });
    const again = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/graduation/reject`, {
      session: staff,
      body: { reason: 'Late' },
    });
    expect(again.statusCode).toBe(409);
  });
});
