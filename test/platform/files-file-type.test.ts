import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkUpload,
  describeKinds,
  detectFileType,
  FILE_TYPES,
  type Kind,
} from '../../src/platform/files/file-type.js';

const MB = 1024 * 1024;
const bytes = (...parts: Array<string | number[] | Uint8Array>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** A real, minimal ZIP (stored entries, CRCs, central directory) that unzip and Word's parser accept. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = () =>
  zip({
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': '<w:document><w:body><w:p/></w:body></w:document>',
  });

/** OLE2 header with 512-byte sectors, then one directory sector holding the root and one stream entry. */
function ole2(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(9, 0x1e);
  const directory = Buffer.alloc(512);
  const entry = (at: number, name: string, type: number) => {
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
  };
  entry(0, 'Root Entry', 5);
  entry(128, streamName, 2);
  return Buffer.concat([header, directory]);
}

const samples = {
  pdf: bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    [0, 0, 0, 13],
    'IHDR',
    [0, 0, 0, 1, 0, 0, 0, 1],
  ),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
  gif: bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]),
  webp: bytes('RIFF', [26, 0, 0, 0], 'WEBPVP8 '),
  docx: docx(),
  doc: ole2('WordDocument'),
  rtf: bytes('{\\rtf1\\ansi Hello}'),
  text: bytes('Jane Smith\nCirculation desk, 2019–2024 — café hours\n'),
};

const everything: Kind[] = ['pdf', 'word', 'spreadsheet', 'presentation', 'image', 'text'];
const docsOnly: Kind[] = ['pdf', 'word', 'image', 'text'];

