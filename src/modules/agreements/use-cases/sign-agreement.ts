import { compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError, notFound, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { activeRules, checkId, formatAgreementReference, requireStaff } from '../access.js';
import { signSchema } from '../forms.js';
import {
  type AgreementRow,
  findAgreementInForce,
  insertAgreement,
  listCourses,
  lockProgram,
} from '../repository.js';
import { programCoverage } from '../rules/coverage.js';

const alreadySigned = (a: AgreementRow) =>
  new DomainError(
    'CONFLICT',
    `This program already has agreement ${a.reference} in force (graduates from ${formatCalendarDate(a.effectiveFrom)}). End it before signing a new one.`,
  );

/**
 * Staff sign an agreement for a program: the sets its courses cover now are frozen on the
 * agreement, so later course edits change only agreements signed after them. Full or partial is
 * decided by the coverage rule under the policy in force. One agreement in force per program: a
 * second signing (a double click) is refused, and the unique index settles a race.
 */
export async function signAgreement(ctx: Ctx, programId: string, raw: unknown): Promise<AgreementRow> {
  const staff = requireStaff(ctx);
  checkId(programId, 'That program');
  const input = parseInput(signSchema, raw);
  if (input.endsOn && compareDates(input.endsOn, input.effectiveFrom) < 0)
    throw validationFailed({ endsOn: 'The end date must be on or after the effective date' });
  return transact(ctx, async (w) => {
    const program = await lockProgram(w.tx, programId);
    if (!program) throw notFound('That program');
    const existing = await findAgreementInForce(w.tx, programId);
    if (existing) throw alreadySigned(existing);
    const rules = await activeRules(w.tx);
    const coverage = programCoverage(rules.framework, await listCourses(w.tx, programId), rules.policy);
    if (coverage.coveredSetIds.length === 0)
      throw new DomainError(
        'INVALID_STATE',
        'No course of this program is mapped to a competency set yet, so an agreement would cover nothing.',
      );
    const now = ctx.clock.now();
    const year = Number(ctx.clock.today().slice(0, 4));
    const agreement = await insertAgreement(w.tx, {
      id: uuidv7(now.getTime()),
      reference: formatAgreementReference(year, await nextInSequence(w.tx, `AGR-${year}`)),
      programId,
      frameworkVersionId: rules.frameworkVersionId,
      coveredSetIds: coverage.coveredSetIds,
      coverage: coverage.kind,
      effectiveFrom: input.effectiveFrom,
      endsOn: input.endsOn,
      status: 'in_force',
      signedBy: staff.userId,
      signedAt: now,
    });
    await w.audit({
      action: 'agreement.signed',
      subjectType: 'agreement',
      subjectId: agreement.id,
      after: {
        reference: agreement.reference,
        programId,
        coverage: coverage.kind,
        coveredSetIds: coverage.coveredSetIds,
        effectiveFrom: input.effectiveFrom,
        endsOn: input.endsOn,
      },
    });
    return agreement;
  });
}
