import { formatMoney, money } from '../../lib/money.js';
import { notFound } from '../../platform/errors.js';
import { methodWords, PROGRAM_NAME, type ReceiptData } from '../payments/receipts/receipt-data.js';
import { officeAddressLines } from '../policy/program-office.js';
import type { InvoiceView } from './use-cases/view-invoice.js';

/**
 * The receipt an institution gets for one payment against its invoice. Its number is the invoice's
 * with the payment's place on it ("INV-2026-000123/2"): payments on an invoice are only ever added,
 * so the number never changes, and it says at once which invoice it settles. (Applicants' own
 * receipts, RCT-…, are for the ledger entries the payment made on their fees.)
 */
export function invoicePaymentReceipt(view: InvoiceView, paymentId: string): ReceiptData {
  const place = view.payments.findIndex((p) => p.id === paymentId);
  const payment = view.payments[place];
  if (!payment) throw notFound('That payment');
  return {
    id: payment.id,
    number: `${view.invoice.number}/${place + 1}`,
    payerName: view.institution.name,
    payerEmail: '',
    forWhat: `Invoice ${view.invoice.number} (purchase order ${view.poNumber})`,
    amountCents: payment.amountCents,
    currency: view.invoice.currency,
    amount: formatMoney(money(payment.amountCents, view.invoice.currency)),
    method: methodWords[payment.method],
    reference: payment.reference,
    paidOn: payment.receivedOn,
    programName: PROGRAM_NAME,
    officeLines: officeAddressLines,
  };
}
