import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { BlobDownload } from '../../../platform/files/downloads.js';
import { hasRole } from '../../accounts/access.js';
import { EDITABLE, requireCandidate } from '../../applications/own-application.js';
import { findApplicationById, findCurrentApplication } from '../../applications/repository.js';
import { checkId, requireStaff } from '../access.js';
import { findClaimForApplication, type GraduationClaimRow } from '../claims-repository.js';
import { listAllAgreementListings } from '../repository.js';
import { describeAgreement, type PublicAgreement } from './list-agreements.js';

export interface GraduationView {
  claim: GraduationClaimRow | null;
  agreement: PublicAgreement | null;
}

async function claimView(ctx: Ctx, applicationId: string): Promise<GraduationView> {
  const claim = (await findClaimForApplication(ctx.db, applicationId)) ?? null;
  if (!claim) return { claim, agreement: null };
  const listing = (await listAllAgreementListings(ctx.db)).find((l) => l.agreement.id === claim.agreementId);
  return { claim, agreement: listing ? await describeAgreement(ctx, listing) : null };
}

export interface MyGraduationView extends GraduationView {
  choices: PublicAgreement[];
  /** The candidate may state or change their graduation now. */
  canChange: boolean;
}

/** The candidate's own statement of graduation, and the agreements they can choose from. */
export async function viewMyGraduation(ctx: Ctx): Promise<MyGraduationView> {
  const user = requireCandidate(ctx);
  const app = await findCurrentApplication(ctx.db, user.userId);
  const open = app && app.status !== 'rejected' ? app : null;
  const view = open ? await claimView(ctx, open.id) : { claim: null, agreement: null };
  const choices: PublicAgreement[] = [];
  for (const l of await listAllAgreementListings(ctx.db)) choices.push(await describeAgreement(ctx, l));
  const canChange = !open || EDITABLE.includes(open.status) || view.claim?.status === 'rejected';
  return { ...view, choices, canChange };
}

/** For the staff review of an application (null when the applicant did not apply as a graduate). */
export async function viewGraduationForStaff(
  ctx: Ctx,
  applicationId: string,
): Promise<GraduationView | null> {
  requireStaff(ctx);
  checkId(applicationId, 'That application');
  const view = await claimView(ctx, applicationId);
  return view.claim ? view : null;
}

/** The proof file: the candidate's own, or any for staff; others get "not found". */
export async function findGraduationProof(ctx: Ctx, applicationId: string): Promise<BlobDownload> {
  checkId(applicationId, 'That file');
  const claim = await findClaimForApplication(ctx.db, applicationId);
  const app = claim ? await findApplicationById(ctx.db, applicationId) : undefined;
  const own = ctx.actor.kind === 'user' && app?.candidateId === ctx.actor.userId;
  if (!claim || !(own || hasRole(ctx.actor, 'staff', 'admin'))) throw notFound('That file');
  if (!own) requireStaff(ctx);
  return { key: claim.proofBlobKey, mime: claim.proofMime, fileName: claim.proofFileName };
}
