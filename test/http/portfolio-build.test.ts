import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { fieldError, inputValue } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import {
  addEvidence,
  admittedCandidate,
  CAT,
  type PortfolioCandidate,
  postEvidencePage,
  setInfo,
  textEvidence,
} from '../support/portfolio-factories.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { makeApplication, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('building a portfolio on %s', (backend) => {
  let t: TestApp;
  let me: PortfolioCandidate;
  let id: string;
  let competencyIds: string[];
  beforeAll(async () => {
    t = await createTestApp(backend);
    me = await admittedCandidate(t);
    competencyIds = (await setInfo(t)).competencyIds;
  });
  afterAll(() => t.close());

  const detail = async () =>
    (await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: me.session })).json();

  it('refuses candidates who are not admitted, and people who are not candidates', async () => {
    const staff = await staffMember(t);
    const applicant = await makeApplication(t, staff.ctx, { status: 'in_review' });
    const session = await sessionOf(t, applicant.candidate);
    const page = await get(t, '/portfolios', session);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Portfolios are for candidates admitted to the program');
    const start = await api(t, 'POST', '/api/v1/portfolios', { session, body: { setId: CAT } });
    expect(start.statusCode).toBe(403);
    expect((await get(t, '/portfolios', staff.session)).statusCode).toBe(403);
    const anonymous = await get(t, '/portfolios');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', '/api/v1/portfolios')).statusCode).toBe(401);
  });

  it('lists no portfolios at first and offers every set, with the reminder to keep names out', async () => {
    const page = await get(t, '/portfolios', me.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You have not started a portfolio yet.');
    expect(page.body).toContain('Keep names out of your evidence');
    expect(page.body).toContain(`<option value="${CAT}"`);
    expect(page.body.match(/<h1/g)).toHaveLength(1);
  });

  it('starts a portfolio from the page and audits it; a second one for the set is refused', async () => {
    const noChoice = await postForm(t, '/portfolios', { setId: '' }, me.session);
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.body).toContain('<title>Error: ');
    expect(fieldError(noChoice.body, 'setId')).toBe('Choose the competency set for your portfolio');
    const res = await postForm(t, '/portfolios', { setId: CAT }, me.session);
    expect(res.statusCode).toBe(303);
    id = res.headers.location!.split('/').pop()!;
    expect(res.headers.location).toBe(`/portfolios/${id}`);
    expect(await auditActions(t, 'portfolio', id)).toEqual(['portfolio.started']);

    const again = await postForm(t, '/portfolios', { setId: CAT }, me.session);
    expect(again.statusCode).toBe(409);
    expect(fieldError(again.body, 'setId')).toContain('You already have a portfolio for Cataloging');
    const viaApi = await api(t, 'POST', '/api/v1/portfolios', { session: me.session, body: { setId: CAT } });
    expect(viaApi.statusCode).toBe(409);
    const list = (await api(t, 'GET', '/api/v1/portfolios', { session: me.session })).json();
    expect(list.items).toHaveLength(1);
    expect(list.startableSets.map((s: { id: string }) => s.id)).not.toContain(CAT);
  });

  it('refuses a set already achieved, and one that is not in the framework', async () => {
    await t.services.db.insert(setAchievements).values({
      id: uuidv7(),
      candidateId: me.user.id,
      setId: 'youth-services',
      how: 'course',
      achievedOn: '2026-11-01',
      createdAt: t.clock.now(),
    });
    const res = await api(t, 'POST', '/api/v1/portfolios', {
      session: me.session,
      body: { setId: 'youth-services' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('already achieved');
    const bogus = await api(t, 'POST', '/api/v1/portfolios', {
      session: me.session,
      body: { setId: 'no-such-set' },
    });
    expect(bogus.statusCode).toBe(400);
  });

  it('shows each competency with its evidence count and the progress', async () => {
    const page = await get(t, `/portfolios/${id}`, me.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('0 of 8 competencies have primary evidence');
    for (const c of competencyIds) expect(page.body).toContain(`/portfolios/${id}/competencies/${c}`);
    expect(page.body).toContain('Write the statement');
  });

  it('adds written text, a link and a file through the page, one save per item', async () => {
    const [c1] = competencyIds;
    const url = `/portfolios/${id}/competencies/${c1}/evidence`;
    const text = await postEvidencePage(t, me.session, url, {
      kind: 'text',
      role: 'primary',
      title: 'Original record',
      explanation: 'I wrote this record.',
      body: 'A full MARC record, in words.',
    });
    expect(text.statusCode, text.body.slice(0, 400)).toBe(303);
    const link = await postEvidencePage(t, me.session, url, {
      kind: 'link',
      role: 'secondary',
      title: 'Our cataloging guide',
      explanation: 'I maintain this public guide.',
      url: 'https://guides.example.org/cataloging',
    });
    expect(link.statusCode).toBe(303);
    const file = await postEvidencePage(
      t,
      me.session,
      url,
      { kind: 'file', role: 'secondary', title: 'Workflow', explanation: 'The workflow I wrote.' },
      { name: 'workflow.txt', bytes: Buffer.from('Step 1: check the copy record.\n') },
    );
    expect(file.statusCode).toBe(303);
    const page = await get(t, `/portfolios/${id}/competencies/${c1}`, me.session);
    expect(page.body).toContain('Original record');
    expect(page.body).toContain('https://guides.example.org/cataloging');
    expect(page.body).toContain('workflow.txt');
    const items = (await detail()).competencies[0].evidence;
    expect(items.map((e: { kind: string }) => e.kind)).toEqual(['text', 'link', 'file']);
    expect(items[0]).toMatchObject({ role: 'primary', body: 'A full MARC record, in words.', url: null });
    expect(items[1]).toMatchObject({ role: 'secondary', url: 'https://guides.example.org/cataloging' });
    expect(items[2].file).toMatchObject({ fileName: 'workflow.txt', mime: 'text/plain' });
    const download = await get(t, `/portfolios/${id}/evidence/${items[2].id}/file`, me.session);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.body).toBe('Step 1: check the copy record.\n');
    expect((await detail()).progress.competenciesWithPrimary).toBe(1);
    const actions = await auditActions(t, 'portfolio', id);
    expect(actions.filter((a) => a === 'portfolio.evidence_added')).toHaveLength(3);
  });

  it('re-shows what was typed with every problem at its field', async () => {
    const url = `/portfolios/${id}/competencies/${competencyIds[1]}/evidence`;
    const none = await postEvidencePage(t, me.session, url, { title: 'Kept title' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('<title>Error: ');
    expect(fieldError(none.body, 'kind')).toContain('Choose whether the evidence is a file');
    expect(fieldError(none.body, 'role')).toContain('primary or secondary');
    expect(fieldError(none.body, 'explanation')).toBe('Explain how this evidence shows the competency');
    expect(inputValue(none.body, 'title')).toBe('Kept title');
    const badLink = await postEvidencePage(t, me.session, url, {
      ...textEvidence({ kind: 'link', body: '' }),
      url: 'javascript:alert(1)',
    } as Record<string, string>);
    expect(badLink.statusCode).toBe(400);
    expect(fieldError(badLink.body, 'url')).toContain('https://');
    const noText = await postEvidencePage(
      t,
      me.session,
      url,
      textEvidence({ body: '  ' }) as Record<string, string>,
    );
    expect(fieldError(noText.body, 'body')).toBe('Write the evidence in the text box');
    const noFile = await postEvidencePage(
      t,
      me.session,
      url,
      textEvidence({ kind: 'file' }) as Record<string, string>,
    );
    expect(fieldError(noFile.body, 'file')).toBe('Choose a file to upload');
    const badApi = await api(
      t,
      'POST',
      `/api/v1/portfolios/${id}/competencies/${competencyIds[1]}/evidence`,
      {
        session: me.session,
        body: textEvidence({ kind: 'link', url: 'ftp://example.org/x' }),
      },
    );
    expect(badApi.statusCode).toBe(400);
    expect(badApi.json().errors).toEqual([{ field: 'url', message: expect.stringContaining('https://') }]);
    expect((await detail()).competencies[1].evidence).toEqual([]);
  });

  it('changes and removes evidence, by page and by API', async () => {
    const c = competencyIds[2]!;
    const evidenceId = await addEvidence(t, me.session, id, c, textEvidence({ role: 'secondary' }));
    const edit = await get(t, `/portfolios/${id}/evidence/${evidenceId}`, me.session);
    expect(edit.statusCode).toBe(200);
    expect(inputValue(edit.body, 'title')).toBe('Catalog record I created');
    const bad = await postEvidencePage(t, me.session, `/portfolios/${id}/evidence/${evidenceId}`, {
      role: 'primary',
      title: '',
      explanation: 'Still here',
      body: 'Changed',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'title')).toBe('Give the evidence a short title');
    const saved = await postEvidencePage(t, me.session, `/portfolios/${id}/evidence/${evidenceId}`, {
      role: 'primary',
      title: 'Better title',
      explanation: 'Clearer explanation',
      body: 'Changed body',
    });
    expect(saved.statusCode).toBe(303);
    let item = (await detail()).competencies[2].evidence[0];
    expect(item).toMatchObject({
      role: 'primary',
      title: 'Better title',
      body: 'Changed body',
      kind: 'text',
    });
    const put = await api(t, 'PUT', `/api/v1/portfolios/${id}/evidence/${evidenceId}`, {
      session: me.session,
      body: { role: 'secondary', title: 'API title', explanation: 'API explanation', body: 'API body' },
    });
    expect(put.statusCode, put.body).toBe(200);
    item = (await detail()).competencies[2].evidence[0];
    expect(item).toMatchObject({ role: 'secondary', title: 'API title' });

    const linkId = await addEvidence(
      t,
      me.session,
      id,
      c,
      textEvidence({ kind: 'link', url: 'https://a.example.org/' }),
    );
    const removed = await postForm(t, `/portfolios/${id}/evidence/${linkId}/remove`, {}, me.session);
    expect(removed.statusCode).toBe(303);
    const del = await api(t, 'DELETE', `/api/v1/portfolios/${id}/evidence/${evidenceId}`, {
      session: me.session,
    });
    expect(del.statusCode).toBe(204);
    expect((await detail()).competencies[2].evidence).toEqual([]);
    const actions = await auditActions(t, 'portfolio', id);
    expect(actions).toContain('portfolio.evidence_updated');
    expect(actions.filter((a) => a === 'portfolio.evidence_removed')).toHaveLength(2);
  });

  it('saves the statement as a draft and shows its word count', async () => {
    const page = await get(t, `/portfolios/${id}/statement`, me.session);
    expect(page.body).toContain('Why Cataloging and Classification matters in your work');
    expect(page.body).toContain('Your experience');
    expect(page.body).toContain('Your new learning');
    expect(page.body).toContain('1,500 words');
    const res = await postForm(
      t,
      `/portfolios/${id}/statement`,
      { statement: 'One two three four five.' },
      me.session,
    );
    expect(res.statusCode).toBe(303);
    const after = await get(t, `/portfolios/${id}/statement`, me.session);
    expect(after.body).toContain('Saved: 5 words.');
    expect(after.body).toContain('One two three four five.</textarea>');
    const long = await postForm(
      t,
      `/portfolios/${id}/statement`,
      { statement: 'x'.repeat(30_001) },
      me.session,
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('x'.repeat(100));
    const longer = 'word '.repeat(1600);
    const put = await api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, {
      session: me.session,
      body: { statement: longer },
    });
    expect(put.json().progress.statementWords).toBe(1600);
    expect((await get(t, `/portfolios/${id}/statement`, me.session)).body).toContain(
      'more than the suggested',
    );
    expect(await auditActions(t, 'portfolio', id)).toContain('portfolio.statement_saved');
  });

  it('refuses CSRF-less posts', async () => {
    const url = `/portfolios/${id}/competencies/${competencyIds[3]}/evidence`;
    const res = await postEvidencePage(
      t,
      me.session,
      url,
      textEvidence() as Record<string, string>,
      undefined,
      {
        csrf: false,
      },
    );
    expect(res.statusCode).toBe(403);
    expect(
      (await postForm(t, `/portfolios/${id}/statement`, { statement: 'x' }, me.session, { csrf: false }))
        .statusCode,
    ).toBe(403);
  });

  it('answers "not found" for another candidate’s portfolio, its evidence and files; staff may read', async () => {
    const [c1] = competencyIds;
    const fileId = (await detail()).competencies[0].evidence[2].id as string;
    const other = await admittedCandidate(t);
    const evaluator = await signedInAs(t, ['portfolio_evaluator']);
    for (const s of [other.session, evaluator]) {
      expect((await get(t, `/portfolios/${id}`, s)).statusCode).toBe(404);
      expect((await get(t, `/portfolios/${id}/competencies/${c1}`, s)).statusCode).toBe(404);
      expect((await get(t, `/portfolios/${id}/evidence/${fileId}/file`, s)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: s })).statusCode).toBe(404);
      expect(
        (await api(t, 'GET', `/api/v1/portfolios/${id}/evidence/${fileId}/file`, { session: s })).statusCode,
      ).toBe(404);
    }
    const theirs = await postEvidencePage(
      t,
      other.session,
      `/portfolios/${id}/competencies/${c1}/evidence`,
      textEvidence() as Record<string, string>,
    );
    expect(theirs.statusCode).toBe(404);
    expect(
      (await postForm(t, `/portfolios/${id}/evidence/${fileId}/remove`, {}, other.session)).statusCode,
    ).toBe(404);
    expect(
      (
        await api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, {
          session: other.session,
          body: { statement: 'Mine now' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await get(t, `/portfolios/not-a-uuid`, me.session)).statusCode).toBe(404);
    expect((await get(t, `/portfolios/${id}/competencies/FLS-1`, me.session)).statusCode).toBe(404);

    const staff = await staffMember(t);
    expect((await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: staff.session })).statusCode).toBe(
      200,
    );
    const staffPage = await get(t, `/portfolios/${id}/competencies/${c1}`, staff.session);
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).not.toContain('Add the evidence');
    const unverified = await sessionOf(t, staff.user, { mfaVerified: false });
    expect((await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: unverified })).statusCode).toBe(401);
    expect((await detail()).competencies[0].evidence).toHaveLength(3);
  });
});
