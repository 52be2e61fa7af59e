import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import { nextInSequence } from '../../platform/db/counters.js';
import { uuidv7 } from '../../platform/ids.js';
import { provisionalMail } from '../agreements/mails.js';
import { graduatesShortOfHours } from '../agreements/provisional-hours.js';
import { completionDeadline } from '../applications/rules/deadline.js';
import { formatReference } from '../applications/rules/references.js';
import { listPeople } from '../completions/credit-repository.js';
import { findActiveVersions, findFrameworkById, findPolicyById } from '../policy/repository.js';
import {
  type CertificationInsert,
  type CertificationRow,
  insertCertificationsOnce,
  listAchievementsFor,
  listUncertifiedAdmittedFor,
} from './repository.js';
import { certificationOutcome } from './rules/certification.js';
import { requirementProgress } from './rules/requirements.js';

export const DESIGNATION = 'Library Support Staff Certification';

/**
 * Inside the caller's transaction (a roster confirmation, a portfolio decision, an admission):
 * certify every given candidate whose admitted application now meets the requirements, completed
 * on or before its deadline. Set-based: a few queries for all of them, however many. A concurrent
 * credit for the same candidate makes one certification (unique application id, do nothing).
 * Returns the certifications made now.
 */
export async function certifyIfComplete(
  ctx: Ctx,
  w: Work,
  candidateIds: readonly string[],
): Promise<CertificationRow[]> {
  if (candidateIds.length === 0) return [];
  const candidates = await listUncertifiedAdmittedFor(w.tx, candidateIds);
  if (candidates.length === 0) return [];
  const achievements = await listAchievementsFor(
    w.tx,
    candidates.map((a) => a.candidateId),
  );
  const active = await findActiveVersions(w.tx);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  // The number carries the year it is issued, like every other reference (rules/references.ts):
  // a December completion confirmed in January gets a number of the new year, so a year's sequence
  // is never reopened after it has closed.
  const year = Number(today.slice(0, 4));

  const rows: CertificationInsert[] = [];
  for (const app of candidates) {
    const list = achievements.get(app.candidateId);
    if (!list || !app.admittedOn) continue;
    // Policies and frameworks are cached by id: looking them up per application costs no query.
    const policy = (app.policyVersionId ? await findPolicyById(w.tx, app.policyVersionId) : active.policy)
      ?.policy;
    const framework = (
      app.frameworkVersionId ? await findFrameworkById(w.tx, app.frameworkVersionId) : active.framework
    )?.framework;
    if (!policy || !framework) continue;
    const progress = requirementProgress(
      framework,
      list.map((a) => ({ setId: a.setId, how: a.how, on: a.achievedOn })),
      policy,
    );
    const deadlineOn = app.deadlineOn ?? completionDeadline(app.admittedOn, policy);
    const outcome = certificationOutcome(progress, deadlineOn, today, policy);
    if (outcome.kind !== 'certify') continue;
    rows.push({
      id: uuidv7(now.getTime()),
      candidateId: app.candidateId,
      applicationId: app.id,
      number: formatReference('CLSS', year, await nextInSequence(w.tx, `CLSS-${year}`)),
      status: 'active',
      certifiedOn: outcome.certifiedOn,
      expiresOn: outcome.expiresOn,
      basis: 'automatic',
      createdAt: now,
      updatedAt: now,
    });
  }
  if (rows.length === 0) return [];
  // Graduates through an agreement still short of the eligibility hours are certified provisionally.
  const provisional = await graduatesShortOfHours(
    w.tx,
    rows.map((r) => r.applicationId),
    today,
  );
  for (const row of rows) if (provisional.has(row.applicationId)) row.status = 'provisional';
  const made = await insertCertificationsOnce(w.tx, rows);
  if (made.length === 0) return [];

  const people = await listPeople(
    w.tx,
    made.map((c) => c.candidateId),
  );
  await w.mailMany(
    made.flatMap((c) => {
      const person = people.get(c.candidateId);
      if (!person) return [];
      return [c.status === 'provisional' ? provisionalMail(ctx, person, c) : certifiedMail(ctx, person, c)];
    }),
  );
  // Audit events last: they take the audit chain's lock, held until the transaction ends.
  await w.auditMany(
    made.map((c) => ({
      action: 'certification.granted',
      subjectType: 'certification',
      subjectId: c.id,
      after: {
        candidateId: c.candidateId,
        applicationId: c.applicationId,
        number: c.number,
        certifiedOn: c.certifiedOn,
        expiresOn: c.expiresOn,
        basis: c.basis,
        status: c.status,
      },
    })),
  );
  // Their digital credentials are signed by a job; it waits a moment so this transaction has
  // committed, and the holder's page signs them at once anyway if they look before it runs.
  ctx.jobs
    .send('issue-credentials', {}, { startAfterSeconds: 5 })
    .catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not enqueue credential signing'));
  return made;
}

/** The congratulations mail: the number, the dates and where to see and share it. */
export function certifiedMail(
  ctx: Ctx,
  person: { email: string; displayName: string },
  c: Pick<CertificationRow, 'number' | 'certifiedOn' | 'expiresOn'>,
) {
  return {
    to: person.email,
    template: 'certification-granted',
    subject: `Congratulations: you are certified (${c.number})`,
    text: [
      `Hello ${person.displayName},`,
      '',
      `Congratulations! You have earned the ${DESIGNATION}.`,
      '',
      `Certification number: ${c.number}`,
      `Certified on: ${formatCalendarDate(c.certifiedOn)}`,
      `Valid until: ${formatCalendarDate(c.expiresOn)}`,
      '',
      `See your certification and share it: ${ctx.config.baseUrl}/my-certification`,
      `Anyone can check it at: ${ctx.config.baseUrl}/verify/${c.number}`,
    ].join('\n'),
  };
}
