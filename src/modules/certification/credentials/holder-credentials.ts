import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import { requireCandidate } from '../../applications/own-application.js';
import { findCertificationOf } from '../repository.js';
import { issueMissingCredentials } from './issue-credentials.js';
import {
  type CredentialRow,
  findCertificationsForCredentials,
  findCredential,
  listCredentialsOfCertification,
} from './repository.js';

export interface CredentialSummary {
  id: string;
  kind: 'certification' | 'set';
  setId: string | null;
  name: string;
  validFrom: string;
  validUntil: string;
  fileName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function summary(row: CredentialRow, number: string): CredentialSummary {
  const name = typeof row.document.name === 'string' ? row.document.name : 'Credential';
  return {
    id: row.id,
    kind: row.kind,
    setId: row.setId,
    name,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    fileName: `${number}${row.setId ? `-${row.setId}` : ''}.credential.json`,
  };
}

/**
 * A certification's credentials, signing any it still lacks first (a new certification, or a set
 * achieved since), so the holder never waits for the batch job. Revoked certifications have none.
 */
async function credentialsOf(ctx: Ctx, certificationId: string) {
  const [cert] = await findCertificationsForCredentials(ctx.db, [certificationId]);
  if (!cert || cert.status === 'revoked') return null;
  let rows = await listCredentialsOfCertification(ctx.db, cert.id);
  const made = await issueMissingCredentials(ctx, [cert]);
  if (made > 0) rows = await listCredentialsOfCertification(ctx.db, cert.id);
  return { cert, rows };
}

/** The signed-in holder's credentials; an empty list for anyone not (or no longer) certified. */
export async function listMyCredentials(ctx: Ctx): Promise<CredentialSummary[]> {
  const actor = requireCandidate(ctx);
  const cert = await findCertificationOf(ctx.db, actor.userId);
  if (!cert) return [];
  const found = await credentialsOf(ctx, cert.id);
  return found ? found.rows.map((r) => summary(r, found.cert.number)) : [];
}

export interface CredentialFile {
  fileName: string;
  document: Record<string, unknown>;
}

/** One of the holder's own credentials; another holder's, or a revoked one, is "not found". */
export async function getMyCredential(ctx: Ctx, credentialId: string): Promise<CredentialFile> {
  const actor = requireCandidate(ctx);
  const cert = await findCertificationOf(ctx.db, actor.userId);
  if (!cert || cert.status === 'revoked' || !UUID.test(credentialId)) throw notFound('That credential');
  const row = await findCredential(ctx.db, credentialId);
  if (!row || row.certificationId !== cert.id) throw notFound('That credential');
  return { fileName: summary(row, cert.number).fileName, document: row.document };
}

/** Program staff: a holder's credentials (e.g. to send them on the holder's behalf). */
export async function listCredentialsForStaff(
  ctx: Ctx,
  certificationId: string,
): Promise<CredentialSummary[]> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID.test(certificationId)) throw notFound('That certification');
  const found = await credentialsOf(ctx, certificationId);
  if (!found) throw notFound('That certification');
  return found.rows.map((r) => summary(r, found.cert.number));
}

export async function getCredentialForStaff(
  ctx: Ctx,
  certificationId: string,
  credentialId: string,
): Promise<CredentialFile> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID.test(certificationId) || !UUID.test(credentialId)) throw notFound('That credential');
  const [cert] = await findCertificationsForCredentials(ctx.db, [certificationId]);
  const row = await findCredential(ctx.db, credentialId);
  if (!cert || !row || row.certificationId !== cert.id) throw notFound('That credential');
  return { fileName: summary(row, cert.number).fileName, document: row.document };
}
