import type { Work } from '../../platform/context.js';
import { type FeeRow, insertFee } from './repository.js';
import type { FeeKind } from './schema.js';

/** Charge a fee for something (an application, a course application…): the fee, its charge entry and the audit event. */
export async function chargeFee(
  w: Work,
  charge: {
    kind: FeeKind;
    subjectId: string;
    payerUserId: string;
    member: boolean;
    currency: string;
    amountCents: number;
    now: Date;
  },
): Promise<FeeRow> {
  const row = await insertFee(w.tx, { ...charge, actorId: charge.payerUserId });
  await w.audit({
    action: 'fee.created',
    subjectType: 'fee',
    subjectId: row.id,
    after: {
      kind: charge.kind,
      member: charge.member,
      amountCents: charge.amountCents,
      subjectId: charge.subjectId,
    },
  });
  return row;
}
