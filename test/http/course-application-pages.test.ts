import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { fieldError } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import {
  courseDetails,
  firstSet,
  mapEntry,
  samplePdf,
  sampleText,
  uploadPage,
} from '../support/course-factories.js';
import { auditActions, mailTo } from '../support/factories.js';
import { follow, joinedMember, providerAdmin } from '../support/provider-factories.js';
import { get, postForm, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const formDetails = () => {
  const d = courseDetails();
  return {
    ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)])),
    synchronous: 'yes',
    cost: '250.00',
  };
};

describe.each(testBackends())('course application through the pages on %s', (backend) => {
  let t: TestApp;
  let admin: TestSession;
  let colleague: TestSession;
  let providerId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ({ session: admin, providerId } = await providerAdmin(t));
    colleague = await joinedMember(t, admin, providerId);
  });
  afterAll(() => t.close());

  it('goes from an empty list to a submitted, paid course application', async () => {
    const empty = await get(t, '/provider/courses', admin);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('no course applications yet');
    expect(empty.body).toContain('Start a course application');

    const { setId, competencyIds } = await firstSet(t);
    expect((await get(t, '/provider/courses/new', admin)).statusCode).toBe(200);
    const started = await postForm(t, '/provider/courses/new', { setId }, admin);
    const id = /\/provider\/courses\/([0-9a-f-]{36})$/.exec(started.headers.location as string)![1]!;
    const overview = await follow(t, started, admin);
    expect(overview.body).toContain(`0 of ${competencyIds.length} competencies with an assessment`);

    const details = await postForm(t, `/provider/courses/${id}/details`, formDetails(), admin);
    expect(details.headers.location).toBe(`/provider/courses/${id}/map/${competencyIds[0]}`);
    // Save and continue walks the competencies in order, then goes on to the files.
    for (const [i, c] of competencyIds.entries()) {
      const res = await postForm(t, `/provider/courses/${id}/map/${c}`, mapEntry(c), colleague);
      const next = competencyIds[i + 1];
      expect(res.headers.location).toBe(
        next ? `/provider/courses/${id}/map/${next}` : `/provider/courses/${id}/files`,
      );
    }
    const shown = await get(t, `/provider/courses/${id}/map/${competencyIds[0]}`, admin);
    expect(shown.body).toContain(`Quiz on ${competencyIds[0]}`);

    expect(
      (await uploadPage(t, admin, id, 'syllabus', { name: 'syllabus.pdf', bytes: samplePdf })).statusCode,
    ).toBe(303);
    expect((await uploadPage(t, admin, id, 'resume', { name: 'cv.txt', bytes: sampleText })).statusCode).toBe(
      303,
    );
    const files = await get(t, `/provider/courses/${id}/files`, admin);
    expect(files.body).toContain('enctype="multipart/form-data"');
    expect(files.body).toContain('syllabus.pdf');

    const check = await get(t, `/provider/courses/${id}/check`, admin);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Foundations of Library Service');
    expect(check.body).toContain('$250.00');
    const submitted = await postForm(t, `/provider/courses/${id}/submit`, {}, admin);
    const after = await follow(t, submitted, admin);
    expect(after.body).toMatch(/Course application CRS-2026-\d{6} submitted/);
    const number = /CRS-2026-\d{6}/.exec(after.body)![0];

    for (const who of [admin, colleague]) {
      const mail = (await mailTo(t, who.email)).find((m) => m.template === 'course-application-received');
      expect(mail?.subject).toBe(`We received course application ${number}`);
    }

    const pay = await postForm(t, `/provider/courses/${id}/checkout`, {}, admin);
    expect(pay.statusCode).toBe(303);
    const sandboxUrl = pay.headers.location as string;
    const sandbox = await get(t, sandboxUrl, admin);
    expect(sandbox.body).toContain('Course approval fee');
    const paid = await postForm(t, sandboxUrl, { choice: 'pay' }, admin);
    expect(paid.headers.location).toBe(`/provider/courses/${id}`);
    const done = await follow(t, paid, admin);
    expect(done.body).toContain('Payment received');
    expect(done.body).toContain('is paid');
    expect((await mailTo(t, admin.email)).some((m) => m.template === 'payment-received')).toBe(true);

    const list = await get(t, '/provider/courses', colleague);
    expect(list.body).toContain(number);
    expect(list.body).toContain('Submitted');
    expect(await auditActions(t, 'course_application', id)).toEqual(
      expect.arrayContaining([
        'course_application.started',
        'course_application.details_saved',
        'course_application.submitted',
      ]),
    );
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('shows every bad field at the field, keeping what was typed', async () => {
    const { setId } = await firstSet(t);
    const started = await postForm(t, '/provider/courses/new', { setId }, admin);
    const id = (started.headers.location as string).split('/').pop()!;
    const cases: Array<[string, string, string]> = [
      ['title', '', 'Enter the course title'],
      ['description', '', 'Enter a description of the course'],
      ['delivery', 'by pigeon', 'Choose how the course is delivered'],
      ['synchronous', 'maybe', 'Say whether students attend at the same time'],
      ['length', '', 'Enter how long the course runs'],
      ['contactHours', '0', 'Enter contact hours more than 0'],
      ['contactHours', 'lots', 'Enter the contact hours as a number'],
      ['locations', '', 'Enter where the course runs'],
      ['cost', '-5', 'Enter the cost to students in dollars'],
      ['registrationUrl', 'ftp://example.org/x', 'Enter a web address starting with https://'],
      ['registrationUrl', 'javascript:alert(1)', 'Enter a web address starting with https://'],
      ['teachingMethods', '', 'Describe the teaching methods'],
      ['assessmentStrategy', '', 'Describe the assessment strategy'],
    ];
    for (const [field, value, message] of cases) {
      const res = await postForm(
        t,
        `/provider/courses/${id}/details`,
        { ...formDetails(), [field]: value },
        admin,
      );
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(fieldError(res.body, field), `${field}=${value}`).toContain(message);
    }
    const kept = await postForm(t, `/provider/courses/${id}/details`, { ...formDetails(), title: '' }, admin);
    expect(kept.body).toContain('value="8 weeks"');

    const { competencyIds } = await firstSet(t);
    const noContent = await postForm(
      t,
      `/provider/courses/${id}/map/${competencyIds[0]}`,
      { content: ' ' },
      admin,
    );
    expect(noContent.statusCode).toBe(400);
    expect(fieldError(noContent.body, 'content')).toContain('Describe the content');
    expect((await postForm(t, `/provider/courses/${id}/map/NOPE`, mapEntry('x'), admin)).statusCode).toBe(
      404,
    );

    const noStart = await postForm(t, '/provider/courses/new', { setId: 'no-such-set' }, admin);
    expect(noStart.statusCode).toBe(400);
    expect(fieldError(noStart.body, 'setId')).toContain('Choose a competency set');
  });

  it('refuses a form post without the CSRF token', async () => {
    const { setId } = await firstSet(t);
    const res = await postForm(t, '/provider/courses/new', { setId }, admin, { csrf: false });
    expect(res.statusCode).toBe(403);
  });
});
