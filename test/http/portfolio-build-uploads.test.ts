import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, inputValue } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { sampleExe, samplePdf } from '../support/course-factories.js';
import {
  admittedCandidate,
  evidenceFields,
  type PortfolioCandidate,
  postEvidencePage,
  samplePng,
  setInfo,
  startPortfolio,
  uploadEvidenceApi,
} from '../support/portfolio-factories.js';
import { api, get } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Every blob stored for one portfolio (the local store keeps them under files/portfolios/<id>/). */
function blobsOf(t: TestApp, id: string): string[] {
  const dir = path.join(t.services.config.filesDir, 'portfolios', id);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe.each(testBackends())('portfolio evidence files on %s', (backend) => {
  let t: TestApp;
  let me: PortfolioCandidate;
  let id: string;
  let c1: string;
  let pageUrl: string;
  let apiUrl: string;
  beforeAll(async () => {
    // A small upload limit so "too large" needs only a few kilobytes.
    t = await createTestApp(backend, { LSSC_MAX_UPLOAD_BYTES: '2048' });
    me = await admittedCandidate(t);
    id = await startPortfolio(t, me.session);
    c1 = (await setInfo(t)).competencyIds[0]!;
    pageUrl = `/portfolios/${id}/competencies/${c1}/evidence`;
    apiUrl = `/api/v1/portfolios/${id}/competencies/${c1}/evidence/file`;
  });
  afterAll(() => t.close());

  const items = async () =>
    (await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: me.session })).json().competencies[0]
      .evidence as Array<{
      id: string;
      title: string;
      file: { fileName: string; mime: string; size: number };
    }>;

  it('accepts a PDF by page and an image by API, typed by their content', async () => {
    const page = await postEvidencePage(
      t,
      me.session,
      pageUrl,
      { kind: 'file', ...evidenceFields() },
      { name: 'Workflow 2026.PDF', bytes: samplePdf },
    );
    expect(page.statusCode, page.body.slice(0, 300)).toBe(303);
    const viaApi = await uploadEvidenceApi(t, me.session, apiUrl, evidenceFields({ role: 'secondary' }), {
      name: 'shelf-photo.jpeg',
      bytes: samplePng,
    });
    expect(viaApi.statusCode, viaApi.body).toBe(201);
    // Named .jpeg, but it is a PNG: the content decides, and the name follows it.
    expect(viaApi.json().file).toMatchObject({
      fileName: 'shelf-photo.png',
      mime: 'image/png',
      size: samplePng.length,
    });
    const [pdf] = await items();
    expect(pdf!.file).toMatchObject({ fileName: 'Workflow 2026.PDF', mime: 'application/pdf' });
    const download = await api(t, 'GET', `/api/v1/portfolios/${id}/evidence/${pdf!.id}/file`, {
      session: me.session,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
    expect(blobsOf(t, id)).toHaveLength(2);
  });

  it('refuses a file whose content is not what its name says, and stores nothing', async () => {
    const before = (await items()).length;
    const exe = await postEvidencePage(
      t,
      me.session,
      pageUrl,
      { kind: 'file', ...evidenceFields({ title: 'Kept title' }) },
      { name: 'report.pdf', bytes: sampleExe },
    );
    expect(exe.statusCode).toBe(400);
    expect(fieldError(exe.body, 'file')).toContain('Programs cannot be uploaded');
    expect(inputValue(exe.body, 'title')).toBe('Kept title');
    const html = await uploadEvidenceApi(t, me.session, apiUrl, evidenceFields(), {
      name: 'notes.txt',
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(400);
    expect(html.json().errors).toEqual([{ field: 'file', message: expect.stringContaining('Web pages') }]);
    expect(await items()).toHaveLength(before);
    expect(blobsOf(t, id)).toHaveLength(2);
  });

  it('refuses a file over the upload limit (413) and an empty file, and stores nothing', async () => {
    const before = (await items()).length;
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(4096, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const page = await postEvidencePage(
      t,
      me.session,
      pageUrl,
      { kind: 'file', ...evidenceFields() },
      { name: 'big.pdf', bytes: big },
    );
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('<title>Error: ');
    expect(fieldError(page.body, 'file')).toBe('The file is larger than the limit of 2 KB.');
    const viaApi = await uploadEvidenceApi(t, me.session, apiUrl, evidenceFields(), {
      name: 'big.pdf',
      bytes: big,
    });
    expect(viaApi.statusCode).toBe(413);
    const empty = await postEvidencePage(
      t,
      me.session,
      pageUrl,
      { kind: 'file', ...evidenceFields() },
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
    );
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'file')).toBe('The file is empty.');
    const blank = await uploadEvidenceApi(t, me.session, apiUrl, evidenceFields(), {
      name: 'blank.txt',
      bytes: Buffer.from('  \n'),
    });
    expect(blank.statusCode).toBe(400);
    expect(await items()).toHaveLength(before);
    expect(blobsOf(t, id)).toHaveLength(2);
  });

  it('keeps only the last part of a file name with folders or path characters', async () => {
    for (const name of ['../../etc/passwd.txt', '..\\..\\windows\\notes.txt', 'C:\\Users\\me\\plan.txt']) {
      const res = await uploadEvidenceApi(t, me.session, apiUrl, evidenceFields({ title: name }), {
        name,
        bytes: Buffer.from('A plain note about my cataloging work.\n'),
      });
      expect(res.statusCode, res.body).toBe(201);
      const stored = res.json().file.fileName as string;
      expect(stored).not.toMatch(/[/\\]/);
      expect(stored).not.toContain('..');
      expect(stored.endsWith('.txt')).toBe(true);
    }
    // Stored under keys of our own making, inside the portfolio's folder only.
    expect(blobsOf(t, id)).toHaveLength(5);
    for (const key of blobsOf(t, id)) expect(key).toMatch(/^[0-9a-f-]+$/);
  });

  it('replaces a file on change (page and API) and removes the old one', async () => {
    const [pdf] = await items();
    const edit = await get(t, `/portfolios/${id}/evidence/${pdf!.id}`, me.session);
    expect(edit.body).toContain('Replace the file (optional)');
    // Without a new file, only the words change and the file stays.
    const words = await postEvidencePage(
      t,
      me.session,
      `/portfolios/${id}/evidence/${pdf!.id}`,
      evidenceFields({ title: 'Renamed' }),
    );
    expect(words.statusCode).toBe(303);
    expect((await items())[0]).toMatchObject({ title: 'Renamed', file: { fileName: 'Workflow 2026.PDF' } });
    const replaced = await postEvidencePage(
      t,
      me.session,
      `/portfolios/${id}/evidence/${pdf!.id}`,
      evidenceFields({ title: 'Renamed' }),
      { name: 'workflow-v2.txt', bytes: Buffer.from('Version two of the workflow.\n') },
    );
    expect(replaced.statusCode).toBe(303);
    expect((await items())[0]!.file).toMatchObject({ fileName: 'workflow-v2.txt', mime: 'text/plain' });
    const refused = await uploadEvidenceApi(
      t,
      me.session,
      `/api/v1/portfolios/${id}/evidence/${pdf!.id}/file`,
      evidenceFields(),
      { name: 'x.pdf', bytes: sampleExe },
      'PUT',
    );
    expect(refused.statusCode).toBe(400);
    const viaApi = await uploadEvidenceApi(
      t,
      me.session,
      `/api/v1/portfolios/${id}/evidence/${pdf!.id}/file`,
      evidenceFields(),
      { name: 'final.pdf', bytes: samplePdf },
      'PUT',
    );
    expect(viaApi.statusCode, viaApi.body).toBe(200);
    expect(viaApi.json().file.fileName).toBe('final.pdf');
    expect(blobsOf(t, id)).toHaveLength(5);
    const del = await api(t, 'DELETE', `/api/v1/portfolios/${id}/evidence/${pdf!.id}`, {
      session: me.session,
    });
    expect(del.statusCode).toBe(204);
    expect(blobsOf(t, id)).toHaveLength(4);
    expect((await get(t, `/portfolios/${id}/evidence/${pdf!.id}/file`, me.session)).statusCode).toBe(404);
  });
});
