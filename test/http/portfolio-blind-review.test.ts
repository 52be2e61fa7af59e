import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceBlobKey, portfolioBlobStore } from '../../src/modules/portfolios/files.js';
import { portfolioEvidence } from '../../src/modules/portfolios/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { testBackends } from '../support/backends.js';
import { api, get } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { mailsTo } from './portfolio-assignment-support.js';
import { assignedPortfolio, competencyIds, type RatedPortfolio, rateAs } from './portfolio-rating-support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const GIVEN = 'Zenobia';
const FAMILY = 'Quillfeather';
const EMPLOYER = 'Marrowdale Township Library';
const UPLOADED_AS = 'zenobia-quillfeather-storytime-plan.pdf';

/**
 * Blind review: nothing an evaluator is shown (pages, API, file names, mails) carries the candidate's
 * name, email or employer, before and after the decision, for the first two and a third evaluator.
 */
describe.each(testBackends())('blind review on %s', (backend) => {
  let t: TestApp;
  let rated: RatedPortfolio;
  let fileEvidenceId: string;
  let firstId = '';
  beforeAll(async () => {
    t = await createTestApp(backend);
    const staff = (await staffMember(t)).session;
    rated = await assignedPortfolio(t, staff, { givenName: GIVEN, familyName: FAMILY, employer: EMPLOYER });
    const [first, second] = await competencyIds(t);
    firstId = first!;
    const now = t.clock.now();
    fileEvidenceId = uuidv7();
    const stored = await portfolioBlobStore(t.services.config).put(
      evidenceBlobKey(rated.portfolio.id, uuidv7()),
      PDF,
      { contentType: 'application/pdf', maxBytes: t.services.config.maxUploadBytes },
    );
    const base = { portfolioId: rated.portfolio.id, createdAt: now, updatedAt: now };
    await t.services.db.insert(portfolioEvidence).values([
      {
        ...base,
        id: fileEvidenceId,
        competencyId: first!,
        kind: 'file',
        primary: true,
        title: 'Storytime plan',
        explanation: 'A plan I wrote for a weekly storytime.',
        blobKey: stored.key,
        fileName: UPLOADED_AS,
        mime: 'application/pdf',
        size: stored.size,
        sha256: stored.sha256,
      },
      {
        ...base,
        id: uuidv7(),
        competencyId: second!,
        kind: 'text',
        primary: true,
        title: 'Reflection',
        explanation: 'What I learned.',
        body: 'I learned to weed the collection with a plan.',
      },
    ]);
  });
  afterAll(() => t.close());

  const identity = () => [GIVEN, FAMILY, EMPLOYER, rated.portfolio.candidate.email, UPLOADED_AS, 'zenobia'];
  const expectBlind = (what: string, text: string) => {
    for (const secret of identity())
      expect(text.toLowerCase(), `${what} shows "${secret}"`).not.toContain(secret.toLowerCase());
  };

  async function everythingAnEvaluatorSees(position: number): Promise<Array<[string, string]>> {
    const { evaluator, assignmentId } = await rated.at(position);
    const s = evaluator.session;
    const seen: Array<[string, string]> = [];
    const add = async (
      what: string,
      res: Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
    ) => {
      const r = await res;
      expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).toBe(200);
      seen.push([what, `${JSON.stringify(r.headers)}\n${r.body}`]);
      return r;
    };
    await add('list page', get(t, '/evaluator/assignments', s));
    await add('list API', api(t, 'GET', '/api/v1/evaluator/assignments', { session: s }));
    const page = await add('rating page', get(t, `/evaluator/assignments/${assignmentId}`, s));
    const json = await add(
      'rating API',
      api(t, 'GET', `/api/v1/evaluator/assignments/${assignmentId}`, { session: s }),
    );
    const href = /href="(\/evaluator\/assignments\/[^"]+\/evidence\/[^"]+)"/.exec(page.body)?.[1];
    expect(href).toMatch(
      new RegExp(`/evidence/${fileEvidenceId}/${rated.portfolio.number}-${firstId}-1\\.pdf$`),
    );
    const file = await add('file download (page)', get(t, href!, s));
    expect(file.headers['content-disposition']).toContain(`${rated.portfolio.number}-${firstId}-1.pdf`);
    const download = (
      JSON.parse(json.body) as {
        competencies: Array<{ evidence: Array<{ file: { download: string } | null }> }>;
      }
    ).competencies[0]!.evidence[0]!.file!.download;
    const viaApi = await add('file download (API)', api(t, 'GET', download, { session: s }));
    expect(viaApi.headers['content-disposition']).toContain(`${rated.portfolio.number}-${firstId}-1.pdf`);
    for (const m of await mailsTo(t, evaluator.user.email))
      seen.push([`mail "${m.subject}"`, `${m.subject}\n${m.text}`]);
    return seen;
  }

  it('shows evaluators the portfolio by its number and neutral file names only, from assignment to decision', async () => {
    // Sanity: the candidate's details are really in the database, and on the staff page.
    const staffPage = await get(
      t,
      `/staff/portfolios/${rated.portfolio.id}/assignment`,
      (await staffMember(t)).session,
    );
    expect(staffPage.body).toContain(FAMILY);

    for (const [what, text] of await everythingAnEvaluatorSees(1)) expectBlind(`evaluator 1, ${what}`, text);
    await rateAs(t, rated, 1, 'MMMMMMMMMM');
    expect((await rateAs(t, rated, 2, 'NMMMMMMMMM')).state).toBe('third_evaluator');
    for (const [what, text] of await everythingAnEvaluatorSees(3))
      expectBlind(`third evaluator, ${what}`, text);
    expect((await rateAs(t, rated, 3, 'MMMMMMMMMM')).outcome).toBe('approved');
    for (const position of [1, 2, 3]) {
      const seen = await everythingAnEvaluatorSees(position);
      expect(seen.some(([what]) => what.startsWith('mail "Portfolio'))).toBe(true);
      for (const [what, text] of seen) expectBlind(`evaluator ${position} after the decision, ${what}`, text);
    }
  });

  it('never serves another portfolio’s file through an assignment', async () => {
    const { evaluator } = await rated.at(1);
    const otherStaff = (await staffMember(t)).session;
    const other = await assignedPortfolio(t, otherStaff);
    const theirs = await other.at(1);
    const res = await get(
      t,
      `/evaluator/assignments/${theirs.assignmentId}/evidence/${fileEvidenceId}/x.pdf`,
      theirs.evaluator.session,
    );
    expect(res.statusCode).toBe(404);
    const mine = await get(
      t,
      `/evaluator/assignments/${theirs.assignmentId}/evidence/${fileEvidenceId}/x.pdf`,
      evaluator.session,
    );
    expect(mine.statusCode).toBe(404);
  });
});
