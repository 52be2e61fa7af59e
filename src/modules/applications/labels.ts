import type { SectionId, SectionState } from './rules/completeness.js';
import type { ApplicationStatus } from './schema.js';

/** How each status reads to the candidate. */
export const statusLabels: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'Not submitted yet',
  awaiting_payment: 'Waiting for your card payment',
  awaiting_check: 'Waiting for your check to arrive',
  in_review: 'Being reviewed by program staff',
  info_requested: 'Program staff need more information from you',
  admitted: 'Admitted to the program',
  rejected: 'Not accepted',
};

export const sectionStateLabels: Readonly<Record<SectionState, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The page of each section; the pages walk through them in this order. */
export const sectionPaths: Readonly<Record<SectionId, string>> = {
  personal: '/application/personal',
  education: '/application/education',
  experience: '/application/experience',
  membership: '/application/membership',
  research: '/application/research',
};
