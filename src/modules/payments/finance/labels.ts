import type { AgeBucket } from './repository.js';

export const FINANCE_PATH = '/staff/finance';
export const PAYMENTS_PATH = `${FINANCE_PATH}/payments`;
export const OUTSTANDING_PATH = `${FINANCE_PATH}/outstanding-invoices`;
export const REFUNDS_OWED_PATH = `${FINANCE_PATH}/refunds-owed`;
export const RECONCILIATION_PATH = `${FINANCE_PATH}/reconciliation`;

export const methodLabels: Record<string, string> = {
  card: 'Card',
  check: 'Check',
  bank_transfer: 'Bank transfer',
  none: 'No money moved',
};
export const methodLabel = (m: string) => methodLabels[m] ?? m;

export const bucketLabels: Record<AgeBucket, string> = {
  not_due: 'Not yet due',
  '1_30': '1 to 30 days past due',
  '31_60': '31 to 60 days past due',
  '61_90': '61 to 90 days past due',
  over_90: 'Over 90 days past due',
};

export const kindLabels: Record<string, string> = {
  charge: 'Charges',
  payment: 'Payments',
  refund: 'Refunds',
  waiver: 'Waivers',
  award: 'Awards',
};
export const kindLabel = (k: string) => kindLabels[k] ?? k;
