import { formatMoney, money } from '../../../lib/money.js';
import { feeKindLabels } from '../fee-payment.js';
import type { ListedAdjustment } from './repository.js';
import type { PaymentAdjustmentKind } from './schema.js';

export const adjustmentKindLabels: Record<PaymentAdjustmentKind, string> = {
  refund: 'Refund',
  waiver: 'Waiver',
  award: 'Award',
  check_payment: 'Check over the approval limit',
};

export const methodLabels = {
  card: 'Card',
  check: 'Check',
  bank_transfer: 'Bank transfer',
  none: '—',
} as const;

/** What staff pages and the API show of a request. */
export interface AdjustmentView {
  id: string;
  feeId: string;
  kind: PaymentAdjustmentKind;
  kindLabel: string;
  state: ListedAdjustment['adjustment']['state'];
  amountCents: number;
  amount: string;
  currency: string;
  method: ListedAdjustment['adjustment']['method'];
  reference: string | null;
  reason: string;
  receivedOn: string | null;
  feeLabel: string;
  applicationId: string | null;
  applicationNumber: string | null;
  payerName: string;
  requestedBy: string;
  requesterName: string;
  requestedAt: string;
  decidedBy: string | null;
  deciderName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  ledgerEntryId: string | null;
}

export function toAdjustmentView(row: ListedAdjustment): AdjustmentView {
  const a = row.adjustment;
  return {
    id: a.id,
    feeId: a.feeId,
    kind: a.kind,
    kindLabel: adjustmentKindLabels[a.kind],
    state: a.state,
    amountCents: a.amountCents,
    amount: formatMoney(money(a.amountCents, row.currency)),
    currency: row.currency,
    method: a.method,
    reference: a.reference,
    reason: a.reason,
    receivedOn: a.receivedOn,
    feeLabel: `${feeKindLabels[row.feeKind]}${row.applicationNumber ? ` for ${row.applicationNumber}` : ''}`,
    applicationId: row.feeKind === 'application' ? row.feeSubjectId : null,
    applicationNumber: row.applicationNumber,
    payerName: row.payerName,
    requestedBy: a.requestedBy,
    requesterName: row.requesterName,
    requestedAt: a.requestedAt.toISOString(),
    decidedBy: a.decidedBy,
    deciderName: row.deciderName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
    ledgerEntryId: a.ledgerEntryId,
  };
}
