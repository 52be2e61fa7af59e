import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { courseDetails, firstSet, mapEntry, samplePdf, sampleText, uploadApi } from './course-factories.js';
import { assign, courseEvaluator, decide, evaluate, payCourse } from './evaluation-factories.js';
import { providerAdmin } from './provider-factories.js';
import { api, sessionFor, type TestSession } from './sessions.js';
import type { TestApp } from './test-app.js';

type Provider = { session: TestSession; providerId: string };

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

export const partBody = (n: number, overrides: Record<string, unknown> = {}) => ({
  title: `Library technology ${n}`,
  description: `Part ${n} of the technology bundle.`,
  contactHours: 12,
  ...overrides,
});

export async function startBundle(t: TestApp, session: TestSession): Promise<string> {
  const { setId } = await firstSet(t);
  const res = await ok(
    api(t, 'POST', '/api/v1/course-applications', { session, body: { setId, kind: 'bundle' } }),
    201,
  );
  return res.json().id as string;
}

export async function addPart(t: TestApp, session: TestSession, id: string, n: number): Promise<string> {
  const res = await ok(
    api(t, 'POST', `/api/v1/course-applications/${id}/parts`, { session, body: partBody(n) }),
    201,
  );
  return res.json().id as string;
}

/** A complete bundle draft: details, two courses, the first competency to course 2 and the rest to course 1, files. */
export async function completeBundle(t: TestApp, session: TestSession, id: string) {
  await ok(
    api(t, 'PUT', `/api/v1/course-applications/${id}`, {
      session,
      body: courseDetails({ title: 'Technology bundle' }),
    }),
  );
  const parts = [await addPart(t, session, id, 1), await addPart(t, session, id, 2)];
  const { competencyIds } = await firstSet(t);
  for (const [i, c] of competencyIds.entries()) {
    const body = { ...mapEntry(c), partId: i === 0 ? parts[1] : parts[0] };
    await ok(api(t, 'PUT', `/api/v1/course-applications/${id}/map/${c}`, { session, body }));
  }
  await uploadFiles(t, session, id);
  return parts;
}

export async function uploadFiles(t: TestApp, session: TestSession, id: string) {
  await ok(uploadApi(t, session, id, 'syllabus', { name: 'syllabus.pdf', bytes: samplePdf }), 201);
  await ok(uploadApi(t, session, id, 'resume', { name: 'jane-doe.txt', bytes: sampleText }), 201);
}

/** Submit, pay, two evaluations, then the staff decision to approve; returns the decision. */
export async function submitAndApprove(t: TestApp, staff: TestSession, provider: TestSession, id: string) {
  await ok(api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: provider }));
  await payCourse(t, provider, id);
  const a = await courseEvaluator(t, 'Ann Evaluator');
  const b = await courseEvaluator(t, 'Ben Evaluator');
  await ok(assign(t, staff, id, [a.user, b.user]));
  await ok(evaluate(t, a.session, id));
  await ok(evaluate(t, b.session, id));
  return (await ok(decide(t, staff, id, 'approve'))).json();
}

/** An approved bundle of two courses, through the real HTTP flow. */
export async function approvedBundle(t: TestApp, staff: TestSession, opts: { provider?: Provider } = {}) {
  const provider = opts.provider ?? (await providerAdmin(t));
  const id = await startBundle(t, provider.session);
  const parts = await completeBundle(t, provider.session, id);
  await submitAndApprove(t, staff, provider.session, id);
  const detail = (
    await ok(api(t, 'GET', `/api/v1/course-applications/${id}`, { session: provider.session }))
  ).json();
  return { id, provider, parts, number: detail.number as string };
}

/** A new session for the same person once the clock has moved on (sessions expire). */
export const freshSession = (t: TestApp, s: TestSession) => sessionFor(t, s.userId, s.email);