describe('detectFileType', () => {
  it.each(Object.entries(samples))('recognises a %s by its content', (name, sample) => {
    const expected = FILE_TYPES[name as keyof typeof FILE_TYPES];
    expect(detectFileType(sample)).toEqual(expected);
  });

  it('recognises the other Office Open XML formats by their part folders', () => {
    const xlsx = zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>' });
    const pptx = zip({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': '<p/>' });
    expect(detectFileType(xlsx)?.ext).toBe('xlsx');
    expect(detectFileType(pptx)?.ext).toBe('pptx');
  });

  it('finds the word/ part from the local headers when the central directory is missing', () => {
    const sample = docx();
    const cut = sample.subarray(0, sample.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(detectFileType(cut)?.ext).toBe('docx');
  });

  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode')],
    ['a Linux program', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n')],
    ['an HTML page', bytes('<!DOCTYPE html><html><body>Hi</body></html>')],
    ['HTML after some text', bytes('My CV\n<script>alert(1)</script>\n')],
    ['an SVG image', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a plain zip', zip({ 'cv.pdf': '%PDF-1.4' })],
    ['a zip without [Content_Types].xml', zip({ 'word/document.xml': '<w/>' })],
    ['a macro-enabled document', zip({ '[Content_Types].xml': contentTypes, 'word/vbaProject.bin': 'x' })],
    ['a gzip file', bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])],
    ['an OLE2 file that is not a Word document (.xls, .msi)', ole2('Workbook')],
    ['UTF-16 text (NUL bytes)', Buffer.from('\ufeffHello', 'utf16le')],
    ['invalid UTF-8', bytes([0x48, 0x69, 0xc3, 0x28])],
    ['binary noise', bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42])],
  ])('refuses %s', (_what, sample) => {
    expect(detectFileType(sample)).toBeNull();
  });

  it('accepts text with a stray form feed or tab but not mostly control characters', () => {
    expect(detectFileType(bytes('Page one\fPage two\tend\r\n'))?.ext).toBe('txt');
    expect(detectFileType(bytes('ab\x1b\x1b\x1bcd'))).toBeNull();
  });

  it('never throws, whatever the bytes (random, or behind a real signature)', () => {
    const prefixes = [
      [],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x50, 0x4b, 3, 4],
      [0x50, 0x4b, 5, 6],
      [...ole2('x')],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2048 }), (prefix, rest) => {
        const sample = Uint8Array.from([...prefix, ...rest]);
        detectFileType(sample);
        checkUpload(sample, { allowed: everything, maxBytes: MB });
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a real DOCX with bytes overwritten or cut short', () => {
    const sample = docx();
    fc.assert(
      fc.property(
        fc.nat(sample.length - 1),
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.nat(sample.length),
        (at, patch, cut) => {
          const copy = Uint8Array.from(sample);
          copy.set(patch.subarray(0, copy.length - at), at);
          detectFileType(copy);
          detectFileType(copy.subarray(0, cut));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('checkUpload', () => {
  const rules = { allowed: docsOnly, maxBytes: 20 * MB };

  it('accepts each allowed kind and names the file after its real type', () => {
    expect(checkUpload(samples.pdf, { ...rules, declaredName: 'C:\\Users\\jane\\syllabus.PDF' })).toEqual({
      ok: true,
      type: FILE_TYPES.pdf,
      fileName: 'syllabus.PDF',
    });
    expect(checkUpload(samples.docx, { ...rules, declaredName: 'cv.pdf' })).toMatchObject({
      ok: true,
      fileName: 'cv.docx',
    });
    expect(checkUpload(samples.text, rules)).toMatchObject({ ok: true, fileName: 'file.txt' });
  });

  it('refuses a program renamed cv.pdf in plain language', () => {
    const exe = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]);
    expect(checkUpload(exe, { ...rules, declaredName: 'cv.pdf' })).toEqual({
      ok: false,
      code: 'TYPE_NOT_ALLOWED',
      message: 'This file is not a PDF, Word document, image or text file. Programs cannot be uploaded.',
    });
  });

  it('refuses HTML, saying web pages are not accepted', () => {
    const result = checkUpload(bytes('<html><script>steal()</script></html>'), rules);
    expect(result).toMatchObject({ ok: false, code: 'TYPE_NOT_ALLOWED' });
    expect(!result.ok && result.message).toMatch(/^This file is not a PDF.*Web pages/);
  });

  it('names the type it found when that kind is not wanted here', () => {
    expect(checkUpload(samples.png, { allowed: ['pdf', 'word'], maxBytes: MB })).toEqual({
      ok: false,
      code: 'TYPE_NOT_ALLOWED',
      message: 'This file is a PNG image, not a PDF or Word document.',
    });
  });

  it('refuses an empty file, and a text file of only blank space', () => {
    const empty = { ok: false, code: 'EMPTY', message: 'The file is empty.' };
    expect(checkUpload(new Uint8Array(0), rules)).toEqual(empty);
    expect(checkUpload(bytes('\ufeff  \n\t\n'), rules)).toEqual(empty);
  });

  it('accepts a file exactly at the limit and refuses one byte more, with both sizes', () => {
    const limit = 20 * MB;
    const atLimit = Buffer.alloc(limit, 'a');
    expect(checkUpload(atLimit, { ...rules, maxBytes: limit })).toMatchObject({ ok: true });
    const over = Buffer.alloc(limit + 1, 'a');
    expect(checkUpload(over, { ...rules, maxBytes: limit })).toEqual({
      ok: false,
      code: 'TOO_LARGE',
      message: 'The file is 20.1 MB; the limit is 20 MB.',
    });
    const big = Buffer.alloc(Math.round(23.4 * MB), 'a');
    expect(checkUpload(big, rules)).toMatchObject({ message: 'The file is 23.4 MB; the limit is 20 MB.' });
  });

  it('refuses a PDF cut off before its end marker', () => {
    const cut = samples.pdf.subarray(0, samples.pdf.indexOf('trailer'));
    expect(checkUpload(cut, rules)).toMatchObject({ ok: false, code: 'DAMAGED' });
  });

  it('lists what is wanted in plain language', () => {
    expect(describeKinds(['pdf'])).toBe('a PDF');
    expect(describeKinds(['image', 'pdf'])).toBe('an image or PDF');
    expect(describeKinds(docsOnly)).toBe('a PDF, Word document, image or text file');
  });
});
