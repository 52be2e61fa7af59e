import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, min, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { courses } from '../courses/schema.js';
import { providers } from '../providers/schema.js';
import { catalogAlertSubscriptions } from './schema.js';

export type SubscriptionRow = typeof catalogAlertSubscriptions.$inferSelect;
export type SubscriptionInsert = typeof catalogAlertSubscriptions.$inferInsert;

const t = catalogAlertSubscriptions;

export async function findSubscription(
  db: Queryable,
  email: string,
  setId: string | null,
): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.email, email), sql`coalesce(${t.setId}, '') = ${setId ?? ''}`))
    .limit(1)
    .for('update');
  return row;
}

export async function findSubscriptionById(db: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
  return row;
}

export async function findSubscriptionByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.confirmTokenHash, tokenHash)).limit(1);
  return row;
}

/** Insert unless a request for the same address and set got in first; then the caller reads that one. */
export async function insertSubscription(tx: Queryable, row: SubscriptionInsert): Promise<boolean> {
  const inserted = await tx.insert(t).values(row).onConflictDoNothing().returning({ id: t.id });
  return inserted.length > 0;
}

export async function updateSubscription(
  tx: Queryable,
  id: string,
  patch: Partial<Omit<SubscriptionInsert, 'id' | 'email' | 'createdAt'>>,
): Promise<void> {
  await tx.update(t).set(patch).where(eq(t.id, id));
}

/** Use the confirmation token: true only for the request that used it while it was valid (single use). */
export async function confirmByTokenHash(
  tx: Queryable,
  tokenHash: string,
  now: Date,
): Promise<SubscriptionRow | undefined> {
  const [row] = await tx
    .update(t)
    .set({
      confirmTokenHash: null,
      confirmExpiresAt: null,
      confirmedAt: now,
      notifiedThrough: now,
      updatedAt: now,
    })
    .where(and(eq(t.confirmTokenHash, tokenHash), gt(t.confirmExpiresAt, now)))
    .returning();
  return row;
}

export async function deleteSubscription(tx: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await tx.delete(t).where(eq(t.id, id)).returning();
  return row;
}

/** Requests never confirmed before their link expired: the address is not kept. */
export async function deleteExpiredUnconfirmed(tx: Queryable, now: Date): Promise<number> {
  const rows = await tx
    .delete(t)
    .where(and(isNull(t.confirmedAt), lt(t.confirmExpiresAt, now)))
    .returning({ id: t.id });
  return rows.length;
}

/** The oldest watermark among confirmed subscriptions that are behind the cutoff. */
export async function oldestWatermark(db: Queryable, cutoff: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(t.notifiedThrough) })
    .from(t)
    .where(and(isNotNull(t.confirmedAt), lt(t.notifiedThrough, cutoff)));
  return row?.at ?? null;
}

/** Confirmed subscriptions behind the cutoff, a batch at a time in id order (keyset). */
export async function listDueSubscriptions(
  db: Queryable,
  cutoff: Date,
  afterId: string | null,
  limit: number,
): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(t)
    .where(
      and(isNotNull(t.confirmedAt), lt(t.notifiedThrough, cutoff), afterId ? gt(t.id, afterId) : undefined),
    )
    .orderBy(asc(t.id))
    .limit(limit);
}

/**
 * Move the watermark on, only if nobody moved it since it was read (a second sweep running at the
 * same time then skips the subscriber instead of mailing it twice). True when this call moved it.
 */
export async function advanceWatermark(
  tx: Queryable,
  id: string,
  from: Date,
  to: Date,
  sentAt: Date | null,
): Promise<boolean> {
  const rows = await tx
    .update(t)
    .set({ notifiedThrough: to, ...(sentAt ? { lastSentAt: sentAt } : {}) })
    .where(and(eq(t.id, id), eq(t.notifiedThrough, from)))
    .returning({ id: t.id });
  return rows.length > 0;
}

/** Bookkeeping for subscribers with nothing new: their watermark moves on without a mail. */
export async function advanceWatermarks(tx: Queryable, ids: string[], to: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(t)
    .set({ notifiedThrough: to })
    .where(and(inArray(t.id, ids), lt(t.notifiedThrough, to)));
}

export interface NewCourseRow {
  number: string;
  title: string;
  setId: string;
  providerName: string;
  createdAt: Date;
}

/**
 * Courses published (first approved) after `after` and up to `cutoff` that are still in the catalog,
 * oldest first. Runs once per sweep; the catalog holds a few thousand courses, so no index is needed.
 */
export async function listCoursesPublishedBetween(
  db: Queryable,
  after: Date,
  cutoff: Date,
  today: CalendarDate,
): Promise<NewCourseRow[]> {
  return db
    .select({
      number: courses.number,
      title: courses.title,
      setId: courses.setId,
      providerName: providers.name,
      createdAt: courses.createdAt,
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(
      and(
        gt(courses.createdAt, after),
        lte(courses.createdAt, cutoff),
        sql`${courses.approvalEndsOn} >= ${today}`,
      ),
    )
    .orderBy(asc(courses.createdAt), asc(courses.number));
}
