import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { formatCsv } from '../../src/modules/completions/rules/roster-csv.js';
import { courseCompletions, rosterImports } from '../../src/modules/completions/schema.js';
import { multipart } from './course-factories.js';
import { approvedCourse } from './evaluation-factories.js';
import { api, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

/**
 * approvedCourse, with the catalog number read from the application (the decision answer does not
 * carry it at the moment).
 */
export async function courseForRosters(
  t: TestApp,
  staff: TestSession,
  opts: { provider?: { session: TestSession; providerId: string } } = {},
) {
  const course = await approvedCourse(t, staff, opts);
  const res = await api(t, 'GET', `/api/v1/course-applications/${course.id}`, {
    session: course.provider.session,
  });
  const number = (course.number as string | undefined) ?? (res.json().number as string);
  if (!number) throw new Error(`approved course without a number: ${res.body.slice(0, 300)}`);
  return { ...course, number };
}

export const HEADER = ['candidate', 'name', 'course', 'completed_on', 'passed'];

/** A roster file: the header, then the rows (each candidate, name, course, completed_on, passed). */
export const rosterCsv = (rows: string[][], header: string[] = HEADER) =>
  Buffer.from(formatCsv([header, ...rows]));

/** Upload a roster through the page, as a browser does (multipart, with the CSRF field unless told otherwise). */
export function uploadRosterPage(
  t: TestApp,
  session: TestSession,
  providerId: string | undefined,
  file: { name: string; bytes: Buffer } | undefined,
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const fields: Record<string, string> = {};
  if (opts.csrf !== false) fields._csrf = session.csrf;
  if (providerId !== undefined) fields.providerId = providerId;
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: '/provider/rosters/new',
    headers: { cookie: session.cookie, 'content-type': contentType },
    payload,
  });
}

/** Upload and return the new roster's id (from the redirect to its preview). */
export async function uploadedRoster(
  t: TestApp,
  session: TestSession,
  providerId: string,
  rows: string[][],
): Promise<string> {
  const res = await uploadRosterPage(t, session, providerId, { name: 'roster.csv', bytes: rosterCsv(rows) });
  const id = /^\/provider\/rosters\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1];
  if (res.statusCode !== 303 || !id)
    throw new Error(`upload failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return id;
}

export async function completionsOf(t: TestApp, candidateId: string) {
  return t.services.db.select().from(courseCompletions).where(eq(courseCompletions.candidateId, candidateId));
}

export async function rosterRow(t: TestApp, id: string) {
  const [row] = await t.services.db.select().from(rosterImports).where(eq(rosterImports.id, id));
  return row!;
}

/** The text of a page without tags, for reading messages. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
