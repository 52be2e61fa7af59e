import type { CalendarDate } from '../../lib/calendar-date.js';
import type { CertificationStatus } from './schema.js';

export const DESIGNATION = 'Library Support Staff Certification';

export type AchievedHow = 'course' | 'portfolio' | 'agreement';

/** Everything printed on a certificate, gathered from the database; drawing it is certificate-pdf.ts. */
export interface CertificateData {
  holderName: string;
  number: string;
  designation: string;
  status: CertificationStatus;
  certifiedOn: CalendarDate;
  validUntil: CalendarDate;
  sets: Array<{ code: string; title: string; how: AchievedHow; achievedOn: CalendarDate }>;
  verificationUrl: string;
}

export interface CertificateSources {
  certification: {
    number: string;
    status: CertificationStatus;
    certifiedOn: CalendarDate;
    expiresOn: CalendarDate;
  };
  application: { givenName: string | null; familyName: string | null };
  /** The sets of the framework the holder was admitted under, in framework order. */
  frameworkSets: ReadonlyArray<{ id: string; code: string; title: string }>;
  achievements: ReadonlyArray<{ setId: string; how: AchievedHow; achievedOn: CalendarDate }>;
  baseUrl: string;
}

/**
 * The certificate's content. Sets are listed in framework order, only those achieved; an achievement
 * for a set the framework does not know (never expected) is left out rather than printed without a title.
 */
export function certificateData(src: CertificateSources): CertificateData {
  const achievedBy = new Map(src.achievements.map((a) => [a.setId, a]));
  const sets = src.frameworkSets.flatMap((s) => {
    const a = achievedBy.get(s.id);
    return a ? [{ code: s.code, title: s.title, how: a.how, achievedOn: a.achievedOn }] : [];
  });
  const holderName = [src.application.givenName, src.application.familyName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return {
    holderName,
    number: src.certification.number,
    designation: DESIGNATION,
    status: src.certification.status,
    certifiedOn: src.certification.certifiedOn,
    validUntil: src.certification.expiresOn,
    sets,
    verificationUrl: `${src.baseUrl.replace(/\/$/, '')}/verify/${encodeURIComponent(src.certification.number)}`,
  };
}
