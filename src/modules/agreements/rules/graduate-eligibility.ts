import type { ApplicationAssessment } from '../../applications/assessment.js';
import type { GraduationClaimStatus } from '../schema.js';

/**
 * A graduate through a recognition agreement may be admitted without the eligibility hours and
 * is then certified provisionally until the hours are met (PROGRAM.md, "Recognition agreements").
 * Until staff have looked at the proof, the claim lets the application in; staff may admit a
 * graduate short of the hours only once they have verified the proof.
 */

const HOURS_REASONS = new Set(['NOT_ENOUGH_HOURS', 'NO_EXPERIENCE']);

/** A claim that still stands (not rejected) waives the hours and the experience section. */
export function waiveHoursForGraduate(
  assessment: ApplicationAssessment,
  claim: { status: GraduationClaimStatus } | null | undefined,
): ApplicationAssessment {
  if (!claim || claim.status === 'rejected') return assessment;
  const reasons = assessment.eligibility.reasons.filter((r) => !HOURS_REASONS.has(r.code));
  return {
    ...assessment,
    eligibility: { ...assessment.eligibility, reasons, eligible: reasons.length === 0 },
    missing: assessment.missing.filter((m) => m.section !== 'experience'),
  };
}

/** Why staff cannot admit yet, or null: short of the hours at submission and no verified graduation. */
export function graduateAdmissionProblem(
  snapshot: { countedHours?: number; requiredHours?: number } | null | undefined,
  claim: { status: GraduationClaimStatus } | null | undefined,
): string | null {
  const counted = snapshot?.countedHours;
  const required = snapshot?.requiredHours;
  if (counted === undefined || required === undefined || counted >= required) return null;
  if (claim?.status === 'verified') return null;
  return claim
    ? 'This applicant has fewer library hours than eligibility asks and applies as a graduate: verify the proof of graduation before admitting.'
    : 'This applicant has fewer library hours than eligibility asks.';
}
