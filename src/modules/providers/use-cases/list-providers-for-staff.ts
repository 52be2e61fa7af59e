import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { type StaffProviderQuery, staffProviderQuery } from '../forms.js';
import { listProvidersPage, type StaffProviderRow } from '../staff-repository.js';

export interface StaffProviderPage {
  items: StaffProviderRow[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  query: StaffProviderQuery;
}

/** Every registered provider for program staff: by name start, kind and region, one page at a time. */
export async function listProvidersForStaff(ctx: Ctx, raw: unknown): Promise<StaffProviderPage> {
  requireRole(ctx.actor, 'staff', 'admin');
  const query = parseInput(staffProviderQuery, raw ?? {});
  const { rows, total, totalExact } = await listProvidersPage(
    ctx.db,
    {
      namePrefix: query.q ? query.q.toLowerCase() : null,
      type: query.type || null,
      region: query.region || null,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows, total, totalExact, page: query.page, pageSize: query.pageSize, query };
}
