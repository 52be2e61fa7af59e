import { desc, eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Db, Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { courses, type DeliveryMode } from '../courses/schema.js';
import { providers } from '../providers/schema.js';

export interface FeedRow {
  id: string;
  number: string;
  title: string;
  summary: string;
  setId: string;
  delivery: DeliveryMode;
  contactHours: number;
  providerName: string;
  firstApprovedOn: CalendarDate;
  createdAt: Date;
  updatedAt: Date;
}

const newestApproved = (db: Db) =>
  db
    .select({
      id: courses.id,
      number: courses.number,
      title: courses.title,
      summary: sql<string>`left(${courses.description}, 500)`,
      setId: courses.setId,
      delivery: courses.delivery,
      contactHours: courses.contactHours,
      providerName: providers.name,
      firstApprovedOn: courses.firstApprovedOn,
      createdAt: courses.createdAt,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(sql`${courses.approvalEndsOn} >= ${sql.placeholder('today')}`)
    .orderBy(desc(courses.firstApprovedOn), desc(courses.createdAt), desc(courses.number))
    .limit(sql.placeholder('limit'))
    .prepare('catalog_newest_approved');

/** The most recently approved courses still in the catalog, newest first (for the Atom feed). */
export async function listNewestApproved(
  db: Queryable,
  today: CalendarDate,
  limit: number,
): Promise<FeedRow[]> {
  return prepared(db, 'catalog_newest_approved', newestApproved).execute({ today, limit });
}
