import { createHash } from 'node:crypto';
import type { CalendarDate } from '../../../lib/calendar-date.js';
import { OB_CREDENTIAL_SCHEMA, OB_V3_CONTEXT, OB_V3_EXTENSIONS_CONTEXT, VC_V2_CONTEXT } from './contexts.js';

export const statusPurposes = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof statusPurposes)[number];

/** The issuer as OB 3.0 describes it (a Profile); the same object is published at /credentials/issuer. */
export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
  email: string;
  description: string;
}

export function issuerProfile(
  did: string,
  baseUrl: string,
  office: { name: string; email: string },
): IssuerProfile {
  return {
    id: did,
    type: ['Profile'],
    name: 'Library Support Staff Certification Program',
    url: baseUrl,
    email: office.email,
    description: `Certifies library support staff (Certified Library Support Staff, CLSS). Run by the ${office.name}.`,
  };
}

export interface AchievementFacts {
  id: string;
  achievementType: 'Certification' | 'Competency';
  name: string;
  description: string;
  narrative: string;
}

export interface CredentialFacts {
  /** The credential's uuid: its id is urn:uuid:<this>. */
  id: string;
  issuer: IssuerProfile;
  baseUrl: string;
  name: string;
  holderName: string;
  /** Every email address the holder proves they own; each is hashed with the salt, never shown. */
  emails: readonly string[];
  salt: string;
  certificateNumber: string;
  achievement: AchievementFacts;
  validFrom: CalendarDate;
  validUntil: CalendarDate;
  statusListIndex: number;
}

/** OB 3.0 identity hash: "sha256$" and the hex SHA-256 of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt)
    .digest('hex')}`;
}

export function statusListUrl(baseUrl: string, purpose: StatusPurpose): string {
  return `${baseUrl}/credentials/status/${purpose}`;
}

/** The start of a day and its last second, in UTC: the dates on a certificate are whole days. */
const startOfDay = (d: CalendarDate) => `${d}T00:00:00Z`;
const endOfDay = (d: CalendarDate) => `${d}T23:59:59Z`;

/**
 * The unsigned Open Badges 3.0 credential (VC data model 2.0). Addresses are normalised and
 * de-duplicated before hashing, so the same address typed twice gives one identifier.
 */
export function buildCredential(f: CredentialFacts): Record<string, unknown> {
  const emails = [...new Set(f.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_V3_EXTENSIONS_CONTEXT],
    id: `urn:uuid:${f.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: f.name,
    issuer: f.issuer,
    validFrom: startOfDay(f.validFrom),
    validUntil: endOfDay(f.validUntil),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: false,
          identityHash: f.holderName,
        },
        ...emails.map((email) => ({
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: identityHash(email, f.salt),
          salt: f.salt,
        })),
      ],
      licenseNumber: f.certificateNumber,
      achievement: {
        id: f.achievement.id,
        type: ['Achievement'],
        achievementType: f.achievement.achievementType,
        name: f.achievement.name,
        description: f.achievement.description,
        criteria: { narrative: f.achievement.narrative },
      },
    },
    credentialSchema: [{ id: OB_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: statusPurposes.map((purpose) => ({
      id: `${statusListUrl(f.baseUrl, purpose)}#${f.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(f.statusListIndex),
      statusListCredential: statusListUrl(f.baseUrl, purpose),
    })),
  };
}

/** What the policy says certification takes, in words (the certification achievement's criteria). */
export function certificationNarrative(p: {
  requiredSets: readonly string[];
  electiveCount: number;
  electivesRequired: number;
  completionYears: number;
  validityYears: number;
}): string {
  return [
    `Achieve all ${p.requiredSets.length} required competency sets (${p.requiredSets.join(', ')})`,
    `and at least ${p.electivesRequired} of the ${p.electiveCount} elective sets`,
    `within ${p.completionYears} years of admission.`,
    'Each set is achieved by an approved course, a portfolio rated by two subject experts, or a recognised college program.',
    `Certification is valid for ${p.validityYears} years and is renewed with continuing education.`,
  ].join(' ');
}

/** A competency set's criteria: every competency in it, shown by a course, a portfolio or an agreement. */
export function setNarrative(set: {
  title: string;
  competencies: ReadonlyArray<{ id: string; topic: string }>;
}): string {
  const list = set.competencies.map((c) => `${c.id}: ${c.topic}`).join('; ');
  return `Demonstrate every competency of ${set.title} through an approved course, a portfolio rated by two subject experts, or a recognised college program. Competencies: ${list}.`;
}
