import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { reserveAttempt } from '../../accounts/guards.js';
import type { Standing } from '../rules/standing.js';
import { type VerifiedCertificate, verifyCertificate } from '../use-cases/verify-certificate.js';
import { type StatusPurpose, statusListUrl, statusPurposes } from './build-credential.js';
import { offlineDocumentLoader } from './contexts.js';
import { checkProof, ownKeyDocuments } from './proofs.js';
import { findCredentialStanding } from './repository.js';
import { signingKey } from './signing-key.js';
import { readStatusBit } from './status-list.js';
import { statusListCredential } from './status-list-credential.js';

/** A credential of ours is about 5 KB; anything far larger is not one. */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

export const NOT_A_CREDENTIAL =
  'This file is not a verifiable credential. Choose the .json file you downloaded from this site.';

export interface CredentialCheck {
  /** The signature matches the content: nothing was changed since the program signed it. */
  signatureValid: boolean;
  issuedByThisProgram: boolean;
  /** Plain words for the person checking. */
  summary: string;
  /** The library's reason, for support (never shown as the main message). */
  reason: string | null;
  name: string | null;
  kind: 'certification' | 'set' | null;
  /** Bits of the status lists: true = set (revoked, suspended); null = not one of our lists. */
  status: Record<StatusPurpose, boolean | null>;
  /** What the certificate shows today: the standing and the sets. Null unless valid and ours. */
  certificate: VerifiedCertificate | null;
  standing: Standing | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Parsed JSON that looks like a verifiable credential with a proof; otherwise a 400 in plain words. */
export function asCredential(value: unknown): Record<string, unknown> {
  if (
    !isObject(value) ||
    !asArray(value['@context']).includes('https://www.w3.org/ns/credentials/v2') ||
    !asArray(value.type).includes('VerifiableCredential') ||
    !(typeof value.issuer === 'string' || isObject(value.issuer)) ||
    !isObject(value.credentialSubject) ||
    !isObject(value.proof)
  )
    throw new DomainError('VALIDATION_FAILED', NOT_A_CREDENTIAL, { file: NOT_A_CREDENTIAL });
  return value;
}

/** The bytes of an uploaded file as a credential: size, JSON, shape. */
export function parseCredentialFile(bytes: Buffer, truncated = false): Record<string, unknown> {
  if (truncated || bytes.length > MAX_CREDENTIAL_BYTES) {
    const message = `This file is too large to be a credential (the limit is ${MAX_CREDENTIAL_BYTES / 1024} KB).`;
    throw new DomainError('PAYLOAD_TOO_LARGE', message, { file: message });
  }
  if (bytes.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose a credential file.', {
      file: 'Choose a credential file.',
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DomainError('VALIDATION_FAILED', NOT_A_CREDENTIAL, { file: NOT_A_CREDENTIAL });
  }
  return asCredential(parsed);
}

/**
 * Anyone may check a credential file: is the signature ours and intact, and what is the
 * certification's standing today (the status lists' bits win over the dates). Nothing is fetched
 * from elsewhere: a credential from another issuer is reported as not ours.
 */
/** Plenty for a person or an employer's office checking files by hand. */
export const CHECKS_PER_NETWORK = { max: 60, windowMs: 15 * 60 * 1000 };

export async function verifyCredentialFile(
  ctx: Ctx,
  credential: Record<string, unknown>,
  from: { ip: string },
): Promise<CredentialCheck> {
  // Each check costs tens of milliseconds of CPU: limited per network address so nobody can tie up
  // the server with them (counted in the database, shared by every process).
  if (!(await reserveAttempt(ctx, `verify-credential:ip:${from.ip}`, CHECKS_PER_NETWORK)))
    throw new DomainError(
      'RATE_LIMITED',
      'Too many credential checks from your network. Wait 15 minutes and try again.',
      { file: 'Too many credential checks from your network. Wait 15 minutes and try again.' },
    );
  const key = await signingKey(ctx.config);
  const issuerId = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  const ours = issuerId === key.did;
  const ownKey = ownKeyDocuments(key);
  const lists = new Map(statusPurposes.map((p) => [statusListUrl(ctx.config.baseUrl, p), p] as const));
  const loader = offlineDocumentLoader(async (url) => {
    const purpose = lists.get(url);
    return purpose ? statusListCredential(ctx, purpose) : ownKey(url);
  });
  const proof = await checkProof(credential, loader);
  const name = typeof credential.name === 'string' ? credential.name.slice(0, 200) : null;
  const base = {
    name,
    kind: null,
    status: { revocation: null, suspension: null },
    certificate: null,
    standing: null,
  };
  if (!ours)
    return {
      ...base,
      signatureValid: false,
      issuedByThisProgram: false,
      summary:
        'Not valid here: this credential was not issued by this program, so it cannot be checked on this site.',
      reason: proof.reason,
    };
  if (!proof.valid)
    return {
      ...base,
      signatureValid: false,
      issuedByThisProgram: false,
      summary:
        'Not valid: this file was changed after the program signed it, or it was never signed by the program.',
      reason: proof.reason,
    };

  const status: CredentialCheck['status'] = { revocation: null, suspension: null };
  for (const entry of asArray(credential.credentialStatus)) {
    if (!isObject(entry)) continue;
    const purpose = lists.get(String(entry.statusListCredential));
    if (!purpose || entry.statusPurpose !== purpose) continue;
    const list = await statusListCredential(ctx, purpose);
    const subject = list.credentialSubject as { encodedList: string };
    status[purpose] = readStatusBit(subject.encodedList, Number(entry.statusListIndex));
  }
  const id = typeof credential.id === 'string' ? credential.id.replace(/^urn:uuid:/, '') : '';
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findCredentialStanding(ctx.db, id) : undefined;
  if (!row)
    return {
      ...base,
      status,
      signatureValid: true,
      issuedByThisProgram: true,
      summary: 'The signature is the program’s, but the program has no record of this credential.',
      reason: null,
    };
  const certificate = await verifyCertificate(ctx, row.number);
  const standing: Standing = status.revocation
    ? 'revoked'
    : status.suspension
      ? 'suspended'
      : certificate.standing;
  return {
    name,
    kind: row.kind,
    status,
    certificate: { ...certificate, standing },
    standing,
    signatureValid: true,
    issuedByThisProgram: true,
    summary: 'Valid signature: this credential was issued by this program and has not been changed.',
    reason: null,
  };
}
