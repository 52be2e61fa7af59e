import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import { auditEvents } from '../../platform/audit/schema.js';
import type { Db, Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { courseBundles, courseOfferings, courses, type DeliveryMode } from '../courses/schema.js';
import { type ProviderType, providers } from '../providers/schema.js';

/**
 * The public catalog's reads. Every hot read is a named prepared statement. The search has one
 * statement per combination of filters in use (at most 2^7), so each is planned for its own shape
 * instead of one generic plan full of "or $1 is null" branches that no index can serve.
 */

export interface CatalogFilter {
  /** Words (websearch syntax: "quoted phrase", -not, or). */
  q: string | null;
  setId: string | null;
  /** online: online or both; face_to_face: face to face or both. */
  delivery: 'online' | 'face_to_face' | null;
  /** Courses with a session in this state (any date; with `upcoming`, an upcoming one there). */
  state: string | null;
  providerType: ProviderType | null;
  providerId: string | null;
  /** Only courses with a session starting today or later. */
  upcoming: boolean;
}

export interface NextOffering {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  online: boolean;
  city: string | null;
  state: string | null;
}

export interface CatalogListRow {
  id: string;
  number: string;
  title: string;
  summary: string;
  setId: string;
  frameworkVersionId: string;
  delivery: DeliveryMode;
  contactHours: number;
  costToStudentsCents: number;
  length: string;
  firstApprovedOn: CalendarDate;
  approvalEndsOn: CalendarDate;
  providerId: string;
  providerName: string;
  bundleId: string | null;
  nextOffering: NextOffering | null;
}

const query = sql`websearch_to_tsquery('english', ${sql.placeholder('q')})`;

const filterKeys = ['q', 'setId', 'delivery', 'state', 'providerType', 'providerId', 'upcoming'] as const;

function maskOf(f: CatalogFilter): string {
  return filterKeys.map((k) => (f[k] ? '1' : '0')).join('');
}

/** The conditions in use, shaped for the indexes: GIN on search, (set_id, approval_ends_on), offerings by state and by course. */
function conditions(f: CatalogFilter): SQL[] {
  const c: SQL[] = [sql`${courses.approvalEndsOn} >= ${sql.placeholder('today')}`];
  if (f.q)
    c.push(
      sql`(${courses.search} @@ ${query} or ${courses.number} = upper(${sql.placeholder('q')}) or ${courses.providerId} = any(${sql.placeholder('providerIds')}::uuid[]))`,
    );
  if (f.setId) c.push(sql`${courses.setId} = ${sql.placeholder('setId')}`);
  if (f.delivery) c.push(sql`${courses.delivery} in (${sql.placeholder('delivery')}, 'both')`);
  if (f.providerType) c.push(sql`${providers.type} = ${sql.placeholder('providerType')}`);
  if (f.providerId) c.push(sql`${courses.providerId} = ${sql.placeholder('providerId')}`);
  if (f.state && f.upcoming)
    c.push(
      sql`exists (select 1 from ${courseOfferings} where ${courseOfferings.courseId} = ${courses.id} and ${courseOfferings.state} = ${sql.placeholder('state')} and ${courseOfferings.startsOn} >= ${sql.placeholder('today')})`,
    );
  else if (f.state)
    c.push(
      sql`exists (select 1 from ${courseOfferings} where ${courseOfferings.courseId} = ${courses.id} and ${courseOfferings.state} = ${sql.placeholder('state')})`,
    );
  else if (f.upcoming)
    c.push(
      sql`exists (select 1 from ${courseOfferings} where ${courseOfferings.courseId} = ${courses.id} and ${courseOfferings.startsOn} >= ${sql.placeholder('today')})`,
    );
  return c;
}

const nextOffering = sql<NextOffering | null>`(select json_build_object('startsOn', o.starts_on, 'endsOn', o.ends_on, 'online', o.online, 'city', o.city, 'state', o.state) from ${courseOfferings} o where o.course_id = ${courses.id} and o.starts_on >= ${sql.placeholder('today')} order by o.starts_on limit 1)`;

const listColumns = {
  id: courses.id,
  number: courses.number,
  title: courses.title,
  summary: sql<string>`left(${courses.description}, 280)`,
  setId: courses.setId,
  frameworkVersionId: courses.frameworkVersionId,
  delivery: courses.delivery,
  contactHours: courses.contactHours,
  costToStudentsCents: courses.costToStudentsCents,
  length: courses.length,
  firstApprovedOn: courses.firstApprovedOn,
  approvalEndsOn: courses.approvalEndsOn,
  providerId: courses.providerId,
  providerName: providers.name,
  bundleId: courses.bundleId,
  nextOffering,
};

const pageStatement = (f: CatalogFilter, name: string) => (db: Db) =>
  db
    .select(listColumns)
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(and(...conditions(f)))
    .orderBy(desc(courses.firstApprovedOn), desc(courses.number))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(name);

/**
 * A word search ranks every match anyway, so one pass finds the page and counts the matches
 * (count(*) over the whole match, taken before the limit); the rest of the columns are read for the
 * page's rows only. Without words, the page comes off the first_approved_on index and a separate
 * count is cheaper.
 */
const rankedPageStatement = (f: CatalogFilter, name: string) => (db: Db) => {
  const matched = db.$with('matched').as(
    db
      .select({
        matchedId: sql<string>`${courses.id}`.as('matched_id'),
        rank: sql<number>`ts_rank(${courses.search}, ${query})`.as('rank'),
        approvedOn: sql<string>`${courses.firstApprovedOn}`.as('approved_on'),
        matchedNumber: sql<string>`${courses.number}`.as('matched_number'),
        total: sql<number>`count(*) over ()`.as('total'),
      })
      .from(courses)
      .innerJoin(providers, eq(providers.id, courses.providerId))
      .where(and(...conditions(f)))
      .orderBy(sql`rank desc`, desc(courses.firstApprovedOn), desc(courses.number))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
  );
  return db
    .with(matched)
    .select({ ...listColumns, total: matched.total })
    .from(matched)
    .innerJoin(courses, eq(courses.id, matched.matchedId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .orderBy(desc(matched.rank), desc(matched.approvedOn), desc(matched.matchedNumber))
    .prepare(name);
};

const countStatement = (f: CatalogFilter, name: string) => (db: Db) =>
  db
    .select({ n: count() })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(and(...conditions(f)))
    .prepare(name);

function params(f: CatalogFilter, today: CalendarDate): Record<string, unknown> {
  return {
    today,
    ...(f.q ? { q: f.q } : {}),
    ...(f.setId ? { setId: f.setId } : {}),
    ...(f.delivery ? { delivery: f.delivery } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.providerType ? { providerType: f.providerType } : {}),
    ...(f.providerId ? { providerId: f.providerId } : {}),
  };
}

const providerMatches = (db: Db) =>
  db
    .select({ id: providers.id })
    .from(providers)
    .where(sql`to_tsvector('english', ${providers.name}) @@ ${query}`)
    .prepare('catalog_provider_matches');

/** One page of catalog courses (relevance first when searching, else newest approval first) and the exact total. */
export async function searchCatalog(
  db: Queryable,
  f: CatalogFilter,
  today: CalendarDate,
  page: { limit: number; offset: number },
): Promise<{ rows: CatalogListRow[]; total: number }> {
  const mask = maskOf(f);
  // Providers whose name matches, found once for both statements (a few hundred names, no index).
  const providerIds = f.q
    ? (await prepared(db, 'catalog_provider_matches', providerMatches).execute({ q: f.q })).map((r) => r.id)
    : [];
  const values = { ...params(f, today), ...(f.q ? { providerIds } : {}) };
  const count = async () => {
    const statement = prepared(db, `catalog_count_${mask}`, countStatement(f, `catalog_count_${mask}`));
    const [row] = await statement.execute(values);
    return Number(row?.n ?? 0);
  };
  if (f.q) {
    const name = `catalog_ranked_${mask}`;
    const rows = await prepared(db, name, rankedPageStatement(f, name)).execute({ ...values, ...page });
    // Past the last page there is no row to carry the total.
    const total = rows[0] ? Number(rows[0].total) : await count();
    return { rows: rows.map(({ total: _, ...row }) => row) as CatalogListRow[], total };
  }
  const name = `catalog_page_${mask}`;
  const [rows, total] = await Promise.all([
    prepared(db, name, pageStatement(f, name)).execute({ ...values, ...page }),
    count(),
  ]);
  return { rows: rows as CatalogListRow[], total };
}

/** A course as its catalog page shows it: every column but the search vector, with its provider. */
export type CatalogCourseRow = Omit<typeof courses.$inferSelect, 'search'> & {
  providerName: string;
  providerType: ProviderType;
};

// The search vector is only for matching; reading it back would double the bytes of every row.
const { search: _search, ...courseColumns } = getTableColumns(courses);

const courseByNumber = (db: Db) =>
  db
    .select({ ...courseColumns, providerName: providers.name, providerType: providers.type })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.number, sql.placeholder('number')))
    .limit(1)
    .prepare('catalog_course_by_number');

export async function findCatalogCourse(
  db: Queryable,
  number: string,
): Promise<CatalogCourseRow | undefined> {
  const [row] = await prepared(db, 'catalog_course_by_number', courseByNumber).execute({ number });
  return row;
}

export type OfferingRow = typeof courseOfferings.$inferSelect;

const currentOfferings = (db: Db) =>
  db
    .select()
    .from(courseOfferings)
    .where(
      and(
        eq(courseOfferings.courseId, sql.placeholder('courseId')),
        sql`${courseOfferings.endsOn} >= ${sql.placeholder('today')}`,
      ),
    )
    .orderBy(asc(courseOfferings.startsOn), asc(courseOfferings.id))
    .limit(100)
    .prepare('catalog_current_offerings');

/** Sessions running or still to come (ending today or later), soonest first; the first 100. */
export async function listCurrentOfferings(
  db: Queryable,
  courseId: string,
  today: CalendarDate,
): Promise<OfferingRow[]> {
  return prepared(db, 'catalog_current_offerings', currentOfferings).execute({ courseId, today });
}

const bundleCourses = (db: Db) =>
  db
    .select({
      number: courses.number,
      title: courses.title,
      approvalEndsOn: courses.approvalEndsOn,
      bundleNumber: courseBundles.number,
      bundleTitle: courseBundles.title,
    })
    .from(courses)
    .innerJoin(courseBundles, eq(courseBundles.id, courses.bundleId))
    .where(eq(courses.bundleId, sql.placeholder('bundleId')))
    .orderBy(asc(courses.number))
    .prepare('catalog_bundle_courses');

/** Every course of a bundle (with the bundle's number and title), in number order. */
export async function listBundleCourses(db: Queryable, bundleId: string) {
  return prepared(db, 'catalog_bundle_courses', bundleCourses).execute({ bundleId });
}

export type ProviderRow = typeof providers.$inferSelect;

const providerById = (db: Db) =>
  db
    .select()
    .from(providers)
    .where(eq(providers.id, sql.placeholder('id')))
    .limit(1)
    .prepare('catalog_provider_by_id');

export async function findCatalogProvider(db: Queryable, id: string): Promise<ProviderRow | undefined> {
  const [row] = await prepared(db, 'catalog_provider_by_id', providerById).execute({ id });
  return row;
}

const latestChange = (db: Db) =>
  db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .prepare('catalog_latest_change');

/**
 * The number of the latest audit event. Every change to anything (a course approved, a session
 * added, a provider's profile edited) writes one, so a cached public page made under an older number
 * may be out of date. One backward step on the primary key.
 */
export async function latestChangeNumber(db: Queryable): Promise<number> {
  const [row] = await prepared(db, 'catalog_latest_change', latestChange).execute();
  return row?.seq ?? 0;
}
