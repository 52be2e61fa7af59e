import { asc, count, desc, eq, gt, lte } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { portfolioWebinars } from './schema.js';

export type WebinarRow = typeof portfolioWebinars.$inferSelect;

export async function insertWebinar(tx: Queryable, row: WebinarRow): Promise<WebinarRow> {
  const [inserted] = await tx.insert(portfolioWebinars).values(row).returning();
  return inserted!;
}

export async function findWebinar(db: Queryable, id: string): Promise<WebinarRow | undefined> {
  const [row] = await db.select().from(portfolioWebinars).where(eq(portfolioWebinars.id, id)).limit(1);
  return row;
}

export async function lockWebinar(tx: Queryable, id: string): Promise<WebinarRow | undefined> {
  const [row] = await tx
    .select()
    .from(portfolioWebinars)
    .where(eq(portfolioWebinars.id, id))
    .limit(1)
    .for('update');
  return row;
}

export async function updateWebinar(
  tx: Queryable,
  id: string,
  patch: Partial<Omit<WebinarRow, 'id' | 'createdBy' | 'createdAt'>>,
): Promise<WebinarRow | undefined> {
  const [row] = await tx.update(portfolioWebinars).set(patch).where(eq(portfolioWebinars.id, id)).returning();
  return row;
}

export async function deleteWebinar(tx: Queryable, id: string): Promise<WebinarRow | undefined> {
  const [row] = await tx.delete(portfolioWebinars).where(eq(portfolioWebinars.id, id)).returning();
  return row;
}

/**
 * Webinars not yet started, soonest first; or those that have started, most recent first. Both
 * walk portfolio_webinars_starts_idx.
 */
export async function listWebinars(
  db: Queryable,
  when: 'upcoming' | 'past',
  now: Date,
  page: { limit: number; offset: number },
): Promise<{ rows: WebinarRow[]; total: number }> {
  const where =
    when === 'upcoming' ? gt(portfolioWebinars.startsAt, now) : lte(portfolioWebinars.startsAt, now);
  const order =
    when === 'upcoming'
      ? [asc(portfolioWebinars.startsAt), asc(portfolioWebinars.id)]
      : [desc(portfolioWebinars.startsAt), desc(portfolioWebinars.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(portfolioWebinars)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(portfolioWebinars).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
