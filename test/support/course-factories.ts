import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { fees } from '../../src/modules/payments/schema.js';
import { findActiveFramework } from '../../src/modules/policy/repository.js';
import { api, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

/** A small but real PDF (with its end marker), a Word-less text file, and a Windows program. */
export const samplePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
export const sampleText = Buffer.from('Jane Doe\nInstructor, 12 years of teaching library staff.\n');
export const sampleExe = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

/** Valid course details (field names as the API uses them). */
export const courseDetails = (overrides: Record<string, unknown> = {}) => ({
  title: 'Foundations of Library Service',
  description: 'An introduction to the values and daily work of library support staff.',
  delivery: 'both',
  synchronous: true,
  length: '8 weeks',
  contactHours: 24,
  locations: 'Springfield, IL and online',
  costToStudentsCents: 25000,
  registrationUrl: 'https://prairie.example.org/courses/foundations',
  teachingMethods: 'Weekly lectures, discussion and a practicum.',
  assessmentStrategy: 'Graded assignments and a final project.',
  ...overrides,
});

export const mapEntry = (competencyId: string, withAssessment = true) => ({
  content: `Unit on ${competencyId}`,
  readings: 'Chapter 3',
  assignments: 'A short essay',
  assessment: withAssessment ? `Quiz on ${competencyId}` : '',
});

/** The first competency set of the active framework and its competency ids. */
export async function firstSet(
  t: TestApp,
): Promise<{ setId: string; competencyIds: string[]; topics: string[] }> {
  const fw = await findActiveFramework(t.services.db);
  const set = fw!.framework.framework.sets[0]!;
  return {
    setId: set.id,
    competencyIds: set.competencies.map((c) => c.id),
    topics: set.competencies.map((c) => c.topic),
  };
}

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

export async function startCourse(
  t: TestApp,
  session: TestSession,
  body: Record<string, unknown> = {},
): Promise<string> {
  const { setId } = await firstSet(t);
  const res = await ok(
    api(t, 'POST', '/api/v1/course-applications', { session, body: { setId, ...body } }),
    201,
  );
  return res.json().id as string;
}

/** A multipart/form-data body as a browser sends it: fields first, then the file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
): { payload: Buffer; contentType: string } {
  const boundary = `----lssc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Upload through the page (with the CSRF field unless told otherwise). */
export function uploadPage(
  t: TestApp,
  session: TestSession,
  id: string,
  kind: string,
  file: { name: string; bytes: Buffer } | undefined,
  opts: { csrf?: boolean } = {},
) {
  const fields: Record<string, string> = opts.csrf === false ? { kind } : { _csrf: session.csrf, kind };
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/provider/courses/${id}/files`,
    headers: { cookie: session.cookie, 'content-type': contentType },
    payload,
  });
}

/** Upload through the API (CSRF header with the session cookie). */
export function uploadApi(
  t: TestApp,
  session: TestSession,
  id: string,
  kind: string,
  file: { name: string; bytes: Buffer },
) {
  const { payload, contentType } = multipart({ kind }, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/course-applications/${id}/files`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload,
  });
}

/** A draft with every detail, the whole map (optionally leaving some assessments out) and both files. */
export async function completeCourse(
  t: TestApp,
  session: TestSession,
  id: string,
  opts: { withoutAssessment?: string[] } = {},
): Promise<void> {
  await ok(api(t, 'PUT', `/api/v1/course-applications/${id}`, { session, body: courseDetails() }));
  const { competencyIds } = await firstSet(t);
  for (const c of competencyIds) {
    const body = mapEntry(c, !opts.withoutAssessment?.includes(c));
    await ok(api(t, 'PUT', `/api/v1/course-applications/${id}/map/${c}`, { session, body }));
  }
  await ok(uploadApi(t, session, id, 'syllabus', { name: 'syllabus.pdf', bytes: samplePdf }), 201);
  await ok(uploadApi(t, session, id, 'resume', { name: 'jane-doe.txt', bytes: sampleText }), 201);
}

/** Fees and their ledger for a course application, read straight from the database. */
export async function courseFees(t: TestApp, id: string) {
  return t.services.db.select().from(fees).where(eq(fees.subjectId, id));
}
