import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { contentDisposition } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import type { ReceiptData } from './receipt-data.js';
import {
  downloadMyReceipt,
  downloadReceiptForStaff,
  listMyReceipts,
  type ReceiptFile,
} from './use-cases/receipts.js';

const idParams = z.object({ id: z.string().max(64) });
export const RECEIPTS_PATH = '/payments/receipts';

/** A download, kept out of shared caches (it names a person). */
function sendReceipt(reply: FastifyReply, file: ReceiptFile) {
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(file.bytes));
}

function ReceiptsPage({ items }: { items: ReceiptData[] }) {
  return (
    <>
      <p>
        <a href="/dashboard">Back to your dashboard</a>
      </p>
      <h1>Your receipts</h1>
      {items.length === 0 ? (
        <p>You have no payments yet, so there are no receipts.</p>
      ) : (
        <table>
          <caption>One receipt for each payment, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Receipt</th>
              <th scope="col">For</th>
              <th scope="col">Date</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`${RECEIPTS_PATH}/${r.id}.pdf`}>{r.number} (PDF)</a>
                </th>
                <td>{r.forWhat}</td>
                <td>{formatCalendarDate(r.paidOn)}</td>
                <td>{r.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const receiptOut = z.object({
  id: z.string().describe('The payment (ledger entry) id; download at /api/v1/me/receipts/{id}.pdf'),
  number: z.string().describe('RCT-YYYY-NNNNNN'),
  forWhat: z.string(),
  amountCents: z.int(),
  currency: z.string(),
  method: z.string(),
  paidOn: z.string(),
});

/** Receipts: the payer's list and downloads (page and API), and staff downloads of any receipt. */
export function registerReceiptRoutes(app: App): void {
  app.get(RECEIPTS_PATH, { schema: { hide: true } }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: 'Your receipts' },
      <ReceiptsPage items={await listMyReceipts(ctxFrom(req))} />,
    ),
  );
  app.get(`${RECEIPTS_PATH}/:id.pdf`, { schema: { hide: true, params: idParams } }, async (req, reply) =>
    sendReceipt(reply, await downloadMyReceipt(ctxFrom(req), req.params.id)),
  );
  app.get(
    '/api/v1/me/receipts',
    {
      schema: {
        tags: ['payments'],
        summary: 'Your receipts, one per payment',
        response: { 200: z.object({ items: z.array(receiptOut) }) },
      },
    },
    async (req) => ({
      items: (await listMyReceipts(ctxFrom(req))).map((r) => ({
        id: r.id,
        number: r.number,
        forWhat: r.forWhat,
        amountCents: r.amountCents,
        currency: r.currency,
        method: r.method,
        paidOn: r.paidOn,
      })),
    }),
  );
  app.get(
    '/api/v1/me/receipts/:id.pdf',
    {
      schema: {
        tags: ['payments'],
        summary: 'One of your receipts as a PDF file',
        params: idParams,
        response: { 200: z.string().meta({ format: 'binary' }).describe('The receipt (PDF)') },
      },
    },
    async (req, reply) => sendReceipt(reply, await downloadMyReceipt(ctxFrom(req), req.params.id)),
  );
  app.get(
    '/staff/payments/receipts/:id.pdf',
    { schema: { hide: true, params: idParams } },
    async (req, reply) => sendReceipt(reply, await downloadReceiptForStaff(ctxFrom(req), req.params.id)),
  );
}
