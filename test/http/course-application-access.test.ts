import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import {
  completeCourse,
  courseDetails,
  firstSet,
  mapEntry,
  samplePdf,
  startCourse,
  uploadPage,
} from '../support/course-factories.js';
import { providerAdmin, registerVia } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('who may see and change a course application on %s', (backend) => {
  let t: TestApp;
  let a: TestSession;
  let b: TestSession;
  let bId: string;
  let fileId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    a = (await providerAdmin(t, { name: 'Alpha State Library' })).session;
    b = (await providerAdmin(t, { name: 'Beta College' })).session;
    bId = await startCourse(t, b);
    await completeCourse(t, b, bId);
    const detail = await api(t, 'GET', `/api/v1/course-applications/${bId}`, { session: b });
    fileId = detail.json().files[0].id;
  });
  afterAll(() => t.close());

  it("gives a member of provider A 'not found' for provider B's course application everywhere", async () => {
    const { competencyIds } = await firstSet(t);
    const base = `/provider/courses/${bId}`;
    for (const url of [
      base,
      `${base}/details`,
      `${base}/map/${competencyIds[0]}`,
      `${base}/files`,
      `${base}/check`,
      `${base}/files/${fileId}`,
    ])
      expect((await get(t, url, a)).statusCode, url).toBe(404);
    for (const url of [
      `${base}/details`,
      `${base}/map/${competencyIds[0]}`,
      `${base}/submit`,
      `${base}/checkout`,
      `${base}/files/${fileId}/remove`,
    ])
      expect((await postForm(t, url, courseDetails() as never, a)).statusCode, url).toBe(404);
    expect((await uploadPage(t, a, bId, 'resume', { name: 'x.pdf', bytes: samplePdf })).statusCode).toBe(404);
    const apiBase = `/api/v1/course-applications/${bId}`;
    expect((await api(t, 'GET', apiBase, { session: a })).statusCode).toBe(404);
    expect((await api(t, 'PUT', apiBase, { session: a, body: courseDetails() })).statusCode).toBe(404);
    expect(
      (await api(t, 'PUT', `${apiBase}/map/${competencyIds[0]}`, { session: a, body: mapEntry('x') }))
        .statusCode,
    ).toBe(404);
    expect((await api(t, 'POST', `${apiBase}/submit`, { session: a })).statusCode).toBe(404);
    expect((await api(t, 'DELETE', `${apiBase}/files/${fileId}`, { session: a })).statusCode).toBe(404);
    // The same answer as for an id that does not exist.
    expect(
      (
        await api(t, 'GET', '/api/v1/course-applications/0190b7a4-0000-7000-8000-000000000000', {
          session: a,
        })
      ).statusCode,
    ).toBe(404);
    expect((await api(t, 'GET', '/api/v1/course-applications/not-a-uuid', { session: a })).statusCode).toBe(
      404,
    );
    const list = (await api(t, 'GET', '/api/v1/course-applications', { session: a })).json();
    expect(list.items).toEqual([]);
    expect((await api(t, 'GET', `/api/v1/course-applications/${bId}`, { session: b })).json().title).toBe(
      'Foundations of Library Service',
    );
  });

  it('lets staff read it but not change it', async () => {
    const staff = (await staffMember(t)).session;
    expect((await get(t, `/provider/courses/${bId}`, staff)).statusCode).toBe(200);
    expect((await api(t, 'GET', `/api/v1/course-applications/${bId}`, { session: staff })).statusCode).toBe(
      200,
    );
    expect(
      (await api(t, 'PUT', `/api/v1/course-applications/${bId}`, { session: staff, body: courseDetails() }))
        .statusCode,
    ).toBe(404);
    const notVerified = (await staffMember(t, { mfaVerified: false })).session;
    expect(
      (await api(t, 'GET', `/api/v1/course-applications/${bId}`, { session: notVerified })).statusCode,
    ).toBe(401);
  });

  it('needs a provider to start, and a choice of provider for someone in two', async () => {
    const { setId } = await firstSet(t);
    const outsider = await signedInAs(t, ['candidate']);
    expect(
      (await api(t, 'POST', '/api/v1/course-applications', { session: outsider, body: { setId } }))
        .statusCode,
    ).toBe(403);
    expect((await get(t, '/provider/courses', outsider)).body).toContain('Register your organisation');
    expect((await get(t, '/provider/courses/new', outsider)).statusCode).toBe(303);
    expect((await api(t, 'GET', '/api/v1/course-applications')).statusCode).toBe(401);

    const second = await registerVia(t, a, { name: 'Alpha Consultants', type: 'individual_consultant' });
    const res = await api(t, 'POST', '/api/v1/course-applications', { session: a, body: { setId } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'providerId', message: 'Choose the organisation that offers the course' },
    ]);
    expect((await get(t, '/provider/courses/new', a)).body).toContain('Alpha Consultants');
    const theirs = await api(t, 'POST', '/api/v1/course-applications', {
      session: a,
      body: { setId, providerId: await providerOf(b) },
    });
    expect(theirs.json().errors).toEqual([
      { field: 'providerId', message: 'Choose one of your organisations' },
    ]);
    const ok = await api(t, 'POST', '/api/v1/course-applications', {
      session: a,
      body: { setId, providerId: second },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().providerId).toBe(second);
  });

  async function providerOf(s: TestSession): Promise<string> {
    return (await api(t, 'GET', '/api/v1/providers', { session: s })).json().items[0].id;
  }

  it('refuses API writes with the session cookie but no CSRF header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/course-applications/${bId}/submit`,
      headers: { cookie: b.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});
