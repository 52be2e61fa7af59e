import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { courseRubric } from '../../src/modules/courses/rules/rubric.js';
import { completeCourse, startCourse } from './course-factories.js';
import { providerAdmin } from './provider-factories.js';
import { api, type TestSession } from './sessions.js';
import { insertTestUser, sessionOf, type UserRef } from './staff-factories.js';
import type { TestApp } from './test-app.js';

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

/** A course evaluator (MFA passed) with a browser session. */
export async function courseEvaluator(t: TestApp, name = 'Eve Evaluator') {
  const user = await insertTestUser(t, ['course_evaluator'], name);
  return { user, session: await sessionOf(t, user) };
}

/** A provider with a submitted course application; paid by card unless told otherwise. */
export async function submittedCourse(
  t: TestApp,
  opts: { paid?: boolean; provider?: { session: TestSession; providerId: string } } = {},
) {
  const provider = opts.provider ?? (await providerAdmin(t));
  const id = await startCourse(t, provider.session);
  await completeCourse(t, provider.session, id);
  await ok(api(t, 'POST', `/api/v1/course-applications/${id}/submit`, { session: provider.session }));
  if (opts.paid !== false) await payCourse(t, provider.session, id);
  return { id, provider };
}

export async function payCourse(t: TestApp, session: TestSession, id: string) {
  const start = await ok(api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session }));
  await ok(
    api(t, 'POST', `/api/v1/payments/sandbox/${start.json().checkoutId}`, {
      session,
      body: { choice: 'pay' },
    }),
  );
}

/** A complete evaluation body: every criterion scored. */
export const evaluationBody = (overrides: Record<string, unknown> = {}, score = 3) => ({
  scores: Object.fromEntries(courseRubric.map((c) => [c.id, score])),
  recommendation: 'approve',
  comment: '',
  ...overrides,
});

export function assign(t: TestApp, staff: TestSession, id: string, evaluators: UserRef[]) {
  return api(t, 'POST', `/api/v1/staff/course-applications/${id}/evaluators`, {
    session: staff,
    body: { evaluatorIds: evaluators.map((e) => e.id) },
  });
}

export function evaluate(t: TestApp, session: TestSession, id: string, body = evaluationBody()) {
  return api(t, 'POST', `/api/v1/course-evaluations/${id}`, { session, body });
}

export function decide(t: TestApp, staff: TestSession, id: string, decision: string, comment?: string) {
  return api(t, 'POST', `/api/v1/staff/course-applications/${id}/decision`, {
    session: staff,
    body: comment === undefined ? { decision } : { decision, comment },
  });
}

/** A paid application with two evaluators assigned and (unless told otherwise) both evaluations in. */
export async function evaluatedCourse(t: TestApp, staff: TestSession, opts: { evaluated?: boolean } = {}) {
  const course = await submittedCourse(t);
  const a = await courseEvaluator(t, 'Ann Evaluator');
  const b = await courseEvaluator(t, 'Ben Evaluator');
  await ok(assign(t, staff, course.id, [a.user, b.user]));
  if (opts.evaluated !== false) {
    await ok(evaluate(t, a.session, course.id));
    await ok(
      evaluate(
        t,
        b.session,
        course.id,
        evaluationBody({ recommendation: 'revise', comment: 'More readings.' }),
      ),
    );
  }
  return { ...course, a, b };
}

/**
 * An approved course in the catalog: the whole flow through HTTP (apply, pay, two evaluations,
 * staff approve). Returns the application id, the provider and the course's catalog number.
 */
export async function approvedCourse(
  t: TestApp,
  staff: TestSession,
  opts: { provider?: { session: TestSession; providerId: string } } = {},
) {
  const course = await submittedCourse(t, opts.provider ? { provider: opts.provider } : {});
  const a = await courseEvaluator(t, 'Ann Evaluator');
  const b = await courseEvaluator(t, 'Ben Evaluator');
  await ok(assign(t, staff, course.id, [a.user, b.user]));
  await ok(evaluate(t, a.session, course.id));
  await ok(evaluate(t, b.session, course.id));
  const decided = await ok(decide(t, staff, course.id, 'approve'));
  return { ...course, number: decided.json().number as string };
}
