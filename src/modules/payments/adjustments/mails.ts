import { formatMoney, money } from '../../../lib/money.js';
import type { OutgoingMail } from '../../../platform/mail/outbox.js';
import type { methodLabels } from './view.js';

interface Person {
  email: string;
  displayName: string;
}

const refundRoute = {
  card: 'It goes back to the card you paid with; your bank may take a few days to show it.',
  check: 'We will mail you a check.',
  bank_transfer: 'We will send it to your bank account by transfer.',
  none: '',
} as const;

export function refundMail(
  payer: Person,
  r: {
    amountCents: number;
    currency: string;
    method: keyof typeof refundRoute;
    feeLabel: string;
    reason: string;
  },
): OutgoingMail {
  const amount = formatMoney(money(r.amountCents, r.currency));
  return {
    to: payer.email,
    template: 'payment-refunded',
    subject: `Refund of ${amount}: ${r.feeLabel.toLowerCase()}`,
    text: [
      `Hello ${payer.displayName},`,
      '',
      `We are refunding ${amount} of your ${r.feeLabel.toLowerCase()}.`,
      `Reason: ${r.reason}`,
      refundRoute[r.method],
      '',
      'If you have questions, reply to this email or contact the program office.',
    ].join('\n'),
  };
}

export function reductionMail(
  payer: Person,
  r: {
    amountCents: number;
    dueCents: number;
    currency: string;
    feeLabel: string;
    reason: string;
    award: boolean;
  },
): OutgoingMail {
  const amount = formatMoney(money(r.amountCents, r.currency));
  return {
    to: payer.email,
    template: r.award ? 'fee-award' : 'fee-waiver',
    subject: `Your ${r.feeLabel.toLowerCase()} was reduced by ${amount}`,
    text: [
      `Hello ${payer.displayName},`,
      '',
      `${r.award ? 'An award' : 'A waiver'} of ${amount} was applied to your ${r.feeLabel.toLowerCase()}.`,
      `Reason: ${r.reason}`,
      r.dueCents <= 0
        ? 'Nothing more is due on this fee.'
        : `${formatMoney(money(r.dueCents, r.currency))} is still due.`,
    ].join('\n'),
  };
}

export function requesterMail(
  requester: Person,
  r: {
    kindLabel: string;
    amount: string;
    feeLabel: string;
    outcome: 'approved' | 'declined';
    deciderName: string;
    note: string | null;
    method: keyof typeof methodLabels;
  },
): OutgoingMail {
  return {
    to: requester.email,
    template: `payment-adjustment-${r.outcome}`,
    subject: `${r.kindLabel} of ${r.amount} ${r.outcome}`,
    text: [
      `Hello ${requester.displayName},`,
      '',
      `${r.deciderName} ${r.outcome} your request: ${r.kindLabel.toLowerCase()} of ${r.amount} on the ${r.feeLabel.toLowerCase()}.`,
      ...(r.note ? ['', `Their note: ${r.note}`] : []),
      ...(r.outcome === 'approved' && r.method === 'check' && r.kindLabel === 'Refund'
        ? ['', 'Please send the refund check.']
        : []),
    ].join('\n'),
  };
}
