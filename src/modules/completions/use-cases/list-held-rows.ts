import type { Ctx } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { isStaff, requireRole, requireUser } from '../../accounts/access.js';
import { findProvider, listProvidersOf, type ProviderRow } from '../../providers/repository.js';
import { rosterViewerOf } from '../roster-access.js';
import { type HeldRow, listHeldRows } from '../roster-repository.js';
import { providerNotFound } from './import-roster.js';
import { rowsQuery } from './view-roster.js';

export const HELD_ROWS_PAGE_SIZE = 50;

export interface HeldRowsView {
  /** The provider whose rows are listed; null for staff looking at every provider's. */
  provider: ProviderRow | null;
  /** A member of several providers who has not chosen one yet: the choice. */
  choose: ProviderRow[];
  member: boolean;
  items: HeldRow[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Rows of confirmed rosters still waiting for their candidate, for a provider's members and for
 * staff (who may also list every provider's at once). They are never dropped.
 */
export async function listHeldRosterRows(
  ctx: Ctx,
  query: { providerId?: unknown; page?: unknown },
  scope: 'member' | 'staff' = 'member',
): Promise<HeldRowsView> {
  const user = scope === 'staff' ? requireRole(ctx.actor, 'staff', 'admin') : requireUser(ctx.actor);
  const { page } = rowsQuery({ page: query.page });
  const empty = { items: [], total: 0, page, pageSize: HELD_ROWS_PAGE_SIZE };
  let providerId = typeof query.providerId === 'string' && query.providerId !== '' ? query.providerId : null;
  if (providerId === null && scope === 'member') {
    const mine = (await listProvidersOf(ctx.db, user.userId)).map((p) => p.provider);
    if (mine.length > 1) return { provider: null, choose: mine, member: true, ...empty };
    if (mine.length === 1) providerId = mine[0]!.id;
    else if (!isStaff(ctx.actor)) return { provider: null, choose: [], member: true, ...empty };
  }
  let provider: ProviderRow | null = null;
  let member = false;
  if (providerId !== null) {
    if (!UUID_PATTERN.test(providerId)) throw providerNotFound();
    member = (await rosterViewerOf(ctx.db, ctx.actor, providerId, providerNotFound)).member;
    provider = (await findProvider(ctx.db, providerId)) ?? null;
    if (!provider) throw providerNotFound();
  } else requireRole(ctx.actor, 'staff', 'admin'); // every provider's rows: staff only, after MFA
  const { items, total } = await listHeldRows(ctx.db, {
    providerId,
    limit: HELD_ROWS_PAGE_SIZE,
    offset: (page - 1) * HELD_ROWS_PAGE_SIZE,
  });
  return { provider, choose: [], member, items, total, page, pageSize: HELD_ROWS_PAGE_SIZE };
}
