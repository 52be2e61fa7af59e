import { formatMoney } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError } from '../../../platform/errors.js';
import { chargeFee } from '../../payments/charge-fee.js';
import { feeFor } from '../../policy/policy.js';
import { findActivePolicy } from '../../policy/repository.js';
import { findProvider } from '../../providers/repository.js';
import { courseApplicationForChange } from '../access.js';
import { courseFeeKind, courseFeeName, coursePolicyFee } from '../fees.js';
import { setOf } from '../framework-set.js';
import { courseMails } from '../mails.js';
import { listParts } from '../parts-repository.js';
import {
  type CourseApplicationRow,
  listCourseFiles,
  listMapEntries,
  memberEmails,
  transitionCourseApplication,
} from '../repository.js';
import { formatCourseNumber, missingForSubmission } from '../rules/completeness.js';

export interface SubmitCourseResult {
  application: CourseApplicationRow;
  /** True when this request found it already submitted (a double click or a retry). */
  alreadySubmitted: boolean;
}

/**
 * Submit a complete draft: every detail, a syllabus, at least one résumé, and content and an
 * assessment for every competency of the set. Gives the CRS number, charges the course approval
 * fee and tells every member of the provider. The row lock and the conditional status change make
 * a repeated submit return the first result: one number, one fee.
 */
export async function submitCourseApplication(ctx: Ctx, id: string): Promise<SubmitCourseResult> {
  return transact(ctx, async (w) => {
    const { user, application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    if (application.status !== 'draft' && application.status !== 'returned')
      return { application, alreadySubmitted: true };
    // A course returned for revision goes back with its number and without a new fee.
    const resubmission = application.status === 'returned';
    const set = await setOf(w.tx, application);
    // One after the other: a transaction is one connection, which runs one query at a time.
    const entries = await listMapEntries(w.tx, application.id);
    const files = await listCourseFiles(w.tx, application.id);
    const parts = await listParts(w.tx, application.id);
    const missing = missingForSubmission({
      details: application,
      competencies: set.competencies,
      entries,
      files,
      parts: application.kind === 'bundle' ? parts : undefined,
    });
    if (missing.length > 0) {
      // A step can lack more than one thing (a bundle's map): its field carries every message.
      const fields: Record<string, string> = {};
      for (const m of missing) fields[m.step] = fields[m.step] ? `${fields[m.step]} ${m.message}` : m.message;
      throw new DomainError(
        'APPLICATION_INCOMPLETE',
        `This course application is not complete. ${missing.map((m) => m.message).join(' ')}`,
        fields,
      );
    }
    const policy = await findActivePolicy(w.tx);
    if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
    const now = ctx.clock.now();
    const year = Number(ctx.clock.today().slice(0, 4));
    const number =
      resubmission && application.number
        ? application.number
        : formatCourseNumber(year, await nextInSequence(w.tx, `CRS-${year}`));
    const submitted = await transitionCourseApplication(w.tx, application.id, [application.status], {
      status: 'submitted',
      number,
      submittedAt: now,
      updatedAt: now,
    });
    if (!submitted) return { application, alreadySubmitted: true };
    await w.audit({
      action: 'course_application.submitted',
      subjectType: 'course_application',
      subjectId: application.id,
      before: { status: application.status },
      after: { status: 'submitted', number },
    });
    if (resubmission) return { application: submitted, alreadySubmitted: false };
    // Providers are organisations, not ALA members: they pay the single rate. A renewal pays the
    // policy's renewal fee (course_approval_renewal), so the two never share a fee row.
    const fee = feeFor(policy.policy, coursePolicyFee(application), false);
    if (fee.amountCents > 0) {
      await chargeFee(w, {
        kind: courseFeeKind(application),
        subjectId: application.id,
        payerUserId: user.userId,
        member: false,
        currency: fee.currency,
        amountCents: fee.amountCents,
        now,
      });
    }
    const provider = await findProvider(w.tx, application.providerId);
    for (const member of await memberEmails(w.tx, application.providerId)) {
      await w.mail(
        courseMails.received(member, {
          number,
          title: submitted.title ?? '',
          providerName: provider?.name ?? '',
          fee: formatMoney(fee),
          feeName: courseFeeName(application),
          renewal: application.renewsApplicationId !== null,
          link: `${ctx.config.baseUrl}/provider/courses/${application.id}`,
        }),
      );
    }
    return { application: submitted, alreadySubmitted: false };
  });
}
