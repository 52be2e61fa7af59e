import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import {
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { AchievedHow, CertificateData } from './certificate-data.js';

/** US Letter, landscape, in points. */
export const PAGE = { width: 792, height: 612 } as const;
/** Where the QR code sits and how wide it is: tests read it back from here. */
export const QR_BOX = { x: 792 - 72 - 96, y: 64, size: 96 } as const;

const INK = rgb(0.11, 0.16, 0.27);
const ACCENT = rgb(0.55, 0.38, 0.12);
const MUTED = rgb(0.33, 0.36, 0.42);

/*
 * Names and set titles can hold any letter (Zoë, Ngọc, Ångström, Cyrillic, Greek…); the 14 standard PDF
 * fonts only cover WinAnsi, so everything that comes from people or data is set in DejaVu Sans (free
 * licence, fonts/DejaVuSans-LICENSE.txt), embedded as a subset so the file stays small. The fixed English
 * wording uses Times. Scripts DejaVu Sans lacks (Chinese, Japanese, Korean, most Indic scripts) would print
 * as empty boxes; the holder's name is also on the verification page, which the browser renders fully.
 */
let dejaVuBytes: Uint8Array | undefined;
/** The bundled DejaVu Sans bytes, read once; receipts and invoices embed the same font. */
export const dejaVu = () => {
  dejaVuBytes ??= readFileSync(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
  return dejaVuBytes;
};

interface Fonts {
  text: PDFFont;
  serif: PDFFont;
  serifBold: PDFFont;
  serifItalic: PDFFont;
}

const HOW: Record<AchievedHow, string> = {
  course: 'by course',
  portfolio: 'by portfolio',
  agreement: 'by agreement',
};

/** Draw the certificate: the data in, the PDF file out. Nothing here reads the database. */
export async function certificatePdf(data: CertificateData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${data.designation}: ${data.holderName}`);
  doc.setSubject(`Certificate ${data.number}`);
  doc.setAuthor('Library Support Staff Certification program');
  doc.setCreator('lssc');
  doc.setLanguage('en-US');
  const fonts: Fonts = {
    text: await doc.embedFont(dejaVu(), { subset: true }),
    serif: await doc.embedFont(StandardFonts.TimesRoman),
    serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
    serifItalic: await doc.embedFont(StandardFonts.TimesRomanItalic),
  };
  const page = doc.addPage([PAGE.width, PAGE.height]);

  drawBorder(page);
  drawHeading(page, fonts, data);
  drawSets(page, fonts, data);
  drawQr(page, data.verificationUrl);
  const caption = 'Check this certificate at';
  centred(page, caption, fonts.serif, 9, QR_BOX.x + QR_BOX.size / 2, QR_BOX.y - 14, MUTED);
  const urlSize = fitSize(fonts.text, data.verificationUrl, 7, 200);
  rightAligned(page, data.verificationUrl, fonts.text, urlSize, QR_BOX.x + QR_BOX.size, QR_BOX.y - 25, MUTED);

  return doc.save();
}

function drawBorder(page: PDFPage) {
  page.drawRectangle({
    x: 20,
    y: 20,
    width: PAGE.width - 40,
    height: PAGE.height - 40,
    borderColor: INK,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 28,
    y: 28,
    width: PAGE.width - 56,
    height: PAGE.height - 56,
    borderColor: ACCENT,
    borderWidth: 1,
  });
}

function drawHeading(page: PDFPage, f: Fonts, data: CertificateData) {
  const mid = PAGE.width / 2;
  centred(page, 'CERTIFICATE', f.serifBold, 30, mid, 520, INK, 6);
  centred(page, 'This certifies that', f.serifItalic, 15, mid, 480, MUTED);
  const nameSize = fitSize(f.text, data.holderName, 34, PAGE.width - 160);
  centred(page, data.holderName, f.text, nameSize, mid, 432, INK);
  page.drawLine({
    start: { x: mid - 230, y: 422 },
    end: { x: mid + 230, y: 422 },
    thickness: 0.75,
    color: ACCENT,
  });
  centred(page, 'has met every requirement of the', f.serifItalic, 15, mid, 394, MUTED);
  centred(page, data.designation, f.serifBold, 24, mid, 362, INK);
  const dates = `Certified on ${formatCalendarDate(data.certifiedOn)}   ·   Valid until ${formatCalendarDate(data.validUntil)}`;
  centred(page, dates, f.text, 11, mid, 330, INK);
  centred(page, `Certificate number ${data.number}`, f.text, 11, mid, 312, INK);
  if (data.status === 'provisional') {
    const note = 'Provisional: full certification follows once the required hours of library work are met.';
    centred(page, note, f.serifItalic, 11, mid, 294, ACCENT);
  }
}

/** The sets achieved, under the heading: one column for a few, two for many; long titles wrap. */
function drawSets(page: PDFPage, f: Fonts, data: CertificateData) {
  const left = 72;
  const top = 266;
  page.drawText('Competency sets achieved', { x: left, y: top, size: 12, font: f.serifBold, color: INK });
  const columns = data.sets.length > 5 ? 2 : 1;
  const area = QR_BOX.x - 24 - left;
  const columnWidth = (area - (columns - 1) * 20) / columns;
  const perColumn = Math.ceil(data.sets.length / columns);
  // Fewer lines get more room: the size shrinks only when the list is long.
  const size = perColumn > 6 ? 7.5 : 9;
  const lineGap = size * 1.3;
  const cursor: number[] = [];
  data.sets.forEach((set, i) => {
    const column = Math.floor(i / perColumn);
    if (i % perColumn === 0) cursor[column] = top - 20;
    const x = left + column * (columnWidth + 20);
    let y = cursor[column]!;
    const lines = wrap(f.text, `${set.code}  ${set.title}`, size, columnWidth);
    for (const line of lines) {
      page.drawText(line, { x, y, size, font: f.text, color: INK });
      y -= lineGap;
    }
    const detail = `Achieved ${HOW[set.how]}, ${formatCalendarDate(set.achievedOn)}`;
    page.drawText(detail, { x, y, size: size - 1, font: f.text, color: MUTED });
    cursor[column] = y - lineGap * 1.2;
  });
}

/**
 * The QR code of the verification address: each run of dark modules in a row is one rectangle of a
 * single filled path, which keeps the file small and lets tests rebuild the matrix from the page.
 */
function drawQr(page: PDFPage, url: string) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = QR_BOX.size / (modules.size + 2 * quiet);
  const origin = { x: QR_BOX.x + quiet * cell, y: QR_BOX.y + QR_BOX.size - quiet * cell };
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      const y = origin.y - (row + 1) * cell;
      ops.push(rectangle(round(origin.x + start * cell), round(y), round((col - start) * cell), round(cell)));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function fitSize(font: PDFFont, text: string, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width ? size : Math.max(6, Math.floor(((size * width) / w) * 10) / 10);
}

function centred(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  mid: number,
  y: number,
  color = INK,
  letterSpacing = 0,
) {
  const width = font.widthOfTextAtSize(text, size) + letterSpacing * Math.max(text.length - 1, 0);
  if (letterSpacing === 0) {
    page.drawText(text, { x: mid - width / 2, y, size, font, color });
    return;
  }
  let x = mid - width / 2;
  for (const ch of text) {
    page.drawText(ch, { x, y, size, font, color });
    x += font.widthOfTextAtSize(ch, size) + letterSpacing;
  }
}

function rightAligned(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  right: number,
  y: number,
  color = INK,
) {
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y, size, font, color });
}

/** Break text into lines no wider than width, at spaces (a single over-long word stays whole). */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
