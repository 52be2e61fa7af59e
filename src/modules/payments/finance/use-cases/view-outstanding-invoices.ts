import { z } from 'zod';
import type { Ctx } from '../../../../platform/context.js';
import { requireRole } from '../../../accounts/access.js';
import { parseInput } from '../../../applications/validate.js';
import {
  type BucketTotal,
  type OutstandingInvoiceRow,
  outstandingByBucket,
  outstandingInvoicesPage,
} from '../repository.js';

export const OUTSTANDING_PAGE_SIZE = 50;
/** A CSV export holds every outstanding invoice up to this many (far more than the program issues). */
export const OUTSTANDING_CSV_LIMIT = 50_000;

export const outstandingQuerySchema = z.object({
  page: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number({ error: 'Enter a page number like 2' })
        .int('Enter a page number like 2')
        .min(1, 'Enter a page number of 1 or more')
        .max(100_000, 'Enter a smaller page number')
        .optional(),
    )
    .describe('Page of the list, 50 invoices a page'),
});

export interface OutstandingInvoices {
  today: string;
  buckets: BucketTotal[];
  /** All outstanding invoices (the sum of the buckets). */
  total: number;
  page: number;
  pageSize: number;
  invoices: OutstandingInvoiceRow[];
}

/** Invoices not fully paid, grouped by how long past due they are, oldest first. */
export async function viewOutstandingInvoices(
  ctx: Ctx,
  raw: unknown,
  opts: { all?: boolean } = {},
): Promise<OutstandingInvoices> {
  requireRole(ctx.actor, 'staff', 'admin');
  const q = parseInput(outstandingQuerySchema, raw ?? {});
  const today = ctx.clock.today();
  const page = opts.all ? 1 : (q.page ?? 1);
  const pageSize = opts.all ? OUTSTANDING_CSV_LIMIT : OUTSTANDING_PAGE_SIZE;
  const buckets = await outstandingByBucket(ctx.db, today);
  const invoices = await outstandingInvoicesPage(ctx.db, {
    today,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    today,
    buckets,
    total: buckets.reduce((n, b) => n + b.count, 0),
    page,
    pageSize,
    invoices,
  };
}
