import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { findActiveFramework } from '../../src/modules/policy/repository.js';
import { multipart } from './course-factories.js';
import { api, type TestSession } from './sessions.js';
import { makeApplication, sessionOf, staffMember, type UserRef } from './staff-factories.js';
import type { TestApp } from './test-app.js';

/** A small image: the PNG signature and an IHDR chunk header are what the content check reads. */
export const samplePng = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(17, 1),
]);

/** The smallest set of the framework: Cataloging and Classification, 8 competencies. */
export const CAT = 'cataloging-classification';

export interface PortfolioCandidate {
  user: UserRef;
  session: TestSession;
}

/** An admitted candidate (through the real application, payment and admission use cases), signed in. */
export async function admittedCandidate(
  t: TestApp,
  opts: { member?: boolean } = {},
): Promise<PortfolioCandidate> {
  const staff = await staffMember(t);
  const made = await makeApplication(t, staff.ctx, { status: 'admitted', member: opts.member ?? false });
  return { user: made.candidate, session: await sessionOf(t, made.candidate) };
}

export async function setInfo(
  t: TestApp,
  setId = CAT,
): Promise<{ setId: string; title: string; competencyIds: string[] }> {
  const fw = await findActiveFramework(t.services.db);
  const set = fw!.framework.framework.sets.find((s) => s.id === setId)!;
  return { setId: set.id, title: set.title, competencyIds: set.competencies.map((c) => c.id) };
}

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

export async function startPortfolio(t: TestApp, session: TestSession, setId = CAT): Promise<string> {
  const res = await ok(api(t, 'POST', '/api/v1/portfolios', { session, body: { setId } }), 201);
  return res.json().id as string;
}

export const textEvidence = (overrides: Record<string, unknown> = {}) => ({
  kind: 'text',
  role: 'primary',
  title: 'Catalog record I created',
  explanation: 'I described the item and chose its subject headings myself.',
  body: 'Title: A local history of the river valley. Subjects: Rivers -- History.',
  ...overrides,
});

/** Add written text or a link through the API; returns the new item's id. */
export async function addEvidence(
  t: TestApp,
  session: TestSession,
  id: string,
  competencyId: string,
  body: Record<string, unknown> = textEvidence(),
): Promise<string> {
  const res = await ok(
    api(t, 'POST', `/api/v1/portfolios/${id}/competencies/${competencyId}/evidence`, { session, body }),
    201,
  );
  return res.json().id as string;
}

export const evidenceFields = (overrides: Record<string, string> = {}) => ({
  role: 'primary',
  title: 'Processing workflow',
  explanation: 'This is the workflow I wrote for copy cataloging.',
  ...overrides,
});

/** Post the add-evidence page form (multipart, as a browser sends it), with the CSRF field unless told otherwise. */
export function postEvidencePage(
  t: TestApp,
  session: TestSession,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
  opts: { csrf?: boolean } = {},
) {
  const all = opts.csrf === false ? fields : { _csrf: session.csrf, ...fields };
  const { payload, contentType } = multipart(all, file);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': contentType },
    payload,
  });
}

/** Upload a file as evidence through the API (multipart, CSRF header with the session cookie). */
export function uploadEvidenceApi(
  t: TestApp,
  session: TestSession,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
  method: 'POST' | 'PUT' = 'POST',
) {
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload,
  });
}

export const STATEMENT =
  'Cataloging matters in my work because patrons find what they need only when records are right. ' +
  'I have cataloged new books for six years. While building this portfolio I learned to explain my choices.';

/** Primary evidence for every competency and a statement: ready to submit. */
export async function completePortfolio(
  t: TestApp,
  session: TestSession,
  id: string,
  setId = CAT,
): Promise<void> {
  for (const competencyId of (await setInfo(t, setId)).competencyIds)
    await addEvidence(t, session, id, competencyId, textEvidence({ title: `Evidence for ${competencyId}` }));
  await ok(api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, { session, body: { statement: STATEMENT } }));
}

/** Open a card checkout for the portfolio fee and finish it in the sandbox. */
export async function payPortfolio(
  t: TestApp,
  session: TestSession,
  id: string,
  choice: 'pay' | 'decline' = 'pay',
): Promise<{ checkoutId: string; outcome: string }> {
  t.clock.advance(60_000);
  const started = (await ok(api(t, 'POST', `/api/v1/portfolios/${id}/checkout`, { session }))).json();
  const done = await ok(
    api(t, 'POST', `/api/v1/payments/sandbox/${started.checkoutId}`, { session, body: { choice } }),
  );
  return { checkoutId: started.checkoutId as string, outcome: done.json().outcome as string };
}
