import type { EvidenceRole } from './forms.js';
import type { EvidenceKind, PortfolioOutcome, PortfolioRating, PortfolioStatus } from './schema.js';

/** What the candidate reads for each status. */
export const portfolioStatusLabels: Record<PortfolioStatus, string> = {
  draft: 'Draft',
  prereview_requested: 'Waiting for pre-review',
  submitted: 'Submitted',
  in_evaluation: 'With the evaluators',
  more_information: 'More information requested',
  resubmitted: 'Resubmitted',
  approved: 'Approved',
  not_satisfactory: 'Not satisfactory',
};

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  file: 'File',
  link: 'Link',
  text: 'Written text',
};

export const evidenceRoleLabels: Record<EvidenceRole, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
};

export const evidenceRoleHints: Record<EvidenceRole, string> = {
  primary: 'Primary: direct evidence that you do this in your work',
  secondary: 'Secondary: supporting evidence',
};

export const roleOf = (e: { primary: boolean }): EvidenceRole => (e.primary ? 'primary' : 'secondary');

export const ratingLabels: Record<PortfolioRating, string> = {
  met: 'Met',
  partial: 'Partially met',
  not_met: 'Not met',
};

/** The tag style of a rating: green, amber, red (with the word, never colour alone). */
export const ratingTones: Record<PortfolioRating, string> = {
  met: 'tag ok',
  partial: 'tag warn',
  not_met: 'tag bad',
};

export const outcomeLabels: Record<PortfolioOutcome, string> = {
  approved: 'Approved',
  more_information: 'More information requested',
  not_satisfactory: 'Not satisfactory',
};

/** Evaluators are shown by slot, never by name, to candidates and to each other. */
export const evaluatorLabel = (position: number) =>
  position > 2 ? 'Third evaluator' : `Evaluator ${position}`;
