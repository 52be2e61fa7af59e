import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { findSet } from '../../policy/framework.js';
import { findActivePolicy, findFrameworkById, findPolicyById } from '../../policy/repository.js';
import { certificationStanding, type Standing } from '../rules/standing.js';
import type { CertificateRecord, VerificationCache } from '../verification-cache.js';
import { findCertificateWithSets } from '../verification-repository.js';

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

/** What a certificate shows, read from the database; undefined for an unknown number. */
async function loadCertificate(db: Queryable, number: string): Promise<CertificateRecord | undefined> {
  const cert = await findCertificateWithSets(db, number);
  if (!cert) return undefined;
  // Both versions are immutable and cached by id in this process: no query once seen.
  const framework = cert.frameworkVersionId
    ? await findFrameworkById(db, cert.frameworkVersionId)
    : undefined;
  return {
    candidateId: cert.candidateId,
    holderName: [cert.givenName, cert.familyName].filter(Boolean).join(' '),
    number: cert.number,
    status: cert.status,
    certifiedOn: cert.certifiedOn,
    expiresOn: cert.expiresOn,
    graceMonths: await graceMonthsFor(db, cert.policyVersionId),
    sets: cert.sets.map(([setId, how, achievedOn]) => {
      const set = framework && findSet(framework.framework, setId);
      return { id: setId, code: set?.code ?? null, title: set?.title ?? setId, how, achievedOn };
    }),
  };
}

/**
 * Anyone may check a certificate by its number, signed in or not. It shows only what the
 * certificate itself shows: no contact details. The standing is worked out for today on every
 * answer; the rest may come from `cache` (see VerificationCache).
 */
export async function verifyCertificate(
  ctx: Ctx,
  raw: string,
  cache?: VerificationCache,
): Promise<VerifiedCertificate> {
  const number = normalizeCertificateNumber(raw);
  if (!number)
    throw new DomainError(
      'VALIDATION_FAILED',
      `“${raw.slice(0, 40)}” is not a certificate number. ${NUMBER_FORMAT_HELP}`,
      { number: NUMBER_FORMAT_HELP },
    );
  let record = cache?.get(number);
  if (!record) {
    const stamp = cache?.stamp() ?? 0;
    record = await loadCertificate(ctx.db, number);
    if (!record) throw notFound(`Certificate ${number}`);
    cache?.store(record, stamp);
  }
  return {
    holderName: record.holderName,
    number: record.number,
    designation: DESIGNATION,
    certifiedOn: record.certifiedOn,
    validUntil: record.expiresOn,
    standing: certificationStanding(record, ctx.clock.today(), record.graceMonths),
    sets: record.sets,
  };
}
