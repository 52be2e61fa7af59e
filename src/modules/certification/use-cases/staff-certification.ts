import { z } from 'zod';
import { compareDates, formatCalendarDate, isCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError, notFound, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { findUserById } from '../../accounts/users-repository.js';
import { policyFor } from '../../applications/own-application.js';
import { lockApplication, updateApplication } from '../../applications/repository.js';
import { formatReference } from '../../applications/rules/references.js';
import { certifiedMail } from '../certify-if-complete.js';
import {
  type CertificationRow,
  findCertificationForApplication,
  insertCertificationsOnce,
  insertDeadlineExtension,
} from '../repository.js';
import { certificationExpiry } from '../rules/certification.js';

const reasonSchema = z
  .string()
  .trim()
  .min(1, 'Give the reason.')
  .max(2000, 'Keep the reason under 2,000 characters.');

function reasonOf(raw: unknown): string {
  const parsed = reasonSchema.safeParse(raw ?? '');
  if (!parsed.success)
    throw validationFailed({ reason: parsed.error.issues[0]?.message ?? 'Give the reason.' });
  return parsed.data;
}

/** An admitted application, locked for this transaction; anything else is not found or not ready. */
async function admittedApplication(tx: Parameters<typeof lockApplication>[0], id: string) {
  const app = z.uuid().safeParse(id).success ? await lockApplication(tx, id) : undefined;
  if (!app) throw notFound('That application');
  if (app.status !== 'admitted' || !app.admittedOn)
    throw new DomainError('INVALID_STATE', 'Only an admitted candidate can be certified or given more time.');
  return app;
}

/**
 * Staff certify a candidate by hand, with a reason (say requirements met in a way the system does
 * not record). Certified today, valid for the pinned policy's years. Once per application.
 */
export async function certifyManually(
  ctx: Ctx,
  input: { applicationId: string; reason: unknown },
): Promise<CertificationRow> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  const reason = reasonOf(input.reason);
  return transact(ctx, async (w) => {
    const app = await admittedApplication(w.tx, input.applicationId);
    if (await findCertificationForApplication(w.tx, app.id))
      throw new DomainError('CONFLICT', 'This candidate is already certified.');
    const policy = (await policyFor(w.tx, app)).policy;
    const today = ctx.clock.today();
    const now = ctx.clock.now();
    const year = Number(today.slice(0, 4));
    const [made] = await insertCertificationsOnce(w.tx, [
      {
        id: uuidv7(now.getTime()),
        candidateId: app.candidateId,
        applicationId: app.id,
        number: formatReference('CLSS', year, await nextInSequence(w.tx, `CLSS-${year}`)),
        status: 'active',
        certifiedOn: today,
        expiresOn: certificationExpiry(today, policy),
        basis: 'manual',
        reason,
        certifiedBy: staff.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    if (!made) throw new DomainError('CONFLICT', 'This candidate is already certified.');
    const candidate = await findUserById(w.tx, app.candidateId);
    if (candidate) await w.mail(certifiedMail(ctx, candidate, made));
    await w.audit({
      action: 'certification.granted',
      subjectType: 'certification',
      subjectId: made.id,
      after: {
        candidateId: made.candidateId,
        applicationId: made.applicationId,
        number: made.number,
        certifiedOn: made.certifiedOn,
        expiresOn: made.expiresOn,
        basis: 'manual',
        reason,
      },
    });
    return made;
  });
}

/** Staff move an admitted candidate's deadline later, with a reason; the candidate is told. */
export async function extendDeadline(
  ctx: Ctx,
  input: { applicationId: string; newDeadlineOn: unknown; reason: unknown },
): Promise<{ previousDeadlineOn: string; newDeadlineOn: string }> {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  return transact(ctx, async (w) => {
    const app = await admittedApplication(w.tx, input.applicationId);
    const previous = app.deadlineOn;
    const fields: Record<string, string> = {};
    const date = typeof input.newDeadlineOn === 'string' ? input.newDeadlineOn.trim() : '';
    if (!isCalendarDate(date)) fields.newDeadlineOn = 'Enter the new deadline as a date, like 2031-06-30.';
    else if (previous && compareDates(date, previous) <= 0)
      fields.newDeadlineOn = `The new deadline must be after the current one, ${formatCalendarDate(previous)}.`;
    const reason = reasonSchema.safeParse(input.reason ?? '');
    if (!reason.success) fields.reason = reason.error.issues[0]?.message ?? 'Give the reason.';
    if (Object.keys(fields).length > 0 || !reason.success || !previous) {
      if (!previous) throw new DomainError('INVALID_STATE', 'This application has no deadline to extend.');
      throw validationFailed(fields);
    }
    const now = ctx.clock.now();
    await insertDeadlineExtension(w.tx, {
      id: uuidv7(now.getTime()),
      applicationId: app.id,
      previousDeadlineOn: previous,
      newDeadlineOn: date,
      reason: reason.data,
      grantedBy: staff.userId,
      createdAt: now,
    });
    await updateApplication(w.tx, app.id, { deadlineOn: date, updatedAt: now });
    const candidate = await findUserById(w.tx, app.candidateId);
    if (candidate)
      await w.mail({
        to: candidate.email,
        template: 'deadline-extended',
        subject: 'Your program deadline was extended',
        text: [
          `Hello ${candidate.displayName},`,
          '',
          `Program staff extended your deadline to complete the program from ${formatCalendarDate(previous)} to ${formatCalendarDate(date)}.`,
          '',
          `Reason: ${reason.data}`,
          '',
          `Your progress: ${ctx.config.baseUrl}/my-certification`,
        ].join('\n'),
      });
    await w.audit({
      action: 'application.deadline_extended',
      subjectType: 'application',
      subjectId: app.id,
      before: { deadlineOn: previous },
      after: { deadlineOn: date, reason: reason.data },
    });
    return { previousDeadlineOn: previous, newDeadlineOn: date };
  });
}
