import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PDFArray, PDFDocument, PDFName, type PDFRawStream, type PDFStream } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type CertificateData, certificateData } from '../../src/modules/certification/certificate-data.js';
import { certificatePdf, PAGE, QR_BOX } from '../../src/modules/certification/certificate-pdf.js';

// jsqr is CommonJS with a default export: reached differently by the types and by the test runner.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = (jsQRModule as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

const sets = [
  { id: 's1', code: 'FND', title: 'Foundations of Library Service' },
  { id: 's2', code: 'COM', title: 'Communication and Teamwork' },
  { id: 's3', code: 'TEC', title: 'Technology' },
  { id: 's4', code: 'CAT', title: 'Cataloging and Processing' },
  { id: 's5', code: 'YTH', title: 'Youth Services' },
  { id: 's6', code: 'ADU', title: 'Adult Readers’ Advisory' },
  { id: 's7', code: 'SUP', title: 'Supervision and Management of Library Staff in Small Libraries' },
];

const data = (overrides: Partial<CertificateData> = {}): CertificateData => ({
  ...certificateData({
    certification: {
      number: 'CLSS-2026-000042',
      status: 'active',
      certifiedOn: '2026-11-20',
      expiresOn: '2030-11-20',
    },
    application: { givenName: 'Zoë Ngọc', familyName: 'Ångström' },
    frameworkSets: sets,
    achievements: [
      { setId: 's7', how: 'agreement', achievedOn: '2026-11-20' },
      { setId: 's1', how: 'course', achievedOn: '2025-03-02' },
      { setId: 's2', how: 'course', achievedOn: '2025-06-10' },
      { setId: 's3', how: 'portfolio', achievedOn: '2026-01-15' },
      { setId: 's4', how: 'course', achievedOn: '2026-04-01' },
      { setId: 's6', how: 'portfolio', achievedOn: '2026-09-30' },
    ],
    baseUrl: 'https://lssc.example.org/',
  }),
  ...overrides,
});

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** The `x y w h re` rectangles the page draws (the QR modules are the only ones drawn that way). */
async function rectanglesOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams: PDFStream[] =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => doc.context.lookup(ref) as PDFStream)
      : [contents as PDFStream];
  const source = streams
    .map((s) => {
      const raw = Buffer.from((s as PDFRawStream).contents);
      return s.dict.get(PDFName.of('Filter')) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    })
    .join('\n');
  return [...source.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) =>
    m.slice(1, 5).map(Number),
  ) as Array<[number, number, number, number]>;
}

/** Paint the rectangles on a white canvas (4 pixels a point) and read the QR code from it. */
function decodeQr(rects: Array<[number, number, number, number]>): string | undefined {
  const scale = 4;
  const margin = 20;
  const width = QR_BOX.size * scale + 2 * margin;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [x, y, w, h] of rects) {
    // Edges rounded, not sizes: neighbouring modules meet without a hairline gap.
    const px = (v: number) => Math.round((v - QR_BOX.x) * scale) + margin;
    const py = (v: number) => Math.round((QR_BOX.y + QR_BOX.size - v) * scale) + margin;
    for (let row = py(y + h); row < py(y); row++)
      for (let col = px(x); col < px(x + w); col++) {
        const i = (row * width + col) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('certificateData', () => {
  it('lists the achieved sets in framework order, with the holder name and the verification address', () => {
    const d = data();
    expect(d.holderName).toBe('Zoë Ngọc Ångström');
    expect(d.designation).toBe('Library Support Staff Certification');
    expect(d.sets.map((s) => s.code)).toEqual(['FND', 'COM', 'TEC', 'CAT', 'ADU', 'SUP']);
    expect(d.sets[0]).toEqual({
      code: 'FND',
      title: 'Foundations of Library Service',
      how: 'course',
      achievedOn: '2025-03-02',
    });
    expect(d.verificationUrl).toBe('https://lssc.example.org/verify/CLSS-2026-000042');
    expect(d.validUntil).toBe('2030-11-20');
  });
});

describe('certificatePdf', () => {
  it('is one US Letter landscape page', async () => {
    const doc = await PDFDocument.load(await certificatePdf(data()));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: PAGE.width, height: PAGE.height });
    expect(doc.getTitle()).toBe('Library Support Staff Certification: Zoë Ngọc Ångström');
  });

  it('prints the name (accents kept), number, dates, designation, every set and the address', async () => {
    const bytes = await certificatePdf(data());
    const text = await textOf(bytes);
    for (const expected of [
      'Zoë Ngọc Ångström',
      'CLSS-2026-000042',
      'Library Support Staff Certification',
      'Certified on 20 November 2026',
      'Valid until 20 November 2030',
      'https://lssc.example.org/verify/CLSS-2026-000042',
      'Foundations of Library Service',
      'Communication and Teamwork',
      'Technology',
      'Cataloging and Processing',
      'Adult Readers’ Advisory',
      'Achieved by portfolio, 30 September 2026',
      'Achieved by agreement, 20 November 2026',
    ])
      expect(text).toContain(expected);
    // A long title wraps, but every word of it is there in order.
    expect(text).toMatch(/Supervision and Management of Library Staff in\s?Small Libraries/);
    expect(text).not.toContain('Youth Services');
    expect(text).not.toContain('Provisional');
    // The font is embedded as a subset: the file stays light for slow connections.
    expect(bytes.byteLength).toBeLessThan(60_000);
  });

  it('prints names in Greek and Cyrillic too', async () => {
    const text = await textOf(await certificatePdf(data({ holderName: 'Σοφία Ιωάννου Наталья' })));
    expect(text).toContain('Σοφία Ιωάννου Наталья');
  });

  it('says when the certification is provisional', async () => {
    const text = await textOf(await certificatePdf(data({ status: 'provisional' })));
    expect(text).toContain('Provisional');
  });

  it('draws a QR code that reads back as the verification address', async () => {
    const rects = await rectanglesOf(await certificatePdf(data()));
    expect(rects.length).toBeGreaterThan(50);
    for (const [x, y, w, h] of rects) {
      expect(x).toBeGreaterThanOrEqual(QR_BOX.x);
      expect(y).toBeGreaterThanOrEqual(QR_BOX.y);
      expect(x + w).toBeLessThanOrEqual(QR_BOX.x + QR_BOX.size + 0.01);
      expect(y + h).toBeLessThanOrEqual(QR_BOX.y + QR_BOX.size + 0.01);
    }
    expect(decodeQr(rects)).toBe('https://lssc.example.org/verify/CLSS-2026-000042');
    const other = await rectanglesOf(
      await certificatePdf(data({ verificationUrl: 'https://x.example/verify/A' })),
    );
    expect(decodeQr(other)).toBe('https://x.example/verify/A');
  });
});
