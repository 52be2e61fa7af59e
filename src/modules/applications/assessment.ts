import type { CalendarDate } from '../../lib/calendar-date.js';
import type { ProgramPolicy } from '../policy/policy.js';
import type { ApplicationDetails } from './forms.js';
import type { ApplicationRow, ExperienceRow } from './repository.js';
import {
  type MissingSection,
  missingSections,
  type SectionId,
  type SectionState,
  sectionStates,
} from './rules/completeness.js';
import { assessEligibility, type EligibilityResult, type ExperienceEntry } from './rules/eligibility.js';

export function toRuleEntry(row: ExperienceRow): ExperienceEntry {
  return {
    id: row.id,
    library: row.library,
    libraryType: row.libraryType,
    position: row.position,
    paid: row.paid,
    startDate: row.startDate,
    endDate: row.endDate,
    hoursPerWeek: row.hoursPerWeek === null ? null : Number(row.hoursPerWeek),
    totalHours: row.totalHours,
  };
}

export const detailsOf = (app: ApplicationRow): ApplicationDetails =>
  (app.details ?? {}) as ApplicationDetails;

export interface ApplicationAssessment {
  eligibility: EligibilityResult;
  sections: Record<SectionId, SectionState>;
  missing: MissingSection[];
}

/**
 * Where an application stands: completeness per section and eligibility under the policy. Hours
 * count in the window ending on the submission day once submitted, else today. An unanswered
 * education question is reported as a missing section, not as "no diploma".
 */
export function assessApplication(
  app: ApplicationRow,
  entries: ExperienceRow[],
  policy: ProgramPolicy,
  today: CalendarDate,
): ApplicationAssessment {
  const submittedOn = app.submittedOn && app.submittedOn <= today ? app.submittedOn : today;
  const eligibility = assessEligibility(
    { today, submittedOn, hasHighSchool: app.hasHighSchool ?? true, experience: entries.map(toRuleEntry) },
    policy,
  );
  const details = detailsOf(app);
  const sections = sectionStates({
    hasPersonalDetails: details.personal !== undefined,
    hasHighSchool: app.hasHighSchool,
    experienceEntries: entries.length,
    validExperienceEntries: eligibility.entries.filter((e) => e.errors.length === 0).length,
    countedHours: eligibility.countedHours,
    requiredHours: eligibility.requiredHours,
    membershipAnswered: details.isAlaMember !== undefined,
    researchAnswered: app.research !== null,
  });
  return { eligibility, sections, missing: missingSections(sections) };
}

/** Eligibility reasons keyed by the section that can fix them (problem+json "field"). */
export function reasonFields(eligibility: EligibilityResult): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const r of eligibility.reasons) {
    const key = r.code === 'NO_HIGH_SCHOOL' ? 'education' : 'experience';
    fields[key] = fields[key] ? `${fields[key]} ${r.message}` : r.message;
  }
  return fields;
}
