import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import { transact } from '../../../platform/context.js';
import { uuidv7 } from '../../../platform/ids.js';
import { confirmedOtherEmailsOf } from '../../accounts/email-addresses-repository.js';
import type { Framework } from '../../policy/framework.js';
import type { ProgramPolicy } from '../../policy/policy.js';
import { programOffice } from '../../policy/program-office.js';
import { findActiveVersions, findFrameworkById, findPolicyById } from '../../policy/repository.js';
import {
  type AchievementFacts,
  buildCredential,
  certificationNarrative,
  identityHash,
  issuerProfile,
  setNarrative,
} from './build-credential.js';
import {
  allocateStatusIndexes,
  type CertificationForCredentials,
  type CredentialInsert,
  type IssuedCredential,
  insertCredentialsOnce,
  listAchievedSets,
  listCertificationsWithoutCredentials,
  listIssued,
  replaceCredentialDocument,
} from './repository.js';
import { signMany } from './sign-pool.js';
import { signingKey } from './signing-key.js';

export const CERTIFICATION_NAME = 'Certified Library Support Staff (CLSS)';

/** Stable addresses of what was achieved: the same for every holder, served as JSON. */
export const achievementUrl = (baseUrl: string, frameworkId: string | null, setId?: string) =>
  setId
    ? `${baseUrl}/credentials/achievements/${frameworkId}/${setId}`
    : `${baseUrl}/credentials/achievements/clss`;

export function certificationAchievement(
  baseUrl: string,
  policy: ProgramPolicy,
  framework: Framework,
): AchievementFacts {
  const sets = framework.framework.sets;
  return {
    id: achievementUrl(baseUrl, null),
    achievementType: 'Certification',
    name: CERTIFICATION_NAME,
    description:
      'A voluntary, competency-based certification for library support staff: people who work in libraries in positions that do not require a master’s degree in library science.',
    narrative: certificationNarrative({
      requiredSets: sets.filter((s) => s.required).map((s) => s.title),
      electiveCount: sets.filter((s) => !s.required).length,
      electivesRequired: policy.certification.electivesRequired,
      completionYears: policy.certification.completionYears,
      validityYears: policy.certification.validityYears,
    }),
  };
}

export function setAchievement(
  baseUrl: string,
  framework: Framework,
  setId: string,
): AchievementFacts | null {
  const set = framework.framework.sets.find((s) => s.id === setId);
  if (!set) return null;
  return {
    id: achievementUrl(baseUrl, framework.framework.id, set.id),
    achievementType: 'Competency',
    name: `${set.title} (${set.code})`,
    description: set.summary,
    narrative: setNarrative(set),
  };
}

const holderName = (c: CertificationForCredentials) =>
  [c.givenName, c.familyName]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ');

/**
 * Signs the credentials these certifications lack: the certification's own and one per set achieved
 * that the framework knows; and signs again (same id and status position) any whose end date is no
 * longer the certification's, as after a renewal. Signing happens outside any transaction; the rows
 * and one audit event per certification commit together. Safe to run twice (a credential made
 * meanwhile wins). Returns how many were made or replaced.
 */
