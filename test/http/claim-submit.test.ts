import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, mailTo } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { submittedCourse } from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { follow } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { mailOf, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  approvedCourseWithNumber,
  type Candidate,
  type Course,
  candidateWith,
  claimApi,
  claimed,
  claimPage,
  decide,
  myCompletions,
  type Staff,
  sampleExe,
  samplePng,
} from './claim-support.js';

describe.each(testBackends())('reporting a completed course on %s', (backend) => {
  let t: TestApp;
  let staff: Staff;
  let course: Course;
  let robin: Candidate;
  beforeAll(async () => {
    // A small upload limit so "too large" needs only a few kilobytes.
    t = await createTestApp(backend, { LSSC_MAX_UPLOAD_BYTES: '4096' });
    staff = await staffMember(t);
    course = await approvedCourseWithNumber(t, staff);
    robin = await candidateWith(t, staff, 'admitted');
  });
  afterAll(() => t.close());

  it('shows the form with where to find the course number, and takes a report with a proof', async () => {
    const form = await get(t, '/completions/claim', robin.session);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Report a completed course</h1>');
    expect(form.body).toContain('href="/catalog"');
    expect(form.body).toContain('enctype="multipart/form-data"');

    const res = await claimPage(t, robin.session, {
      courseNumber: ` ${course.number.toLowerCase()} `,
      completedOn: '2026-11-20',
      note: 'I took it under my maiden name, Robin Smith.',
    });
    const page = await follow(t, res, robin.session);
    expect(page.body).toContain(`We asked the provider to confirm that you completed ${course.number}`);
    expect(page.body).toContain('Waiting for confirmation');
    expect(page.body).toContain('Reported by you');
    expect(page.body).toContain('certificate.pdf');

    const [claim] = (await myCompletions(t, robin.session)).items;
    expect(claim).toMatchObject({ source: 'claim', status: 'pending', counts: null });
    expect(await auditActions(t, 'course_completion', claim!.id)).toEqual(['completion_claim.submitted']);

    const toProvider = await mailOf(t, course.provider.session.email, 'completion-claim-received');
    expect(toProvider?.subject).toBe(`Please confirm a completion of ${course.number}`);
    expect(toProvider?.text).toContain(robin.number);
    expect(toProvider?.text).toContain('maiden name');
    expect(toProvider?.text).toContain(`/provider/claims/${claim!.id}`);
    const ack = await mailOf(t, robin.user.email, 'completion-claim-acknowledged');
    expect(ack?.subject).toBe(`We received your report of ${course.number}`);
  });

  it('takes a report through the API, with an image as proof', async () => {
    const res = await claimApi(
      t,
      robin.session,
      { courseNumber: course.number, completedOn: '2026-10-01' },
      { name: 'photo.png', bytes: samplePng },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      source: 'claim',
      completedOn: '2026-10-01',
      course: { number: course.number },
      proof: { mime: 'image/png', fileName: 'photo.png' },
      candidate: { applicationNumber: robin.number },
    });
    const proof = await get(t, res.json().proof.downloadUrl, robin.session);
    expect(proof.statusCode).toBe(200);
    expect(proof.headers['content-type']).toBe('image/png');
    expect(proof.headers['content-disposition']).toContain('attachment');
  });

  it('asks for every field, and refuses a future date and a malformed number', async () => {
    const empty = await claimPage(t, robin.session, {}, null);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Error: Report a completed course');
    expect(fieldError(empty.body, 'courseNumber')).toBe('Enter the course number');
    expect(fieldError(empty.body, 'completedOn')).toBe('Enter the date you completed the course');
    expect(fieldError(empty.body, 'file')).toContain('Choose the file that proves');

    const bad = await claimPage(t, robin.session, {
      courseNumber: 'course 12',
      completedOn: '2026-02-30',
      note: 'x'.repeat(2001),
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'courseNumber')).toContain('like CRS-2026-000123');
    expect(fieldError(bad.body, 'completedOn')).toBe('Enter a real date, like 2026-03-15');
    expect(fieldError(bad.body, 'note')).toContain('2,000 characters');
    // What was typed is shown again.
    expect(bad.body).toContain('value="course 12"');

    const future = await claimPage(t, robin.session, {
      courseNumber: course.number,
      completedOn: '2026-11-29',
    });
    expect(future.statusCode).toBe(400);
    expect(fieldError(future.body, 'completedOn')).toBe('The completion date cannot be in the future');
    const viaApi = await claimApi(t, robin.session, {
      courseNumber: course.number,
      completedOn: '2027-01-01',
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().errors).toContainEqual({
      field: 'completedOn',
      message: 'The completion date cannot be in the future',
    });
  });

  it('says when a course does not exist or was never approved', async () => {
    const unknown = await claimPage(t, robin.session, {
      courseNumber: 'CRS-2026-999999',
      completedOn: '2026-11-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldError(unknown.body, 'courseNumber')).toContain('We could not find course CRS-2026-999999');

    const pending = await submittedCourse(t);
    const number = (
      await api(t, 'GET', `/api/v1/course-applications/${pending.id}`, { session: pending.provider.session })
    ).json().number as string;
    const notApproved = await claimPage(t, robin.session, {
      courseNumber: number,
      completedOn: '2026-11-01',
    });
    expect(notApproved.statusCode).toBe(400);
    expect(fieldError(notApproved.body, 'courseNumber')).toBe(
      `${number} has not been approved, so completing it does not count toward certification. Only approved courses can be reported.`,
    );
  });

  it('judges the proof by its content: a program renamed .pdf, a text file and an oversized file are refused', async () => {
    const before = (await myCompletions(t, robin.session)).items.length;
    const exe = await claimPage(
      t,
      robin.session,
      { courseNumber: course.number, completedOn: '2026-09-01' },
      { name: 'certificate.pdf', bytes: sampleExe },
    );
    expect(exe.statusCode).toBe(400);
    expect(fieldError(exe.body, 'file')).toContain('Programs cannot be uploaded');
    const text = await claimApi(
      t,
      robin.session,
      { courseNumber: course.number, completedOn: '2026-09-01' },
      { name: 'certificate.pdf', bytes: Buffer.from('I promise I completed it.\n') },
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().errors[0]).toMatchObject({ field: 'file' });
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(8192, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const tooLarge = await claimPage(
      t,
      robin.session,
      { courseNumber: course.number, completedOn: '2026-09-01' },
      { name: 'big.pdf', bytes: big },
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(fieldError(tooLarge.body, 'file')).toBe('The file is larger than the limit of 4 KB.');
    expect((await myCompletions(t, robin.session)).items).toHaveLength(before);
  });

  it('refuses a second report of the same course and date while the first stands', async () => {
    const again = await claimPage(t, robin.session, {
      courseNumber: course.number,
      completedOn: '2026-11-20',
    });
    expect(again.statusCode).toBe(400);
    expect(fieldError(again.body, 'courseNumber')).toContain(
      `You already reported ${course.number} completed on 20 November 2026, and it is waiting to be confirmed.`,
    );
    const viaApi = await claimApi(t, robin.session, {
      courseNumber: course.number,
      completedOn: '2026-11-20',
    });
    expect(viaApi.statusCode).toBe(409);
  });

  it('lets the candidate withdraw a pending report, but not a decided one', async () => {
    const other = await candidateWith(t, staff, 'in_review');
    const first = await claimed(t, other, course, '2026-08-01');
    const second = await claimed(t, other, course, '2026-08-02');
    const noCsrf = await postForm(t, `/completions/claims/${first}/withdraw`, {}, other.session, {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    const page = await follow(
      t,
      await postForm(t, `/completions/claims/${first}/withdraw`, {}, other.session),
      other.session,
    );
    expect(page.body).toContain(`Your report of ${course.number} is withdrawn.`);
    expect(await auditActions(t, 'course_completion', first)).toEqual([
      'completion_claim.submitted',
      'completion_claim.withdrawn',
    ]);
    expect((await get(t, `/completion-claims/${first}/proof`, other.session)).statusCode).toBe(404);

    expect(
      (await decide(t, course.provider.session, second, 'reject', 'Not on our roster.')).statusCode,
    ).toBe(200);
    const late = await api(t, 'DELETE', `/api/v1/completion-claims/${second}`, { session: other.session });
    expect(late.statusCode).toBe(409);
    // Someone else cannot withdraw it, and a withdrawn claim is gone.
    const third = await claimed(t, other, course, '2026-08-03');
    expect(
      (await api(t, 'DELETE', `/api/v1/completion-claims/${third}`, { session: robin.session })).statusCode,
    ).toBe(404);
    expect(
      (await api(t, 'DELETE', `/api/v1/completion-claims/${third}`, { session: other.session })).statusCode,
    ).toBe(204);
    expect(
      (await api(t, 'DELETE', `/api/v1/completion-claims/${third}`, { session: other.session })).statusCode,
    ).toBe(404);
    // After withdrawing, the same course and date can be reported again.
    await claimed(t, other, course, '2026-08-01');
  });

  it('needs a submitted application, a signed-in candidate and the CSRF token', async () => {
    const newcomer = await signedInAs(t, ['candidate']);
    const form = await get(t, '/completions/claim', newcomer);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('once you have submitted your application');
    expect(form.body).not.toContain('name="courseNumber"');
    const refused = await claimApi(t, newcomer, { courseNumber: course.number, completedOn: '2026-11-01' });
    expect(refused.statusCode).toBe(409);

    const rejected = await candidateWith(t, staff, 'rejected');
    expect(
      (await claimApi(t, rejected.session, { courseNumber: course.number, completedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(409);

    const anonymousPage = await get(t, '/completions/claim');
    expect(anonymousPage.statusCode).toBe(302);
    expect(anonymousPage.headers.location).toContain('/sign-in');
    // Without a session there is no CSRF token either: refused before anything is read.
    expect(
      (await claimApi(t, undefined, { courseNumber: course.number, completedOn: '2026-11-01' })).statusCode,
    ).toBe(403);
    expect((await api(t, 'GET', '/api/v1/completions')).statusCode).toBe(401);
    expect(
      (
        await claimPage(
          t,
          robin.session,
          { courseNumber: course.number, completedOn: '2026-07-01' },
          undefined,
          { csrf: false },
        )
      ).statusCode,
    ).toBe(403);
    // Staff are not candidates.
    expect(
      (await claimApi(t, staff.session, { courseNumber: course.number, completedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await mailTo(t, newcomer.email)).filter((m) => m.template.startsWith('completion-claim')),
    ).toEqual([]);
  });

  it('takes a lapsed course only for a date within its approval', async () => {
    // Four years and a day later, the approval has ended.
    t.clock.set('2030-11-29T15:00:00Z');
    try {
      const session = await sessionOf(t, robin.user);
      const after = await claimPage(t, session, { courseNumber: course.number, completedOn: '2030-11-29' });
      expect(after.statusCode).toBe(400);
      expect(fieldError(after.body, 'completedOn')).toBe(
        `The approval of ${course.number} ended on 28 November 2030. Only completions on or before that day can be reported.`,
      );
      const within = await claimApi(t, session, { courseNumber: course.number, completedOn: '2030-11-28' });
      expect(within.statusCode, within.body).toBe(201);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });
});
