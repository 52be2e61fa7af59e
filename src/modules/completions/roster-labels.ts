import type { RosterImportStatus, RosterRowOutcome } from './schema.js';

export const rosterStatusLabels: Record<RosterImportStatus, string> = {
  preview: 'Waiting for confirmation',
  applied: 'Confirmed',
  discarded: 'Discarded',
};

export const outcomeLabels: Record<RosterRowOutcome, string> = {
  matched: 'Matched',
  unmatched: 'Candidate not found',
  invalid: 'Not valid',
  duplicate: 'Duplicate',
};

/** What happens to each kind of row when the roster is confirmed, in the provider's words. */
export const outcomeMeaning: Record<RosterRowOutcome, string> = {
  matched: 'recorded as completions when you confirm',
  unmatched: 'kept, and held until the candidate is found',
  invalid: 'not recorded: fix them and send them again',
  duplicate: 'not recorded: already in this roster or already recorded',
};

/** The same, once the roster is confirmed. */
export const appliedOutcomeMeaning: Record<RosterRowOutcome, string> = {
  matched: 'recorded as completions',
  unmatched: 'held until the candidate is found',
  invalid: 'not recorded: fix them and send them again',
  duplicate: 'not recorded: already in this roster or already recorded',
};

export const outcomeTag: Record<RosterRowOutcome, string> = {
  matched: 'tag ok',
  unmatched: 'tag warn',
  invalid: 'tag bad',
  duplicate: 'tag',
};

/** The columns a roster file has, as the upload page and the template explain them. */
export const rosterColumnHelp = [
  [
    'candidate',
    'The candidate number (LSSC-2026-000123) or the email address they applied with',
    'LSSC-2026-000123',
  ],
  [
    'name',
    'The person’s name as you have it; it helps match the row by hand if the candidate is not found. May be empty',
    'Robin Reader',
  ],
  [
    'course',
    'Your approved course’s number; for a course of a bundle, its own number ending in -1, -2…',
    'CRS-2026-000045',
  ],
  ['completed_on', 'The day the course was completed: YYYY-MM-DD, or M/D/YYYY', '2026-10-30'],
  ['passed', 'Whether the person passed: yes or no (also true/false, pass/fail, y/n)', 'yes'],
] as const;
