import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import {
  courseDetails,
  firstSet,
  mapEntry,
  samplePdf,
  sampleText,
  startCourse,
  uploadApi,
} from '../support/course-factories.js';
import { mailTo } from '../support/factories.js';
import { providerAdmin } from '../support/provider-factories.js';
import { api, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('course application through the API on %s', (backend) => {
  let t: TestApp;
  let admin: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = (await providerAdmin(t)).session;
  });
  afterAll(() => t.close());

  it('runs from start to a paid fee', async () => {
    const { setId, competencyIds } = await firstSet(t);
    const started = await api(t, 'POST', '/api/v1/course-applications', { session: admin, body: { setId } });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;
    expect(started.json()).toMatchObject({ status: 'draft', setId, number: null, fee: null });
    expect(started.json().competencyMap.map((c: { competencyId: string }) => c.competencyId)).toEqual(
      competencyIds,
    );

    const saved = await api(t, 'PUT', `/api/v1/course-applications/${id}`, {
      session: admin,
      body: courseDetails(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      contactHours: 24,
      costToStudentsCents: 25000,
      synchronous: true,
      delivery: 'both',
    });
    for (const [i, c] of competencyIds.entries()) {
      const res = await api(t, 'PUT', `/api/v1/course-applications/${id}/map/${c}`, {
        session: admin,
        body: mapEntry(c),
      });
      expect(res.json()).toEqual({ competencyId: c, nextCompetencyId: competencyIds[i + 1] ?? null });
    }
    expect((await uploadApi(t, admin, id, 'syllabus', { name: 's.pdf', bytes: samplePdf })).statusCode).toBe(
      201,
    );
    expect((await uploadApi(t, admin, id, 'resume', { name: 'r.txt', bytes: sampleText })).statusCode).toBe(
      201,
    );
    const detail = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json();
    expect(detail.missing).toEqual([]);

    const submitted = await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      alreadySubmitted: false,
      fee: { settled: false, due: { amountCents: 10000 } },
    });
    const number = submitted.json().number;
    expect((await mailTo(t, admin.email)).map((m) => m.subject)).toContain(
      `We received course application ${number}`,
    );

    const checkout = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin });
    expect(checkout.json().url).toBe(`/pay/sandbox/${checkout.json().checkoutId}`);
    const paid = await api(t, 'POST', `/api/v1/payments/sandbox/${checkout.json().checkoutId}`, {
      session: admin,
      body: { choice: 'pay' },
    });
    expect(paid.json()).toEqual({ outcome: 'succeeded', repeated: false });
    const repeat = await api(t, 'POST', `/api/v1/payments/sandbox/${checkout.json().checkoutId}`, {
      session: admin,
      body: { choice: 'pay' },
    });
    expect(repeat.json()).toEqual({ outcome: 'succeeded', repeated: true });
    const list = (await api(t, 'GET', '/api/v1/course-applications', { session: admin })).json();
    expect(list.items).toEqual([expect.objectContaining({ id, number, status: 'submitted' })]);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('answers bad input for every field with a 400 naming it', async () => {
    const id = await startCourse(t, admin);
    const cases: Array<[string, unknown]> = [
      ['title', ''],
      ['description', '   '],
      ['delivery', 'by pigeon'],
      ['synchronous', 'sometimes'],
      ['length', ''],
      ['contactHours', 0],
      ['contactHours', -3],
      ['contactHours', 1.234],
      ['locations', ''],
      ['costToStudentsCents', -1],
      ['costToStudentsCents', 12.5],
      ['registrationUrl', 'not a link'],
      ['registrationUrl', 'mailto:a@example.org'],
      ['teachingMethods', ''],
      ['assessmentStrategy', 'x'.repeat(4001)],
    ];
    for (const [field, value] of cases) {
      const res = await api(t, 'PUT', `/api/v1/course-applications/${id}`, {
        session: admin,
        body: courseDetails({ [field]: value }),
      });
      expect(res.statusCode, `${field}=${String(value)}`).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        `${field}=${String(value)}`,
      ).toEqual([field]);
    }
    const { competencyIds } = await firstSet(t);
    const noContent = await api(t, 'PUT', `/api/v1/course-applications/${id}/map/${competencyIds[0]}`, {
      session: admin,
      body: { content: '' },
    });
    expect(noContent.json().errors).toEqual([
      { field: 'content', message: 'Describe the content that covers this competency' },
    ]);
    const unknown = await api(t, 'PUT', `/api/v1/course-applications/${id}/map/no-such`, {
      session: admin,
      body: mapEntry('x'),
    });
    expect(unknown.statusCode).toBe(404);
    const badSet = await api(t, 'POST', '/api/v1/course-applications', {
      session: admin,
      body: { setId: 'nope' },
    });
    expect(badSet.json().errors).toEqual([
      { field: 'setId', message: 'Choose a competency set from the list' },
    ]);
  });

  it('documents every operation with a summary and the courses tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { tags: string[]; summary: string }>>,
    )
      .filter(([path]) => path.startsWith('/api/v1/course-applications'))
      .flatMap(([, methods]) => Object.values(methods));
    // Start, list, read, details, map, files (2), submit, checkout; bundle parts (3) and renewal.
    expect(ops.length).toBe(13);
    for (const op of ops) {
      expect(op.tags).toEqual(['courses']);
      expect(op.summary).toBeTruthy();
    }
  });
});
