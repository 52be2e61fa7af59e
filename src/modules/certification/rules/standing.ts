import { addMonths, type CalendarDate, compareDates } from '../../../lib/calendar-date.js';
import type { CertificationStatus } from '../schema.js';

/** What anyone checking a certificate is told about it on a given day. */
export const standings = [
  'valid',
  'provisional',
  'in_renewal_grace',
  'expired',
  'suspended',
  'revoked',
] as const;
export type Standing = (typeof standings)[number];

/**
 * The public standing of a certification on `today`. Valid through `expiresOn` itself; then, for
 * `graceMonths`, still in good standing while the holder renews; expired after that. Staff
 * decisions (suspended, revoked) win over dates. A provisional certification also lapses at its
 * end date (it has no renewal grace: the holder still owes the hours).
 */
export function certificationStanding(
  cert: { status: CertificationStatus; expiresOn: CalendarDate },
  today: CalendarDate,
  graceMonths: number,
): Standing {
  if (cert.status === 'revoked') return 'revoked';
  if (cert.status === 'suspended') return 'suspended';
  if (compareDates(today, cert.expiresOn) <= 0)
    return cert.status === 'provisional' ? 'provisional' : 'valid';
  if (cert.status === 'active' && compareDates(today, addMonths(cert.expiresOn, graceMonths)) <= 0)
    return 'in_renewal_grace';
  return 'expired';
}

/** Standings the public registry lists. */
export const listedStandings: readonly Standing[] = ['valid', 'in_renewal_grace', 'provisional'];

/** Plain words for each standing, as a certificate check shows them. */
export const standingLabel: Record<Standing, string> = {
  valid: 'Valid',
  provisional: 'Valid (provisional)',
  in_renewal_grace: 'Valid, renewal due',
  expired: 'Expired',
  suspended: 'Suspended',
  revoked: 'Revoked',
};

export const standingExplanation: Record<Standing, string> = {
  valid: 'This certification is current.',
  provisional:
    'This certification is current. The holder met every requirement and is still completing the required hours of library work.',
  in_renewal_grace:
    'This certification has reached its end date and is in the short grace period for renewal. It is still in good standing.',
  expired: 'This certification has ended and was not renewed.',
  suspended: 'This certification is suspended by the program for now. It is not in good standing.',
  revoked: 'This certification was withdrawn by the program. It is not in good standing.',
};
