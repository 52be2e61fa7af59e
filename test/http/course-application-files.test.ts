import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import {
  sampleExe,
  samplePdf,
  sampleText,
  startCourse,
  uploadApi,
  uploadPage,
} from '../support/course-factories.js';
import { auditActions } from '../support/factories.js';
import { providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('course application files on %s', (backend) => {
  let t: TestApp;
  let admin: TestSession;
  let other: TestSession;
  let id: string;
  beforeAll(async () => {
    // A small upload limit so "too large" needs only a few kilobytes.
    t = await createTestApp(backend, { LSSC_MAX_UPLOAD_BYTES: '2048' });
    admin = (await providerAdmin(t)).session;
    other = (await providerAdmin(t, { name: 'Other Cooperative' })).session;
    id = await startCourse(t, admin);
  });
  afterAll(() => t.close());

  const files = async () =>
    (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: admin })).json().files as Array<{
      id: string;
      kind: string;
      fileName: string;
      mime: string;
      size: number;
    }>;

  it('accepts a real PDF and a text résumé, and lets members and staff download them', async () => {
    const res = await uploadPage(t, admin, id, 'syllabus', { name: 'Syllabus 2026.PDF', bytes: samplePdf });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const api201 = await uploadApi(t, admin, id, 'resume', { name: 'jane.txt', bytes: sampleText });
    expect(api201.statusCode, api201.body).toBe(201);
    const [pdf, txt] = await files();
    expect(pdf).toMatchObject({
      kind: 'syllabus',
      fileName: 'Syllabus 2026.PDF',
      mime: 'application/pdf',
      size: samplePdf.length,
    });
    expect(txt).toMatchObject({ kind: 'resume', mime: 'text/plain' });

    const download = await get(t, `/provider/courses/${id}/files/${pdf!.id}`, admin);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
    const staff = (await staffMember(t)).session;
    expect((await get(t, `/provider/courses/${id}/files/${pdf!.id}`, staff)).statusCode).toBe(200);
    // Another provider's member, a candidate and a visitor do not learn the file exists.
    const candidate = await signedInAs(t, ['candidate']);
    for (const s of [other, candidate])
      expect((await get(t, `/provider/courses/${id}/files/${pdf!.id}`, s)).statusCode).toBe(404);
    expect((await get(t, `/provider/courses/${id}/files/${pdf!.id}`)).statusCode).not.toBe(200);
    expect(await auditActions(t, 'course_application', id)).toContain('course_application.file_uploaded');
  });

  it('refuses a program renamed .pdf, judged by its content', async () => {
    const before = (await files()).length;
    const res = await uploadPage(t, admin, id, 'syllabus', { name: 'syllabus.pdf', bytes: sampleExe });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, 'file')).toContain('Programs cannot be uploaded');
    const viaApi = await uploadApi(t, admin, id, 'resume', { name: 'cv.pdf', bytes: sampleExe });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().errors[0].field).toBe('file');
    expect(await files()).toHaveLength(before);
  });

  it('refuses a file over the upload limit and keeps nothing', async () => {
    const before = (await files()).length;
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(4096, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const res = await uploadPage(t, admin, id, 'syllabus', { name: 'big.pdf', bytes: big });
    expect(res.statusCode).toBe(413);
    expect(fieldError(res.body, 'file')).toBe('The file is larger than the limit of 2 KB.');
    const viaApi = await uploadApi(t, admin, id, 'syllabus', { name: 'big.pdf', bytes: big });
    expect(viaApi.statusCode).toBe(413);
    expect(await files()).toHaveLength(before);
  });

  it('asks for the kind and the file', async () => {
    const noKind = await uploadPage(t, admin, id, '', { name: 'a.pdf', bytes: samplePdf });
    expect(noKind.statusCode).toBe(400);
    expect(fieldError(noKind.body, 'kind')).toContain('Choose whether this is the syllabus');
    const noFile = await uploadPage(t, admin, id, 'resume', undefined);
    expect(noFile.statusCode).toBe(400);
    expect(fieldError(noFile.body, 'file')).toBe('Choose a file to upload.');
    const empty = await uploadPage(t, admin, id, 'resume', { name: 'empty.txt', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
  });

  it('refuses uploads and removals without the CSRF token, and from non-members', async () => {
    expect(
      (await uploadPage(t, admin, id, 'resume', { name: 'cv.txt', bytes: sampleText }, { csrf: false }))
        .statusCode,
    ).toBe(403);
    expect((await uploadPage(t, other, id, 'resume', { name: 'cv.txt', bytes: sampleText })).statusCode).toBe(
      404,
    );
    const [first] = await files();
    expect(
      (await postForm(t, `/provider/courses/${id}/files/${first!.id}/remove`, {}, admin, { csrf: false }))
        .statusCode,
    ).toBe(403);
    expect(
      (await postForm(t, `/provider/courses/${id}/files/${first!.id}/remove`, {}, other)).statusCode,
    ).toBe(404);
    expect(await files()).toContainEqual(expect.objectContaining({ id: first!.id }));
  });

  it('removes a file from a draft, by page and by API', async () => {
    const [first, second] = await files();
    const res = await postForm(t, `/provider/courses/${id}/files/${first!.id}/remove`, {}, admin);
    expect(res.statusCode).toBe(303);
    expect((await get(t, `/provider/courses/${id}/files/${first!.id}`, admin)).statusCode).toBe(404);
    const del = await api(t, 'DELETE', `/api/v1/course-applications/${id}/files/${second!.id}`, {
      session: admin,
    });
    expect(del.statusCode).toBe(204);
    expect(await files()).toEqual([]);
    expect(await auditActions(t, 'course_application', id)).toContain('course_application.file_removed');
  });
});
