import type { ApplicationStatus } from '../applications/schema.js';

/** Statuses as staff read them, in the order an application moves through them. */
export const statusLabels: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'Draft (not submitted)',
  awaiting_payment: 'Waiting for card payment',
  awaiting_check: 'Waiting for a check',
  in_review: 'In review',
  info_requested: 'More information requested',
  admitted: 'Admitted',
  rejected: 'Rejected as ineligible',
};

/** The statuses in the queue (a draft is not submitted yet). */
export const queueStatuses: readonly ApplicationStatus[] = [
  'awaiting_payment',
  'awaiting_check',
  'in_review',
  'info_requested',
  'admitted',
  'rejected',
];

export const statusTagClass = (s: ApplicationStatus) =>
  s === 'admitted' ? 'tag ok' : s === 'rejected' ? 'tag bad' : s === 'in_review' ? 'tag warn' : 'tag';

export type StaffAction = 'request information for' | 'record a check for' | 'admit' | 'reject';

/**
 * Why an action cannot be taken in the application's current state, in words that also explain a
 * lost race: when two staff act at once, the second reads "This application is already admitted."
 */
export function notNowMessage(status: ApplicationStatus, action: StaffAction): string {
  switch (status) {
    case 'admitted':
      return 'This application is already admitted.';
    case 'rejected':
      return 'This application is already rejected.';
    case 'draft':
      return 'This application has not been submitted yet.';
    case 'info_requested':
      return action === 'request information for'
        ? 'More information has already been requested; the candidate has not answered yet.'
        : `You cannot ${action} this application while it waits for the candidate's answer.`;
    case 'in_review':
      return action === 'record a check for'
        ? 'The application fee is already paid; the application is in review.'
        : `You cannot ${action} this application now.`;
    case 'awaiting_payment':
    case 'awaiting_check':
      return `The application fee is not paid yet, so you cannot ${action} this application.`;
  }
}
