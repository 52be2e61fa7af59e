import type { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { requireRole, requireUser } from '../../accounts/access.js';
import { providerForViewer } from '../../providers/access.js';
import { listProvidersOf } from '../../providers/repository.js';
import type { claimListQuerySchema, staffClaimListQuerySchema } from '../claim-forms.js';
import { type ClaimDetail, listPendingClaims, listProvidersWithPendingClaims } from '../claim-repository.js';

export const CLAIM_PAGE_SIZE = 25;

export interface ClaimListPage {
  items: ClaimDetail[];
  total: number;
  page: number;
  pageSize: number;
}

const pageOf = (query: { page?: number | undefined }) => {
  const page = query.page ?? 1;
  return { page, limit: CLAIM_PAGE_SIZE, offset: (page - 1) * CLAIM_PAGE_SIZE };
};

/** Pending claims for the courses of every provider the signed-in person belongs to, oldest first. */
export async function listClaimsForMember(
  ctx: Ctx,
  query: z.infer<typeof claimListQuerySchema>,
): Promise<ClaimListPage & { providers: Array<{ id: string; name: string }> }> {
  const user = requireUser(ctx.actor);
  const providers = (await listProvidersOf(ctx.db, user.userId)).map((p) => ({
    id: p.provider.id,
    name: p.provider.name,
  }));
  const { page, ...window } = pageOf(query);
  const { rows, total } = await listPendingClaims(
    ctx.db,
    { providerIds: providers.map((p) => p.id), notByCandidate: user.userId },
    window,
  );
  return { items: rows, total, page, pageSize: CLAIM_PAGE_SIZE, providers };
}

/** Pending claims for one provider's courses: its members, and staff. */
export async function listClaimsOfProvider(
  ctx: Ctx,
  providerId: string,
  query: z.infer<typeof claimListQuerySchema>,
): Promise<ClaimListPage> {
  await providerForViewer(ctx.db, ctx.actor, providerId);
  const { page, ...window } = pageOf(query);
  const { rows, total } = await listPendingClaims(ctx.db, { providerIds: [providerId] }, window);
  return { items: rows, total, page, pageSize: CLAIM_PAGE_SIZE };
}

/** Every pending claim for staff, optionally for one provider, oldest first, with the providers to filter by. */
export async function listClaimsForStaff(
  ctx: Ctx,
  query: z.infer<typeof staffClaimListQuerySchema>,
): Promise<
  ClaimListPage & {
    providerId: string | null;
    providers: Array<{ id: string; name: string; pending: number }>;
  }
> {
  requireRole(ctx.actor, 'staff', 'admin');
  const providerId = query.providerId || null;
  const { page, ...window } = pageOf(query);
  const [{ rows, total }, providers] = await Promise.all([
    listPendingClaims(ctx.db, providerId ? { providerIds: [providerId] } : {}, window),
    listProvidersWithPendingClaims(ctx.db),
  ]);
  return { items: rows, total, page, pageSize: CLAIM_PAGE_SIZE, providerId, providers };
}