export async function issueMissingCredentials(
  ctx: Ctx,
  certs: readonly CertificationForCredentials[],
): Promise<number> {
  const live = certs.filter((c) => c.status !== 'revoked');
  if (live.length === 0) return 0;
  const { config } = ctx;
  const key = await signingKey(config);
  const issuer = issuerProfile(key.did, config.baseUrl, programOffice);
  const issued = await listIssued(
    ctx.db,
    live.map((c) => c.id),
  );
  const achieved = await listAchievedSets(ctx.db, [...new Set(live.map((c) => c.candidateId))]);
  const active = await findActiveVersions(ctx.db);
  // The holder's other confirmed addresses too, so the credential is not tied to one address.
  const otherEmails = await confirmedOtherEmailsOf(ctx.db, [...new Set(live.map((c) => c.candidateId))]);

  type Pending = {
    cert: CertificationForCredentials;
    setId: string | null;
    achievement: AchievementFacts;
    validFrom: string;
    /** Set when a credential exists but ends on another day than the certification now does. */
    replaces?: IssuedCredential;
  };
  const pending: Pending[] = [];
  const emailsOf = (cert: CertificationForCredentials) => [
    cert.email,
    ...(otherEmails.get(cert.candidateId) ?? []),
  ];
  /** The document names exactly the holder's confirmed addresses now (hashes compared with its salt). */
  const sameEmails = (existing: IssuedCredential, emails: readonly string[]) => {
    const { salt, hashes } = existing.emails;
    if (salt === null) return emails.length === 0;
    const now = emails.map((e) => identityHash(e, salt)).sort();
    return now.length === hashes.length && [...hashes].sort().every((h, i) => h === now[i]);
  };
  /** Nothing to do, a stale credential to sign again (new end date or addresses), or a new one. */
  const need = (cert: CertificationForCredentials, setId: string | null) => {
    const existing = issued.get(`${cert.id} ${setId ?? ''}`);
    if (!existing) return { replaces: undefined };
    const current = existing.validUntil === cert.expiresOn && sameEmails(existing, emailsOf(cert));
    return current ? null : { replaces: existing };
  };
  for (const cert of live) {
    // Versions are cached by id: no query per certification.
    const policy = (cert.policyVersionId ? await findPolicyById(ctx.db, cert.policyVersionId) : active.policy)
      ?.policy;
    const framework = (
      cert.frameworkVersionId ? await findFrameworkById(ctx.db, cert.frameworkVersionId) : active.framework
    )?.framework;
    if (!policy || !framework) continue;
    const own = need(cert, null);
    if (own)
      pending.push({
        cert,
        setId: null,
        achievement: certificationAchievement(config.baseUrl, policy, framework),
        validFrom: cert.certifiedOn,
        ...own,
      });
    for (const a of achieved.get(cert.candidateId) ?? []) {
      const achievement = setAchievement(config.baseUrl, framework, a.setId);
      const set = achievement && need(cert, a.setId);
      if (achievement && set)
        pending.push({ cert, setId: a.setId, achievement, validFrom: a.achievedOn, ...set });
    }
  }
  if (pending.length === 0) return 0;

  const fresh = await allocateStatusIndexes(ctx.db, pending.filter((p) => !p.replaces).length);
  const indexes = pending.map((p) => p.replaces?.statusListIndex ?? fresh.shift()!);
  const now = ctx.clock.now();
  const ids = pending.map((p) => p.replaces?.id ?? uuidv7(now.getTime()));
  const unsigned = pending.map((p, i) =>
    buildCredential({
      id: ids[i]!,
      issuer,
      baseUrl: config.baseUrl,
      name: p.setId ? `CLSS competency set: ${p.achievement.name}` : CERTIFICATION_NAME,
      holderName: holderName(p.cert),
      emails: emailsOf(p.cert),
      salt: randomBytes(12).toString('base64url'),
      certificateNumber: p.cert.number,
      achievement: p.achievement,
      validFrom: p.validFrom,
      validUntil: p.cert.expiresOn,
      statusListIndex: indexes[i]!,
    }),
  );
  const signed = await signMany(key, unsigned, now);
  const rows: Array<CredentialInsert & { replaces: boolean }> = pending.map((p, i) => ({
    replaces: p.replaces !== undefined,
    id: ids[i]!,
    certificationId: p.cert.id,
    kind: p.setId ? 'set' : 'certification',
    setId: p.setId,
    statusListIndex: indexes[i]!,
    validFrom: p.validFrom,
    validUntil: p.cert.expiresOn,
    document: signed[i]!,
    issuedAt: now,
  }));

  return transact(ctx, async (w) => {
    const made = new Set<string>();
    const added = rows.filter((r) => !r.replaces).map(({ replaces: _, ...row }) => row);
    for (let i = 0; i < added.length; i += 500)
      for (const id of await insertCredentialsOnce(w.tx, added.slice(i, i + 500))) made.add(id);
    for (const r of rows)
      if (r.replaces && (await replaceCredentialDocument(w.tx, { ...r, id: r.id!, issuedAt: now })))
        made.add(r.id!);
    const byCertification = new Map<string, string[]>();
    for (const r of rows)
      if (made.has(r.id!))
        byCertification.set(r.certificationId, [...(byCertification.get(r.certificationId) ?? []), r.id!]);
    await w.auditMany(
      [...byCertification].map(([certificationId, credentialIds]) => ({
        action: 'certification.credentials_issued',
        subjectType: 'certification',
        subjectId: certificationId,
        after: { credentialIds },
      })),
    );
    return made.size;
  });
}

/**
 * The batch job: every certification without credentials, a chunk at a time, until none is left
 * (or `limit` certifications were done). Returns the counts for the job log.
 */
export async function issueCredentialsBatch(
  ctx: Ctx,
  opts: { chunk?: number; limit?: number } = {},
): Promise<{ certifications: number; credentials: number }> {
  const chunk = opts.chunk ?? 200;
  let certificationsDone = 0;
  let made = 0;
  for (;;) {
    const take = Math.min(chunk, (opts.limit ?? Number.POSITIVE_INFINITY) - certificationsDone);
    if (take <= 0) break;
    const certs = await listCertificationsWithoutCredentials(ctx.db, take);
    if (certs.length === 0) break;
    const n = await issueMissingCredentials(ctx, certs);
    certificationsDone += certs.length;
    made += n;
    // Nothing new though certifications were found: they cannot be issued (no policy); stop, not spin.
    if (n === 0) break;
  }
  return { certifications: certificationsDone, credentials: made };
}
