import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { dejaVu } from '../../certification/certificate-pdf.js';
import type { ReceiptData } from './receipt-data.js';

const INK = rgb(0.11, 0.16, 0.27);
const MUTED = rgb(0.33, 0.36, 0.42);

/** Draw a receipt (US Letter, portrait): the data in, the PDF out. Names may hold any letter, so all text is DejaVu Sans. */
export async function receiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Receipt ${data.number}`);
  doc.setAuthor(data.programName);
  doc.setCreator('lssc');
  doc.setLanguage('en-US');
  const font = await doc.embedFont(dejaVu(), { subset: true });
  const page = doc.addPage([612, 792]);
  let y = 720;
  const line = (text: string, size = 11, color = INK, gap = 18) => {
    page.drawText(text, { x: 72, y, size, font, color });
    y -= gap;
  };
  line(data.programName, 16, INK, 22);
  for (const l of data.officeLines) line(l, 9, MUTED, 12);
  y -= 24;
  line(`Receipt ${data.number}`, 20, INK, 36);
  const rows: Array<[string, string]> = [
    ['Received from', data.payerName],
    ['For', data.forWhat],
    ['Amount', data.amount],
    ['Paid by', data.reference ? `${data.method} (${data.reference})` : data.method],
    ['Date', formatCalendarDate(data.paidOn)],
  ];
  for (const [label, value] of rows) {
    page.drawText(label, { x: 72, y, size: 11, font, color: MUTED });
    page.drawText(value, { x: 200, y, size: 11, font, color: INK });
    y -= 22;
  }
  y -= 24;
  line('Thank you. Keep this receipt for your records.', 10, MUTED);
  return doc.save();
}
