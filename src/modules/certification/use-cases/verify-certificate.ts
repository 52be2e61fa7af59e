import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { findSet } from '../../policy/framework.js';
import { findActivePolicy, findFrameworkById, findPolicyById } from '../../policy/repository.js';
import { certificationStanding, type Standing } from '../rules/standing.js';
import { findCertificateByNumber, listSetsAchieved } from '../verification-repository.js';

export const DESIGNATION = 'Certified Library Support Staff (CLSS)';
export const NUMBER_FORMAT_HELP =
  'A certificate number looks like CLSS-2026-000123: the letters CLSS, the year, and six digits, separated by hyphens.';
const NUMBER_PATTERN = /^CLSS-\d{4}-\d{6}$/;

/** A typed number in the usual form, or null; spaces around it and lower case are forgiven. */
export function normalizeCertificateNumber(raw: string): string | null {
  const number = raw.trim().toUpperCase();
  return NUMBER_PATTERN.test(number) ? number : null;
}

export interface VerifiedCertificate {
  holderName: string;
  number: string;
  designation: string;
  certifiedOn: CalendarDate;
  validUntil: CalendarDate;
  standing: Standing;
  sets: Array<{
    id: string;
    code: string | null;
    title: string;
    how: 'course' | 'portfolio' | 'agreement';
    achievedOn: CalendarDate;
  }>;
}

/** Renewal grace of the policy the holder was admitted under (the one in force if none was pinned). */
export async function graceMonthsFor(db: Queryable, policyVersionId: string | null): Promise<number> {
  const policy = policyVersionId ? await findPolicyById(db, policyVersionId) : await findActivePolicy(db);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  return policy.policy.renewal.graceMonths;
}

/**
 * Anyone may check a certificate by its number, signed in or not. It shows only what the
 * certificate itself shows: no contact details.
 */
export async function verifyCertificate(ctx: Ctx, raw: string): Promise<VerifiedCertificate> {
  const number = normalizeCertificateNumber(raw);
  if (!number)
    throw new DomainError(
      'VALIDATION_FAILED',
      `“${raw.slice(0, 40)}” is not a certificate number. ${NUMBER_FORMAT_HELP}`,
      {
        number: NUMBER_FORMAT_HELP,
      },
    );
  const cert = await findCertificateByNumber(ctx.db, number);
  if (!cert) throw notFound(`Certificate ${number}`);
  const achieved = await listSetsAchieved(ctx.db, cert.candidateId);
  const framework = cert.frameworkVersionId
    ? await findFrameworkById(ctx.db, cert.frameworkVersionId)
    : undefined;
  const graceMonths = await graceMonthsFor(ctx.db, cert.policyVersionId);
  return {
    holderName: [cert.givenName, cert.familyName].filter(Boolean).join(' '),
    number: cert.number,
    designation: DESIGNATION,
    certifiedOn: cert.certifiedOn,
    validUntil: cert.expiresOn,
    standing: certificationStanding(cert, ctx.clock.today(), graceMonths),
    sets: achieved.map((a) => {
      const set = framework && findSet(framework.framework, a.setId);
      return {
        id: a.setId,
        code: set?.code ?? null,
        title: set?.title ?? a.setId,
        how: a.how,
        achievedOn: a.achievedOn,
      };
    }),
  };
}
