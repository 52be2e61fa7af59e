import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { dejaVu } from '../certification/certificate-pdf.js';
import type { InvoiceDocument } from './invoice-data.js';

/** US Letter, portrait, in points. */
const PAGE = { width: 612, height: 792 } as const;
const MARGIN = 54;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.36, 0.42);
const ROW = 16;
const COLUMNS = {
  position: MARGIN,
  name: MARGIN + 24,
  email: MARGIN + 190,
  rate: MARGIN + 370,
  amountRight: PAGE.width - MARGIN,
};

interface Fonts {
  text: PDFFont;
  bold: PDFFont;
}

/**
 * The invoice as a PDF: heading, bill-to, one line per applicant, totals. Names and addresses come
 * from people, so they are set in DejaVu Sans (any letter); long lists run onto more pages.
 */
export async function invoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`Invoice ${doc.number}`);
  pdf.setAuthor('Library Support Staff Certification program');
  pdf.setCreator('lssc');
  pdf.setLanguage('en-US');
  const fonts: Fonts = {
    text: await pdf.embedFont(dejaVu(), { subset: true }),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = drawHeader(page, fonts, doc);
  y = drawColumnHeads(page, fonts, y);
  for (const line of doc.lines) {
    if (y < MARGIN + 4 * ROW) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      page.drawText(`Invoice ${doc.number} (continued)`, {
        x: MARGIN,
        y: PAGE.height - MARGIN,
        size: 11,
        font: fonts.bold,
        color: INK,
      });
      y = drawColumnHeads(page, fonts, PAGE.height - MARGIN - 2 * ROW);
    }
    const text = (s: string, x: number, width: number) =>
      page.drawText(fitText(fonts.text, s, 9, width), { x, y, size: 9, font: fonts.text, color: INK });
    text(line.position, COLUMNS.position, 20);
    text(line.name, COLUMNS.name, 160);
    text(line.email, COLUMNS.email, 175);
    text(line.rate, COLUMNS.rate, 80);
    right(page, line.amount, fonts.text, 9, COLUMNS.amountRight, y);
    y -= ROW;
  }
  if (y < MARGIN + 6 * ROW) {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
  }
  y = drawTotals(page, fonts, doc, y - ROW / 2);
  if (doc.note) page.drawText(doc.note, { x: MARGIN, y: y - ROW, size: 8, font: fonts.text, color: MUTED });
  return pdf.save();
}

function drawHeader(page: PDFPage, f: Fonts, doc: InvoiceDocument): number {
  let y = PAGE.height - MARGIN;
  page.drawText('Library Support Staff Certification', {
    x: MARGIN,
    y,
    size: 12,
    font: f.bold,
    color: MUTED,
  });
  y -= 30;
  page.drawText(`Invoice ${doc.number}`, { x: MARGIN, y, size: 20, font: f.bold, color: INK });
  y -= 28;
  const facts: Array<[string, string]> = [
    ['Issued', doc.issuedOn],
    ['Due', doc.dueOn],
    ['Purchase order', doc.poNumber],
  ];
  for (const [label, value] of facts) {
    page.drawText(label, { x: MARGIN, y, size: 10, font: f.bold, color: INK });
    page.drawText(value, { x: MARGIN + 100, y, size: 10, font: f.text, color: INK });
    y -= ROW;
  }
  y -= ROW / 2;
  page.drawText('Bill to', { x: MARGIN, y, size: 10, font: f.bold, color: INK });
  for (const line of doc.billTo) {
    page.drawText(fitText(f.text, line, 10, 380), { x: MARGIN + 100, y, size: 10, font: f.text, color: INK });
    y -= ROW;
  }
  return y - ROW;
}

function drawColumnHeads(page: PDFPage, f: Fonts, y: number): number {
  const head = (s: string, x: number) => page.drawText(s, { x, y, size: 9, font: f.bold, color: INK });
  head('#', COLUMNS.position);
  head('Applicant', COLUMNS.name);
  head('Email', COLUMNS.email);
  head('Fee', COLUMNS.rate);
  right(page, 'Amount', f.bold, 9, COLUMNS.amountRight, y);
  page.drawLine({
    start: { x: MARGIN, y: y - 5 },
    end: { x: PAGE.width - MARGIN, y: y - 5 },
    thickness: 0.5,
    color: MUTED,
  });
  return y - ROW - 2;
}

function drawTotals(page: PDFPage, f: Fonts, doc: InvoiceDocument, top: number): number {
  let y = top;
  page.drawLine({
    start: { x: MARGIN, y: y + ROW - 5 },
    end: { x: PAGE.width - MARGIN, y: y + ROW - 5 },
    thickness: 0.5,
    color: MUTED,
  });
  const rows: Array<[string, string]> = [
    ['Total', doc.total],
    ['Paid', doc.paid],
    ['Amount due', doc.due],
  ];
  if (doc.credit) rows.push(['Credit', doc.credit]);
  for (const [label, value] of rows) {
    right(page, label, f.bold, 10, COLUMNS.amountRight - 90, y);
    right(page, value, f.text, 10, COLUMNS.amountRight, y);
    y -= ROW;
  }
  return y;
}

function right(page: PDFPage, s: string, font: PDFFont, size: number, xRight: number, y: number) {
  page.drawText(s, { x: xRight - font.widthOfTextAtSize(s, size), y, size, font, color: INK });
}

/** Cut text that would run into the next column, with an ellipsis. */
function fitText(font: PDFFont, s: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  let cut = s;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
