import type { CalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, invalidState, notFound } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findUserById } from '../../accounts/users-repository.js';
import { validateExperienceEntry } from '../../applications/experience.js';
import { requireCandidate } from '../../applications/own-application.js';
import { findCertificationOf } from '../../certification/repository.js';
import { type ProvisionalStanding, provisionalStanding } from '../../certification/rules/certification.js';
import { checkId, requireStaff } from '../access.js';
import {
  activateProvisionalCertification,
  decideProvisionalHours,
  findCertificationById,
  findProvisionalHours,
  insertProvisionalHours,
  listPendingProvisionalHours,
  listProvisionalHours,
  type PendingHours,
  type ProvisionalHoursRow,
} from '../claims-repository.js';
import { certificationActivatedMail } from '../mails.js';
import { graduateHours, policyOfApplication } from '../provisional-hours.js';

export interface MyHoursView {
  number: string;
  certifiedOn: CalendarDate;
  status: string;
  countedHours: number;
  requiredHours: number;
  standing: ProvisionalStanding | null;
  entries: ProvisionalHoursRow[];
}

const MAX_REPORTED = 50;

async function ownProvisional(ctx: Ctx) {
  const user = requireCandidate(ctx);
  const cert = await findCertificationOf(ctx.db, user.userId);
  if (!cert || (cert.status !== 'provisional' && (await listProvisionalHours(ctx.db, cert.id)).length === 0))
    throw notFound('A provisional certification');
  return { user, cert };
}

/** The holder's provisional certification: hours counted so far, what is missing, their reports. */
export async function viewMyHours(ctx: Ctx): Promise<MyHoursView> {
  const { cert } = await ownProvisional(ctx);
  const today = ctx.clock.today();
  const policy = await policyOfApplication(ctx.db, cert.applicationId);
  const countedHours = await graduateHours(ctx.db, cert.applicationId, cert.id, today, policy);
  return {
    number: cert.number,
    certifiedOn: cert.certifiedOn,
    status: cert.status,
    countedHours,
    requiredHours: policy.eligibility.minHours,
    standing:
      cert.status === 'provisional'
        ? provisionalStanding(cert.certifiedOn, countedHours, today, policy)
        : null,
    entries: await listProvisionalHours(ctx.db, cert.id),
  };
}

/** A provisional holder reports library work done; staff confirm it before it counts. */
export async function reportProvisionalHours(ctx: Ctx, raw: unknown): Promise<ProvisionalHoursRow> {
  const { user, cert } = await ownProvisional(ctx);
  if (cert.status !== 'provisional') throw invalidState('Your certification is no longer provisional.');
  const policy = await policyOfApplication(ctx.db, cert.applicationId);
  const entry = validateExperienceEntry(raw, policy, ctx.clock.today());
  return transact(ctx, async (w) => {
    if ((await listProvisionalHours(w.tx, cert.id)).length >= MAX_REPORTED)
      throw new DomainError('CONFLICT', `You can report at most ${MAX_REPORTED} jobs.`);
    const now = ctx.clock.now();
    const row = await insertProvisionalHours(w.tx, {
      id: uuidv7(now.getTime()),
      certificationId: cert.id,
      candidateId: user.userId,
      ...entry,
      endDate: entry.endDate ?? null,
      hoursPerWeek: entry.hoursPerWeek ?? null,
      totalHours: entry.totalHours ?? null,
      status: 'pending',
      createdAt: now,
    });
    await w.audit({
      action: 'provisional_hours.reported',
      subjectType: 'certification',
      subjectId: cert.id,
      after: { entryId: row.id, ...entry },
    });
    return row;
  });
}

export async function listPendingHours(ctx: Ctx): Promise<PendingHours[]> {
  requireStaff(ctx);
  return listPendingProvisionalHours(ctx.db);
}

export interface HoursDecision {
  entry: ProvisionalHoursRow;
  activated: boolean;
  standing: ProvisionalStanding;
}

/**
 * Staff confirm (or reject) reported work. When confirmed work brings the hours to what
 * eligibility asks, within the policy's years, the certification becomes full: same number,
 * same certification date (issue 5).
 */
export async function decideHours(
  ctx: Ctx,
  entryId: string,
  decision: 'confirm' | 'reject',
): Promise<HoursDecision> {
  const staff = requireStaff(ctx);
  checkId(entryId, 'That report');
  return transact(ctx, async (w) => {
    const before = await findProvisionalHours(w.tx, entryId);
    if (!before) throw notFound('That report');
    const now = ctx.clock.now();
    const entry = await decideProvisionalHours(w.tx, entryId, {
      status: decision === 'confirm' ? 'confirmed' : 'rejected',
      decidedBy: staff.userId,
      decidedAt: now,
    });
    if (!entry) throw invalidState('This report was already decided.');
    await w.audit({
      action: decision === 'confirm' ? 'provisional_hours.confirmed' : 'provisional_hours.rejected',
      subjectType: 'certification',
      subjectId: entry.certificationId,
      before: { entryId, status: 'pending' },
      after: { entryId, status: entry.status },
    });
    const cert = (await findCertificationById(w.tx, entry.certificationId))!;
    const policy = await policyOfApplication(w.tx, cert.applicationId);
    const today = ctx.clock.today();
    const hours = await graduateHours(w.tx, cert.applicationId, cert.id, today, policy);
    const standing = provisionalStanding(cert.certifiedOn, hours, today, policy);
    if (cert.status !== 'provisional' || standing.kind !== 'activate')
      return { entry, activated: false, standing };
    const activated = await activateProvisionalCertification(w.tx, cert.id, now);
    if (!activated) return { entry, activated: false, standing };
    await w.audit({
      action: 'certification.activated',
      subjectType: 'certification',
      subjectId: cert.id,
      before: { status: 'provisional' },
      after: { status: 'active', countedHours: hours },
    });
    const person = await findUserById(w.tx, cert.candidateId);
    if (person) await w.mail(certificationActivatedMail(ctx, person, cert));
    return { entry, activated: true, standing };
  });
}
