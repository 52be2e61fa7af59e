import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/errors.js';
import { localBlobStore } from '../../src/platform/files/blob-store.js';
import { contentDisposition, encodeRfc5987, sendBlob } from '../../src/platform/files/downloads.js';
import { FILE_TYPES, safeFileName } from '../../src/platform/files/file-type.js';

describe('safeFileName', () => {
  it.each([
    ['C:\\Users\\jane\\Documents\\CV.pdf', FILE_TYPES.pdf, 'CV.pdf'],
    ['../../etc/passwd', null, 'passwd'],
    ['/tmp/évidence 2024.png', FILE_TYPES.png, 'évidence 2024.png'],
    ['cv.pdf', FILE_TYPES.docx, 'cv.docx'],
    ['photo.JPEG', FILE_TYPES.jpeg, 'photo.JPEG'],
    ['notes', FILE_TYPES.text, 'notes.txt'],
    ['minutes 2024.03', FILE_TYPES.pdf, 'minutes 2024.03.pdf'],
    ['cv\u202Efdp.exe', FILE_TYPES.pdf, 'cvfdp.pdf'],
    ['a\u0000b\u0007c\nd.pdf', FILE_TYPES.pdf, 'abcd.pdf'],
    ['what?"<now>".pdf', FILE_TYPES.pdf, 'what___now__.pdf'],
    ['...hidden', null, 'hidden'],
    ['', FILE_TYPES.pdf, 'file.pdf'],
    ['///', null, 'file'],
    ['report.', FILE_TYPES.rtf, 'report.rtf'],
  ])('turns %j into a safe name', (input, type, expected) => {
    expect(safeFileName(input, type)).toBe(expected);
  });

  it('shortens long names to 120 characters, keeping the extension and whole characters', () => {
    const name = safeFileName(`${'📚'.repeat(200)}.pdf`, FILE_TYPES.pdf);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('📚.pdf')).toBe(true);
  });

  it('never yields a path, a control character, an empty or an over-long name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(null, ...Object.values(FILE_TYPES)),
        (input, type) => {
          const name = safeFileName(input, type);
          expect(name).not.toMatch(/[/\\]/);
          expect(name).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
          expect(name.length).toBeGreaterThan(0);
          expect(Array.from(name).length).toBeLessThanOrEqual(120);
          expect(name.startsWith('.')).toBe(false);
          if (type) expect(type.extensions).toContain(name.split('.').pop()!.toLowerCase());
          expect(() => encodeRfc5987(name)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('Content-Disposition', () => {
  it('never throws on half a character', () => {
    expect(contentDisposition('a\uD800b.pdf')).toContain(`filename*=UTF-8''a%EF%BF%BDb.pdf`);
  });

  it('encodes the name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition("Jane O'Neil (CV) *final*.pdf")).toBe(
      `attachment; filename="Jane O'Neil (CV) *final*.pdf"; filename*=UTF-8''Jane%20O%27Neil%20%28CV%29%20%2Afinal%2A.pdf`,
    );
    expect(contentDisposition('résumé "new" 50%.docx')).toBe(
      `attachment; filename="r_sum_ _new_ 50_.docx"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22new%22%2050%25.docx`,
    );
  });
});

describe('sendBlob', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-downloads-'));
  const store = localBlobStore(dir);
  let app: FastifyInstance;

  beforeAll(async () => {
    await store.put('evidence/one', Buffer.from('Shelving log, week 1\n'), { contentType: 'text/plain' });
    await store.put('evidence/two', Buffer.from('%PDF-1.7\n%%EOF\n'), { contentType: 'application/pdf' });
    app = Fastify();
    app.setErrorHandler((error, _req, reply) => {
      const missing = error instanceof DomainError && error.code === 'NOT_FOUND';
      reply.status(missing ? 404 : 500).send(missing ? error.message : 'failed');
    });
    app.get<{ Querystring: { key: string; mime: string; name: string } }>('/download', (req, reply) =>
      sendBlob(reply, store, { key: req.query.key, mime: req.query.mime, fileName: req.query.name }),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const download = (key: string, mime: string, name: string) =>
    app.inject({ url: '/download', query: { key, mime, name } });

  it('streams the file as an attachment with safe headers', async () => {
    const res = await download('evidence/one', 'text/plain', 'Shelving log – week 1.txt');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('Shelving log, week 1\n');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Shelving log _ week 1.txt"; filename*=UTF-8''Shelving%20log%20%E2%80%93%20week%201.txt`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('names the download after the stored type, whatever the recorded name says', async () => {
    const res = await download('evidence/two', 'application/pdf', '../../evil.html');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''evil.pdf`);
  });

  it('sends a type it does not know as octet-stream, never as given', async () => {
    const res = await download('evidence/one', 'text/html', 'page.html');
    expect(res.headers['content-type']).toBe('application/octet-stream');
  });

  it('answers not found for a missing blob before sending any file headers', async () => {
    const res = await download('evidence/missing', 'application/pdf', 'x.pdf');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});
