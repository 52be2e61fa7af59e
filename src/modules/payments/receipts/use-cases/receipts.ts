import { type Ctx, transact } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import { UUID_PATTERN } from '../../../../platform/ids.js';
import { requireRole, requireUser } from '../../../accounts/access.js';
import { type ReceiptData, receiptData } from '../receipt-data.js';
import { receiptPdf } from '../receipt-pdf.js';
import { ensureReceiptNumber, findPayment, type PaymentWithReceipt, paymentsOfPayer } from '../repository.js';

export interface ReceiptFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Number the payments that have no receipt yet (one transaction, oldest first), and gather their data. */
async function numbered(ctx: Ctx, rows: PaymentWithReceipt[]): Promise<ReceiptData[]> {
  const missing = rows.filter((r) => !r.receiptNumber);
  if (missing.length > 0) {
    const year = Number(ctx.clock.today().slice(0, 4));
    const now = ctx.clock.now();
    await transact(ctx, async (w) => {
      for (const r of missing) r.receiptNumber = await ensureReceiptNumber(w.tx, r.entry.id, year, now);
    });
  }
  return rows.map((r) => receiptData({ ...r, receiptNumber: r.receiptNumber! }));
}

/** The signed-in person's receipts: one per payment they made, numbered on first need. */
export async function listMyReceipts(ctx: Ctx): Promise<ReceiptData[]> {
  const user = requireUser(ctx.actor);
  return numbered(ctx, await paymentsOfPayer(ctx.db, user.userId));
}

async function render(ctx: Ctx, row: PaymentWithReceipt): Promise<ReceiptFile> {
  const [data] = await numbered(ctx, [row]);
  return { fileName: `${data!.number}.pdf`, bytes: await receiptPdf(data!) };
}

/** A receipt of one's own; someone else's answers 404, as if it did not exist. */
export async function downloadMyReceipt(ctx: Ctx, ledgerEntryId: string): Promise<ReceiptFile> {
  const user = requireUser(ctx.actor);
  const row = UUID_PATTERN.test(ledgerEntryId) ? await findPayment(ctx.db, ledgerEntryId) : undefined;
  if (!row || row.fee.payerUserId !== user.userId) throw notFound('That receipt');
  return render(ctx, row);
}

/** Staff may download the receipt of any payment. */
export async function downloadReceiptForStaff(ctx: Ctx, ledgerEntryId: string): Promise<ReceiptFile> {
  requireRole(ctx.actor, 'staff', 'admin');
  const row = UUID_PATTERN.test(ledgerEntryId) ? await findPayment(ctx.db, ledgerEntryId) : undefined;
  if (!row) throw notFound('That receipt');
  return render(ctx, row);
}
