import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseApplications } from '../../src/modules/courses/schema.js';
import { ledgerEntries } from '../../src/modules/payments/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { completeCourse, courseFees, firstSet, mapEntry, startCourse } from '../support/course-factories.js';
import { mailTo } from '../support/factories.js';
import { joinedMember, providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('submitting a course application on %s', (backend) => {
  let t: TestApp;
  let admin: TestSession;
  let colleague: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const p = await providerAdmin(t);
    admin = p.session;
    colleague = await joinedMember(t, admin, p.providerId);
  });
  afterAll(() => t.close());

  it('refuses submission until every competency has an assessment, naming exactly those missing', async () => {
    const { competencyIds, topics } = await firstSet(t);
    const id = await startCourse(t, admin);
    const without = [competencyIds[1]!, competencyIds[competencyIds.length - 1]!];
    await completeCourse(t, admin, id, { withoutAssessment: without });
    const names = without.map((c) => `${c} ${topics[competencyIds.indexOf(c)]}`).join('; ');
    const expected = `This course application is not complete. Add content and an assessment for every competency. Missing: ${names}.`;

    const res = await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(expected);
    expect(res.json().errors).toEqual([
      { field: 'map', message: expected.replace('This course application is not complete. ', '') },
    ]);

    const page = await postForm(t, `/provider/courses/${id}/submit`, {}, admin);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain(`Missing: ${names}.`);
    const detail = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json();
    expect(detail.status).toBe('draft');
    expect(detail.number).toBeNull();
    expect(await courseFees(t, id)).toEqual([]);

    // Filling in the last assessments lets it through.
    for (const c of without)
      await api(t, 'PUT', `/api/v1/course-applications/${id}/map/${c}`, {
        session: admin,
        body: mapEntry(c),
      });
    const ok = await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('submitted');
  });

  it('lists every missing part of an empty draft', async () => {
    const id = await startCourse(t, admin);
    const res = await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'details',
      'map',
      'syllabus',
      'resume',
    ]);
  });

  it('gives one number and one fee to a double (and concurrent) submit', async () => {
    const id = await startCourse(t, admin);
    await completeCourse(t, admin, id);
    const [a, b] = await Promise.all([
      api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin }),
      api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: colleague }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().number).toMatch(/^CRS-2026-\d{6}$/);
    expect(b.json().number).toBe(a.json().number);
    expect([a.json().alreadySubmitted, b.json().alreadySubmitted].sort()).toEqual([false, true]);
    const again = await postForm(t, `/provider/courses/${id}/submit`, {}, admin);
    expect(again.statusCode).toBe(303);
    const fees = await courseFees(t, id);
    expect(fees).toHaveLength(1);
    expect(fees[0]).toMatchObject({ kind: 'course_approval', member: false });
    const charges = await t.services.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.feeId, fees[0]!.id));
    expect(charges.map((c) => [c.kind, c.amountCents])).toEqual([['charge', 10000]]);
    const mails = (await mailTo(t, colleague.email)).filter(
      (m) => m.template === 'course-application-received',
    );
    expect(mails.filter((m) => m.subject.includes(a.json().number))).toHaveLength(1);
  });

  it('numbers course applications in sequence and freezes them once submitted', async () => {
    const rows = await t.services.db
      .select()
      .from(courseApplications)
      .where(eq(courseApplications.status, 'submitted'));
    const numbers = rows.map((r) => r.number).sort();
    expect(numbers).toEqual(['CRS-2026-000001', 'CRS-2026-000002']);
    const id = rows[0]!.id;
    const change = await api(
      t,
      'PUT',
      `/api/v1/course-applications/${id}/map/${(await firstSet(t)).competencyIds[0]}`,
      {
        session: admin,
        body: mapEntry('x'),
      },
    );
    expect(change.statusCode).toBe(409);
    expect((await get(t, `/provider/courses/${id}/details`, admin)).statusCode).toBe(303);
  });

  it('takes the fee by sandbox card once: a declined card first, then a payment, then nothing more', async () => {
    const id = await startCourse(t, admin);
    await completeCourse(t, admin, id);
    expect(
      (await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin })).statusCode,
    ).toBe(409);
    await api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: admin });
    const start = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().amount.formatted).toBe('$100.00');
    const again = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin });
    expect(again.json().checkoutId).toBe(start.json().checkoutId);
    const { checkoutId } = start.json();
    const declined = await api(t, 'POST', `/api/v1/payments/sandbox/${checkoutId}`, {
      session: admin,
      body: { choice: 'decline' },
    });
    expect(declined.json()).toEqual({ outcome: 'failed', repeated: false });
    const retry = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin });
    const paid = await api(t, 'POST', `/api/v1/payments/sandbox/${retry.json().checkoutId}`, {
      session: admin,
      body: { choice: 'pay' },
    });
    expect(paid.json()).toEqual({ outcome: 'succeeded', repeated: false });
    const detail = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: colleague })).json();
    expect(detail.fee).toMatchObject({ settled: true, due: { amountCents: 0 } });
    const [fee] = await courseFees(t, id);
    const payments = await t.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.feeId, fee!.id), eq(ledgerEntries.kind, 'payment')));
    expect(payments.map((p) => [p.method, p.amountCents])).toEqual([['card', 10000]]);
    const done = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: admin });
    expect(done.statusCode).toBe(409);
    expect(done.json().detail).toBe('The course approval fee is already paid.');
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });
});
