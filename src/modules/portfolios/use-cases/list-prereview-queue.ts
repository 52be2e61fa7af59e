import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { findSet } from '../../policy/framework.js';
import { findFrameworkById } from '../../policy/repository.js';
import { listPrereviewQueue, type PrereviewQueueRow } from '../prereview-repository.js';

export const PREREVIEW_PAGE_SIZE = 25;

export const prereviewQueueQuery = z.object({
  page: z.coerce.number({ error: 'Enter a page number' }).int().min(1).max(10_000).optional(),
});

export type PrereviewQueueItem = PrereviewQueueRow & { setTitle: string };

/** Portfolios waiting for a pre-review, the longest waiting first, for program staff. */
export async function listPrereviewRequests(ctx: Ctx, query: z.infer<typeof prereviewQueueQuery>) {
  requireRole(ctx.actor, 'staff', 'admin');
  const page = query.page ?? 1;
  const { rows, total } = await listPrereviewQueue(ctx.db, {
    limit: PREREVIEW_PAGE_SIZE,
    offset: (page - 1) * PREREVIEW_PAGE_SIZE,
  });
  // Frameworks are few and cached once parsed: one lookup per row costs nothing after the first.
  const items: PrereviewQueueItem[] = await Promise.all(
    rows.map(async (r) => {
      const framework = await findFrameworkById(ctx.db, r.frameworkVersionId);
      const set = framework && findSet(framework.framework, r.setId);
      return { ...r, setTitle: set?.title ?? r.setId };
    }),
  );
  return { items, total, page, pageSize: PREREVIEW_PAGE_SIZE };
}
