import { formatCalendarDate } from '../../lib/calendar-date.js';
import { formatMoney, money } from '../../lib/money.js';
import type { InvoiceView } from './use-cases/view-invoice.js';

/** Everything the invoice PDF prints, as text: gathering is kept apart from drawing. */
export interface InvoiceDocument {
  number: string;
  issuedOn: string;
  dueOn: string;
  poNumber: string;
  billTo: string[];
  lines: Array<{ position: string; name: string; email: string; rate: string; amount: string }>;
  total: string;
  paid: string;
  due: string;
  credit: string | null;
  note: string | null;
}

export function invoiceDocument(view: InvoiceView): InvoiceDocument {
  const fmt = (cents: number) => formatMoney(money(cents, view.invoice.currency));
  const anyUnknown = view.lines.some((l) => l.memberUnknown);
  return {
    number: view.invoice.number,
    issuedOn: formatCalendarDate(view.invoice.issuedOn),
    dueOn: formatCalendarDate(view.invoice.dueOn),
    poNumber: view.poNumber,
    billTo: [
      view.institution.name,
      ...view.institution.billingAddress.split(/\r?\n/).map((l) => l.trim()),
    ].filter((l) => l !== ''),
    lines: view.lines.map((l) => ({
      position: String(l.position),
      name: l.name,
      email: l.email,
      rate: l.member ? 'ALA member' : l.memberUnknown ? 'Non-member*' : 'Non-member',
      amount: fmt(l.amountCents),
    })),
    total: fmt(view.invoice.totalCents),
    paid: fmt(view.paidCents),
    due: fmt(view.dueCents),
    credit: view.creditCents > 0 ? fmt(view.creditCents) : null,
    note: anyUnknown
      ? '* Not yet applied, so ALA membership is not known: the non-member application fee is charged.'
      : null,
  };
}
