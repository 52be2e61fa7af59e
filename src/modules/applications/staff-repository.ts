import { and, asc, count, eq, gte, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { addDays, type CalendarDate } from '../../lib/calendar-date.js';
import { auditEvents } from '../../platform/audit/schema.js';
import type { Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { users } from '../accounts/schema.js';
import { type ApplicationStatus, applications } from './schema.js';

/**
 * Queries behind the staff screens. Every list is one query for the page plus one count with the
 * same filter, never a query per row, and each condition is shaped to use an index on
 * applications (status/submitted_at/id, region/submitted_at, number, lower(name) prefix).
 */

export interface QueueFilter {
  /** Empty means every submitted application (drafts are never in the queue). */
  statuses: ApplicationStatus[];
  submittedFrom: CalendarDate | null;
  submittedTo: CalendarDate | null;
  region: string | null;
  /** An exact application number, already normalised (LSSC-2026-000123). */
  number: string | null;
  /** Lower-cased words; each must start the given or family name. */
  nameWords: string[];
}

export interface QueueRow {
  id: string;
  number: string | null;
  status: ApplicationStatus;
  givenName: string | null;
  familyName: string | null;
  region: string | null;
  country: string | null;
  submittedAt: Date | null;
  submittedOn: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function queueWhere(f: QueueFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [isNotNull(applications.submittedAt)];
  if (f.statuses.length > 0) conditions.push(inArray(applications.status, f.statuses));
  // submitted_on is the program's calendar day; the looser bound on submitted_at (a day either side
  // covers any time zone) lets the ordered index narrow the scan, and submitted_on makes it exact.
  if (f.submittedFrom) {
    conditions.push(gte(applications.submittedOn, f.submittedFrom));
    conditions.push(gte(applications.submittedAt, new Date(`${addDays(f.submittedFrom, -1)}T00:00:00Z`)));
  }
  if (f.submittedTo) {
    conditions.push(lte(applications.submittedOn, f.submittedTo));
    conditions.push(lt(applications.submittedAt, new Date(`${addDays(f.submittedTo, 2)}T00:00:00Z`)));
  }
  if (f.region) conditions.push(eq(applications.region, f.region));
  if (f.number) conditions.push(eq(applications.number, f.number));
  for (const word of f.nameWords) {
    const pattern = `${escapeLike(word)}%`;
    conditions.push(
      or(
        sql`lower(${applications.familyName}) like ${pattern}`,
        sql`lower(${applications.givenName}) like ${pattern}`,
      ),
    );
  }
  return and(...conditions);
}

/**
 * Totals are exact up to this many; beyond it the count stops ("more than 1,000"), so a broad
 * filter over a large program costs a bounded index scan instead of counting every row.
 */
export const QUEUE_COUNT_CAP = 1_000;

/** One page of the queue, oldest submitted first, and the total with the same filter (capped). */
export async function listQueue(
  db: Queryable,
  filter: QueueFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: QueueRow[]; total: number; totalExact: boolean }> {
  const where = queueWhere(filter);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: applications.id,
        number: applications.number,
        status: applications.status,
        givenName: applications.givenName,
        familyName: applications.familyName,
        region: applications.region,
        country: applications.country,
        submittedAt: applications.submittedAt,
        submittedOn: applications.submittedOn,
      })
      .from(applications)
      .where(where)
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1`.as('one') })
        .from(applications)
        .where(where)
        .limit(QUEUE_COUNT_CAP + 1)
        .as('capped'),
    ),
  ]);
  const n = Number(totalRow?.n ?? 0);
  return { rows, total: Math.min(n, QUEUE_COUNT_CAP), totalExact: n <= QUEUE_COUNT_CAP };
}

/** How many applications are in each status (drafts included: staff see how many are under way). */
export async function countApplicationsByStatus(
  db: Queryable,
): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .groupBy(applications.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export type StaffApplicationRow = typeof applications.$inferSelect & {
  candidateEmail: string;
  candidateName: string;
};

/** The application with the candidate's account email and name, in one query. */
export async function findApplicationWithCandidate(
  db: Queryable,
  id: string,
): Promise<StaffApplicationRow | undefined> {
  const [row] = await prepared(db, 'application_with_candidate', (d) =>
    d
      .select({ application: applications, candidateEmail: users.email, candidateName: users.displayName })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.candidateId))
      .where(eq(applications.id, sql.placeholder('id')))
      .limit(1)
      .prepare('application_with_candidate'),
  ).execute({ id });
  return row && { ...row.application, candidateEmail: row.candidateEmail, candidateName: row.candidateName };
}

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The audit trail of one application, oldest first: its own events, plus those of its fee (payments
 * are audited on the fee) when it has one. Capped: a trail longer than this is read in the audit tool.
 */
export async function listApplicationAudit(
  db: Queryable,
  applicationId: string,
  feeId: string | null,
  limit = 200,
): Promise<AuditRow[]> {
  // One statement for both cases: without a fee, no event has the empty subject id.
  return prepared(db, 'application_audit', (d) =>
    d
      .select()
      .from(auditEvents)
      .where(
        or(
          and(
            eq(auditEvents.subjectType, 'application'),
            eq(auditEvents.subjectId, sql.placeholder('applicationId')),
          ),
          and(eq(auditEvents.subjectType, 'fee'), eq(auditEvents.subjectId, sql.placeholder('feeId'))),
        ),
      )
      .orderBy(asc(auditEvents.seq))
      .limit(sql.placeholder('limit'))
      .prepare('application_audit'),
  ).execute({ applicationId, feeId: feeId ?? '', limit });
}
