import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import { requireCandidate } from '../../applications/own-application.js';
import { findApplicationById, listAchievements } from '../../applications/repository.js';
import { findFrameworkById } from '../../policy/repository.js';
import { certificateData } from '../certificate-data.js';
import { certificatePdf } from '../certificate-pdf.js';
import { certifications } from '../schema.js';

type CertificationRow = typeof certifications.$inferSelect;

export interface CertificateFile {
  fileName: string;
  bytes: Uint8Array;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notCertified = () => new DomainError('NOT_FOUND', 'You do not have a certification yet.');
const notFound = () => new DomainError('NOT_FOUND', 'That certification was not found.');
const notInGoodStanding = (status: 'suspended' | 'revoked') =>
  new DomainError(
    'INVALID_STATE',
    status === 'suspended'
      ? 'Your certification is suspended, so you cannot download its certificate while the suspension lasts. Your certification page says why and how to appeal.'
      : 'Your certification was revoked, so there is no certificate to download. Your certification page says why and how to appeal.',
  );

/**
 * The holder's own certificate (their newest certification); 404 for anyone not certified, 409 while
 * suspended or once revoked (a fresh certificate would claim a standing the holder does not have).
 */
export async function downloadMyCertificate(ctx: Ctx): Promise<CertificateFile> {
  const actor = requireCandidate(ctx);
  const [row] = await ctx.db
    .select()
    .from(certifications)
    .where(eq(certifications.candidateId, actor.userId))
    .orderBy(desc(certifications.certifiedOn), desc(certifications.createdAt), desc(certifications.id))
    .limit(1);
  if (!row) throw notCertified();
  if (row.status === 'suspended' || row.status === 'revoked') throw notInGoodStanding(row.status);
  return renderCertificate(ctx, row);
}

/** Any certificate, for program staff (MFA), e.g. to send a replacement by post. */
export async function downloadCertificateForStaff(
  ctx: Ctx,
  certificationId: string,
): Promise<CertificateFile> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID.test(certificationId)) throw notFound();
  const [row] = await ctx.db
    .select()
    .from(certifications)
    .where(eq(certifications.id, certificationId))
    .limit(1);
  if (!row) throw notFound();
  return renderCertificate(ctx, row);
}

async function renderCertificate(ctx: Ctx, row: CertificationRow): Promise<CertificateFile> {
  const application = await findApplicationById(ctx.db, row.applicationId);
  if (!application?.frameworkVersionId) throw notFound();
  const [framework, achievements] = await Promise.all([
    findFrameworkById(ctx.db, application.frameworkVersionId),
    listAchievements(ctx.db, row.candidateId),
  ]);
  if (!framework) throw notFound();
  const data = certificateData({
    certification: row,
    application,
    frameworkSets: framework.framework.framework.sets,
    achievements,
    baseUrl: ctx.config.baseUrl,
  });
  return { fileName: `${row.number}.pdf`, bytes: await certificatePdf(data) };
}
