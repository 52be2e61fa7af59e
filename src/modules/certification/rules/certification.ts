import { addYears, type CalendarDate, compareDates } from '../../../lib/calendar-date.js';
import type { ProgramPolicy } from '../../policy/policy.js';
import type { RequirementProgress } from './requirements.js';

/**
 * Where a candidate stands against their deadline (issue 5): certified when the requirements were
 * met on or before the deadline; still working while the deadline is ahead; expired once the
 * deadline has passed without the requirements met in time (completing late does not certify:
 * staff can extend the deadline, or certify by hand with a reason).
 */
export type CertificationOutcome =
  | { kind: 'certify'; certifiedOn: CalendarDate; expiresOn: CalendarDate }
  | { kind: 'not-yet'; deadlineOn: CalendarDate }
  | { kind: 'expired'; deadlineOn: CalendarDate };

export function certificationOutcome(
  progress: Pick<RequirementProgress, 'complete' | 'completedOn'>,
  deadlineOn: CalendarDate,
  today: CalendarDate,
  policy: Pick<ProgramPolicy, 'certification'>,
): CertificationOutcome {
  const { completedOn } = progress;
  if (progress.complete && completedOn !== undefined && compareDates(completedOn, deadlineOn) <= 0) {
    return {
      kind: 'certify',
      certifiedOn: completedOn,
      expiresOn: certificationExpiry(completedOn, policy),
    };
  }
  return compareDates(today, deadlineOn) > 0
    ? { kind: 'expired', deadlineOn }
    : { kind: 'not-yet', deadlineOn };
}

/** The last day a certification is valid: certified on + the policy's validity years (29 Feb → 28 Feb). */
export function certificationExpiry(
  certifiedOn: CalendarDate,
  policy: Pick<ProgramPolicy, 'certification'>,
): CalendarDate {
  return addYears(certifiedOn, policy.certification.validityYears);
}

/**
 * A provisional certification (a graduate through an agreement, short of the eligibility hours)
 * becomes active once the library work counted reaches the policy's hours, if that happens within
 * the policy's years of the provisional certification (by default 1,820 hours within 4 years).
 * After that the hours no longer turn it into a full certification: staff decide what happens.
 */
export type ProvisionalStanding =
  | { kind: 'activate' }
  | { kind: 'short'; hoursMissing: number; until: CalendarDate }
  | { kind: 'lapsed'; until: CalendarDate };

export function provisionalStanding(
  certifiedOn: CalendarDate,
  countedHours: number,
  today: CalendarDate,
  policy: Pick<ProgramPolicy, 'certification' | 'eligibility'>,
): ProvisionalStanding {
  const until = addYears(certifiedOn, policy.certification.provisionalHoursYears);
  if (compareDates(today, until) > 0) return { kind: 'lapsed', until };
  // Hundredths, as eligibility counts them, so 1,819.999 is still short.
  const missing = policy.eligibility.minHours * 100 - Math.floor(countedHours * 100 + 1e-6);
  return missing <= 0 ? { kind: 'activate' } : { kind: 'short', hoursMissing: missing / 100, until };
}
