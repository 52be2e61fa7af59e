import { type CalendarDate, todayFromInstant } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { officeAddressLines } from '../../policy/program-office.js';
import { feeKindLabels } from '../fee-payment.js';
import type { PaymentWithReceipt } from './repository.js';

export const PROGRAM_NAME = 'Library Support Staff Certification program';

export const methodWords = {
  card: 'Card',
  check: 'Check',
  bank_transfer: 'Bank transfer',
  none: 'Other',
} as const;

/** Everything printed on a receipt, gathered apart from the drawing (and shown in lists and the API). */
export interface ReceiptData {
  id: string;
  number: string;
  payerName: string;
  payerEmail: string;
  forWhat: string;
  amountCents: number;
  currency: string;
  amount: string;
  method: string;
  reference: string | null;
  paidOn: CalendarDate;
  programName: string;
  officeLines: readonly string[];
}

export function receiptData(p: PaymentWithReceipt & { receiptNumber: string }): ReceiptData {
  return {
    id: p.entry.id,
    number: p.receiptNumber,
    payerName: p.payerName,
    payerEmail: p.payerEmail,
    forWhat: `${feeKindLabels[p.fee.kind]}${p.applicationNumber ? ` for application ${p.applicationNumber}` : ''}`,
    amountCents: p.entry.amountCents,
    currency: p.fee.currency,
    amount: formatMoney(money(p.entry.amountCents, p.fee.currency)),
    method: methodWords[p.entry.method],
    reference: p.entry.method === 'card' ? null : p.entry.reference,
    paidOn: todayFromInstant(p.entry.createdAt, 'UTC'),
    programName: PROGRAM_NAME,
    officeLines: officeAddressLines,
  };
}
