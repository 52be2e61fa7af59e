import { eq } from 'drizzle-orm';
import { applications } from '../../src/modules/applications/schema.js';
import { portfolioEvidence, portfolios } from '../../src/modules/portfolios/schema.js';
import type { Ctx } from '../../src/platform/context.js';
import { blobStoreFor } from '../../src/platform/files/configured-blob-store.js';
import { uuidv7 } from '../../src/platform/ids.js';
import type { TestSession } from '../support/sessions.js';
import { makeApplication, sessionOf, type UserRef } from '../support/staff-factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Portfolios for the pre-review tests, inserted as rows so these tests do not depend on the
 * candidate's portfolio pages: an admitted candidate's draft for Cataloging and Classification
 * with a statement and three pieces of evidence (written text, a link, and a PDF file).
 */

export const SET_ID = 'cataloging-classification';
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface TestPortfolio {
  id: string;
  candidate: UserRef;
  session: TestSession;
  fileEvidenceId: string;
}

export async function draftPortfolio(
  t: TestApp,
  staffCtx: Ctx,
  opts: { status?: 'draft' | 'prereview_requested' | 'submitted'; requestedAt?: Date } = {},
): Promise<TestPortfolio> {
  const application = await makeApplication(t, staffCtx, { status: 'admitted' });
  const [app] = await t.services.db
    .select({ frameworkVersionId: applications.frameworkVersionId })
    .from(applications)
    .where(eq(applications.id, application.id));
  const now = t.clock.now();
  const id = uuidv7();
  await t.services.db.insert(portfolios).values({
    id,
    candidateId: application.candidate.id,
    setId: SET_ID,
    frameworkVersionId: app!.frameworkVersionId!,
    status: opts.status ?? 'draft',
    statement: 'Cataloging is the heart of my work at the branch.\n\nI learned RDA on the job.',
    prereviewRequestedAt: opts.status === 'prereview_requested' ? (opts.requestedAt ?? now) : null,
    createdAt: now,
    updatedAt: now,
  });
  const fileEvidenceId = uuidv7();
  const blobKey = `portfolios/${id}/${fileEvidenceId}`;
  const stored = await blobStoreFor(t.services.config).put(blobKey, PDF_BYTES, {
    contentType: 'application/pdf',
  });
  const base = { portfolioId: id, createdAt: now, updatedAt: now };
  await t.services.db.insert(portfolioEvidence).values([
    {
      ...base,
      id: uuidv7(),
      competencyId: 'CAT-1',
      kind: 'text',
      primary: true,
      title: 'How I catalog new arrivals',
      explanation: 'Shows I apply the cataloging rules every week.',
      body: 'Every Monday I catalog the new arrivals in MARC 21.',
    },
    {
      ...base,
      id: uuidv7(),
      competencyId: 'CAT-2',
      kind: 'link',
      primary: false,
      title: 'Our catalog record guide',
      explanation: 'A guide I wrote for volunteers.',
      url: 'https://example.org/catalog-guide',
    },
    {
      ...base,
      id: fileEvidenceId,
      competencyId: 'CAT-2',
      kind: 'file',
      primary: true,
      title: 'Authority work report',
      explanation: 'My report on authority control.',
      blobKey,
      fileName: 'authority-report.pdf',
      mime: 'application/pdf',
      size: stored.size,
      sha256: stored.sha256,
    },
  ]);
  return {
    id,
    candidate: application.candidate,
    session: await sessionOf(t, application.candidate),
    fileEvidenceId,
  };
}

export async function portfolioStatus(t: TestApp, id: string) {
  const [row] = await t.services.db
    .select({ status: portfolios.status, requestedAt: portfolios.prereviewRequestedAt })
    .from(portfolios)
    .where(eq(portfolios.id, id));
  return row;
}
