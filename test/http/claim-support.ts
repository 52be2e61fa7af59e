import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { multipart, samplePdf } from '../support/course-factories.js';
import { approvedCourse } from '../support/evaluation-factories.js';
import { api, get, type TestSession } from '../support/sessions.js';
import {
  type ApplicationOptions,
  makeApplication,
  sessionOf,
  type staffMember,
  type UserRef,
} from '../support/staff-factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Shared set-up for the completion claim tests: staff, an approved course with its provider, and
 * candidates with applications in a chosen state, all made through the real flows.
 */

export type Staff = Awaited<ReturnType<typeof staffMember>>;
export type Course = Awaited<ReturnType<typeof approvedCourse>>;

/** An approved course with its catalog number (read from the application when the decision does not give it). */
export async function approvedCourseWithNumber(t: TestApp, staff: Staff): Promise<Course> {
  const course = await approvedCourse(t, staff.session);
  if (course.number) return course;
  const res = await api(t, 'GET', `/api/v1/course-applications/${course.id}`, {
    session: course.provider.session,
  });
  return { ...course, number: res.json().number as string };
}
export interface Candidate {
  user: UserRef;
  session: TestSession;
  applicationId: string;
  number: string;
}

/** A tiny real PNG header (recognised by content) and a Windows program. */
export const samplePng = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
  1, 8, 2, 0, 0, 0,
]);
export { sampleExe, samplePdf } from '../support/course-factories.js';

export async function candidateWith(
  t: TestApp,
  staff: Staff,
  status: ApplicationOptions['status'] = 'admitted',
): Promise<Candidate> {
  const made = await makeApplication(t, staff.ctx, { status });
  return {
    user: made.candidate,
    session: await sessionOf(t, made.candidate),
    applicationId: made.id,
    number: made.number,
  };
}

export interface ClaimFields {
  courseNumber?: string;
  completedOn?: string;
  note?: string;
}

type File = { name: string; bytes: Buffer } | undefined;
const defaultFile = () => ({ name: 'certificate.pdf', bytes: samplePdf });

/** Report a course through the page (multipart, with the CSRF field unless told otherwise). */
export function claimPage(
  t: TestApp,
  session: TestSession,
  fields: ClaimFields,
  file: File | null = defaultFile(),
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const all: Record<string, string> = opts.csrf === false ? {} : { _csrf: session.csrf };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) all[k] = v;
  const { payload, contentType } = multipart(all, file ?? undefined);
  return t.app.inject({
    method: 'POST',
    url: '/completions/claim',
    headers: { cookie: session.cookie, 'content-type': contentType },
    payload,
  });
}

/** Report a course through the API (CSRF header with the session cookie). */
export function claimApi(
  t: TestApp,
  session: TestSession | undefined,
  fields: ClaimFields,
  file: File | null = defaultFile(),
): Promise<LightMyRequestResponse> {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) all[k] = v;
  const { payload, contentType } = multipart(all, file ?? undefined);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/completion-claims',
    headers: {
      'content-type': contentType,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    payload,
  });
}

/** A claim made through the API that must succeed; returns its id. */
export async function claimed(t: TestApp, who: Candidate, course: Course, completedOn = '2026-11-20') {
  const res = await claimApi(t, who.session, { courseNumber: course.number, completedOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export function decide(
  t: TestApp,
  session: TestSession,
  id: string,
  decision: 'confirm' | 'reject',
  reason?: string,
) {
  return api(t, 'POST', `/api/v1/completion-claims/${id}/decision`, {
    session,
    body: reason === undefined ? { decision } : { decision, reason },
  });
}

export async function myCompletions(t: TestApp, session: TestSession) {
  const res = await api(t, 'GET', '/api/v1/completions', { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    canClaim: boolean;
    items: Array<{
      id: string;
      status: string;
      source: string;
      counts: boolean | null;
      notCountedReason: string | null;
      decisionNote: string | null;
      course: { number: string };
    }>;
    setsAchieved: Array<{ setId: string; title: string; achievedOn: string; reference: string | null }>;
  };
}

/** The dashboard's row for the course's set says it is achieved by a course. */
export async function dashboardSays(t: TestApp, session: TestSession): Promise<string> {
  const res = await get(t, '/dashboard', session);
  expect(res.statusCode).toBe(200);
  return res.body;
}
