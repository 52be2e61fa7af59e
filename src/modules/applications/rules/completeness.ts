/**
 * Which sections of an application are done. Pure: the use cases gather the facts. Completeness
 * is about answers being there; whether the answers make the person eligible is eligibility.ts.
 */

export const sectionIds = ['personal', 'education', 'experience', 'membership', 'research'] as const;
export type SectionId = (typeof sectionIds)[number];
export type SectionState = 'not_started' | 'in_progress' | 'completed';

export const sectionTitles: Readonly<Record<SectionId, string>> = {
  personal: 'Personal and contact details',
  education: 'Education',
  experience: 'Library work experience',
  membership: 'ALA membership and fee',
  research: 'Research questions (optional)',
};

/** Sections that must be completed before submitting; the research questions are optional. */
export const requiredSections: readonly SectionId[] = ['personal', 'education', 'experience', 'membership'];

const missingMessages: Readonly<Record<SectionId, string>> = {
  personal: 'Add your personal and contact details.',
  education: 'Answer the education question.',
  experience: 'Add the library work you have done.',
  membership: 'Say whether you are an ALA member.',
  research: 'Answer or skip the research questions.',
};

export interface ApplicationFacts {
  hasPersonalDetails: boolean;
  hasHighSchool: boolean | null;
  experienceEntries: number;
  /** Entries without errors (future dates and the like). */
  validExperienceEntries: number;
  countedHours: number;
  requiredHours: number;
  membershipAnswered: boolean;
  researchAnswered: boolean;
}

export function sectionStates(f: ApplicationFacts): Record<SectionId, SectionState> {
  return {
    personal: f.hasPersonalDetails ? 'completed' : 'not_started',
    education: f.hasHighSchool === null ? 'not_started' : 'completed',
    // Entries below the hours needed are "in progress": the person may have more work to add.
    experience:
      f.experienceEntries === 0
        ? 'not_started'
        : f.validExperienceEntries === f.experienceEntries && f.countedHours >= f.requiredHours
          ? 'completed'
          : 'in_progress',
    membership: f.membershipAnswered ? 'completed' : 'not_started',
    research: f.researchAnswered ? 'completed' : 'not_started',
  };
}

export interface MissingSection {
  section: SectionId;
  title: string;
  message: string;
}

/**
 * Required sections with nothing in them. An experience section with entries is not "missing"
 * even when the hours fall short: eligibility then says exactly how many hours are lacking.
 */
export function missingSections(states: Record<SectionId, SectionState>): MissingSection[] {
  return requiredSections
    .filter((s) => states[s] === 'not_started')
    .map((s) => ({ section: s, title: sectionTitles[s], message: missingMessages[s] }));
}
