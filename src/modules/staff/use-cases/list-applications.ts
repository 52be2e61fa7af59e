import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { parseReference } from '../../applications/rules/references.js';
import { listQueue, type QueueFilter, type QueueRow } from '../../applications/staff-repository.js';
import { parseInput } from '../../applications/validate.js';
import { type QueueQuery, queueQuery } from '../queue-query.js';

export interface QueuePage {
  items: QueueRow[];
  total: number;
  /** False when there are more than `total` (the count stops at a cap). */
  totalExact: boolean;
  page: number;
  pageSize: number;
  query: QueueQuery;
}

/** The staff queue: filtered, oldest submitted first, one page at a time with the total. */
export async function listApplications(ctx: Ctx, raw: unknown): Promise<QueuePage> {
  requireRole(ctx.actor, 'staff', 'admin');
  const query = parseInput(queueQuery, raw ?? {});
  const { rows, total, totalExact } = await listQueue(ctx.db, toFilter(query), {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows, total, totalExact, page: query.page, pageSize: query.pageSize, query };
}

function toFilter(q: QueueQuery): QueueFilter {
  const search = q.q ?? '';
  const reference = search ? parseReference(search) : null;
  const isNumber = reference?.prefix === 'LSSC';
  return {
    statuses: q.status ?? [],
    submittedFrom: q.submittedFrom ?? null,
    submittedTo: q.submittedTo ?? null,
    region: q.region || null,
    number: isNumber ? search.trim().toUpperCase() : null,
    // A handful of words is plenty for a name; more only slows the query down.
    nameWords: isNumber ? [] : search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4),
  };
}
