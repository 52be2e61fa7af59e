import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { toRuleEntry } from '../applications/assessment.js';
import { findApplicationById, listExperience } from '../applications/repository.js';
import { assessEligibility, type ExperienceEntry } from '../applications/rules/eligibility.js';
import type { ProgramPolicy } from '../policy/policy.js';
import { findActivePolicy, findPolicyById } from '../policy/repository.js';
import {
  listClaimsForApplications,
  listProvisionalHours,
  type ProvisionalHoursRow,
} from './claims-repository.js';

const toEntry = (row: ProvisionalHoursRow): ExperienceEntry => ({
  library: row.library,
  libraryType: row.libraryType,
  position: row.position,
  paid: row.paid,
  startDate: row.startDate,
  endDate: row.endDate,
  hoursPerWeek: row.hoursPerWeek === null ? null : Number(row.hoursPerWeek),
  totalHours: row.totalHours,
});

export async function policyOfApplication(tx: Queryable, applicationId: string): Promise<ProgramPolicy> {
  const app = await findApplicationById(tx, applicationId);
  const version = app?.policyVersionId
    ? await findPolicyById(tx, app.policyVersionId)
    : await findActivePolicy(tx);
  return version!.policy;
}

/**
 * The library hours that count today for a graduate: the work listed in the application plus the
 * work reported since and confirmed by staff, counted the eligibility way (the policy's window
 * before today, each entry rounded down to hundredths).
 */
export async function graduateHours(
  tx: Queryable,
  applicationId: string,
  certificationId: string | null,
  today: CalendarDate,
  policy: ProgramPolicy,
): Promise<number> {
  const listed = (await listExperience(tx, applicationId)).map(toRuleEntry);
  const reported = certificationId
    ? (await listProvisionalHours(tx, certificationId)).filter((h) => h.status === 'confirmed').map(toEntry)
    : [];
  return assessEligibility({ today, hasHighSchool: true, experience: [...listed, ...reported] }, policy)
    .countedHours;
}

/**
 * Of these applications about to be certified, the ones whose certification is provisional: a
 * verified graduation and fewer hours than eligibility asks. Everyone else was eligible on hours
 * when they applied, so they are never provisional.
 */
export async function graduatesShortOfHours(
  tx: Queryable,
  applicationIds: readonly string[],
  today: CalendarDate,
): Promise<Set<string>> {
  const short = new Set<string>();
  const claims = (await listClaimsForApplications(tx, applicationIds)).filter((c) => c.status === 'verified');
  for (const claim of claims) {
    const policy = await policyOfApplication(tx, claim.applicationId);
    const hours = await graduateHours(tx, claim.applicationId, null, today, policy);
    if (Math.round(hours * 100) < policy.eligibility.minHours * 100) short.add(claim.applicationId);
  }
  return short;
}
