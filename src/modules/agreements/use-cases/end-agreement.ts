import { compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, notFound, validationFailed } from '../../../platform/errors.js';
import { parseInput } from '../../applications/validate.js';
import { checkId, requireStaff } from '../access.js';
import { endSchema } from '../forms.js';
import { type AgreementRow, endAgreementRow, findAgreement } from '../repository.js';

/**
 * Staff end an agreement: graduates up to the given last graduation date still count (their
 * degrees were earned under it), later ones do not. A new agreement may then be signed.
 */
export async function endAgreement(ctx: Ctx, agreementId: string, raw: unknown): Promise<AgreementRow> {
  const staff = requireStaff(ctx);
  checkId(agreementId, 'That agreement');
  const input = parseInput(endSchema, raw);
  return transact(ctx, async (w) => {
    const before = await findAgreement(w.tx, agreementId);
    if (!before) throw notFound('That agreement');
    if (before.status === 'ended') throw invalidState(`Agreement ${before.reference} has already ended.`);
    if (compareDates(input.endsOn, before.effectiveFrom) < 0)
      throw validationFailed({
        endsOn: `The last graduation date cannot be before the effective date, ${formatCalendarDate(before.effectiveFrom)}`,
      });
    const ended = await endAgreementRow(w.tx, agreementId, {
      endsOn: input.endsOn,
      endedBy: staff.userId,
      endedAt: ctx.clock.now(),
    });
    if (!ended) throw invalidState(`Agreement ${before.reference} has already ended.`);
    await w.audit({
      action: 'agreement.ended',
      subjectType: 'agreement',
      subjectId: agreementId,
      before: { status: before.status, endsOn: before.endsOn },
      after: { status: 'ended', endsOn: input.endsOn },
    });
    return ended;
  });
}
