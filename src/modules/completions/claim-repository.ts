import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications } from '../applications/schema.js';
import { courseApplications, courses } from '../courses/schema.js';
import { providers } from '../providers/schema.js';
import type { CompletionRow } from './credit-repository.js';
import { courseCompletions } from './schema.js';

export type { CompletionRow };

/** What every claim page and list shows besides the completion itself. */
export interface ClaimDetail {
  completion: CompletionRow;
  course: {
    id: string;
    number: string;
    title: string;
    setId: string;
    bundleId: string | null;
    frameworkVersionId: string;
    providerId: string;
    approvalEndsOn: string;
  };
  providerName: string;
  candidate: { id: string; displayName: string; email: string; applicationNumber: string | null };
}

// The candidate's current application number: the newest that is not rejected.
const applicationNumber = sql<string | null>`(select ${applications.number} from ${applications}
  where ${applications.candidateId} = ${courseCompletions.candidateId} and ${applications.status} <> 'rejected'
  order by ${applications.createdAt} desc, ${applications.id} desc limit 1)`;

const detailColumns = {
  completion: courseCompletions,
  course: {
    id: courses.id,
    number: courses.number,
    title: courses.title,
    setId: courses.setId,
    bundleId: courses.bundleId,
    frameworkVersionId: courses.frameworkVersionId,
    providerId: courses.providerId,
    approvalEndsOn: courses.approvalEndsOn,
  },
  providerName: providers.name,
  candidate: {
    id: users.id,
    displayName: users.displayName,
    email: users.email,
    applicationNumber,
  },
};

function detailQuery(db: Queryable) {
  return db
    .select(detailColumns)
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .innerJoin(users, eq(users.id, courseCompletions.candidateId));
}

export async function findClaim(db: Queryable, id: string): Promise<ClaimDetail | undefined> {
  const [row] = await detailQuery(db)
    .where(and(eq(courseCompletions.id, id), eq(courseCompletions.source, 'claim')))
    .limit(1);
  return row;
}

export async function insertClaim(
  tx: Queryable,
  row: typeof courseCompletions.$inferInsert,
): Promise<CompletionRow> {
  const [inserted] = await tx.insert(courseCompletions).values(row).returning();
  return inserted!;
}

/** A completion of this course on this day that still stands (pending or confirmed), if any. */
export async function findStandingCompletion(
  db: Queryable,
  key: { courseId: string; candidateId: string; completedOn: string },
): Promise<Pick<CompletionRow, 'id' | 'status' | 'source'> | undefined> {
  const [row] = await db
    .select({ id: courseCompletions.id, status: courseCompletions.status, source: courseCompletions.source })
    .from(courseCompletions)
    .where(
      and(
        eq(courseCompletions.courseId, key.courseId),
        eq(courseCompletions.candidateId, key.candidateId),
        eq(courseCompletions.completedOn, key.completedOn),
        ne(courseCompletions.status, 'rejected'),
      ),
    )
    .limit(1);
  return row;
}

/** Whether a course application carries this number (it exists, but was never approved). */
export async function courseApplicationNumberExists(db: Queryable, number: string): Promise<boolean> {
  const [row] = await db
    .select({ id: courseApplications.id })
    .from(courseApplications)
    .where(eq(courseApplications.number, number))
    .limit(1);
  return row !== undefined;
}

/**
 * Decide a claim only while it is pending: the conditional update is the gate, so of two people
 * deciding at once one changes the row and the other finds nothing to change (and is told so).
 */
export async function decidePendingClaim(
  tx: Queryable,
  id: string,
  patch: {
    status: 'confirmed' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    decisionNote: string | null;
  },
): Promise<CompletionRow | undefined> {
  const [row] = await tx
    .update(courseCompletions)
    .set(patch)
    .where(
      and(
        eq(courseCompletions.id, id),
        eq(courseCompletions.source, 'claim'),
        eq(courseCompletions.status, 'pending'),
      ),
    )
    .returning();
  return row;
}

/** Withdrawing removes the candidate's own pending claim; a decided one stays. */
export async function deletePendingClaim(
  tx: Queryable,
  id: string,
  candidateId: string,
): Promise<CompletionRow | undefined> {
  const [row] = await tx
    .delete(courseCompletions)
    .where(
      and(
        eq(courseCompletions.id, id),
        eq(courseCompletions.candidateId, candidateId),
        eq(courseCompletions.source, 'claim'),
        eq(courseCompletions.status, 'pending'),
      ),
    )
    .returning();
  return row;
}

/** Pending claims, oldest first, optionally only for courses of the given providers. */
export async function listPendingClaims(
  db: Queryable,
  filter: { providerIds?: readonly string[]; notByCandidate?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: ClaimDetail[]; total: number }> {
  if (filter.providerIds?.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [eq(courseCompletions.source, 'claim'), eq(courseCompletions.status, 'pending')];
  if (filter.providerIds) conditions.push(inArray(courses.providerId, [...filter.providerIds]));
  // A member who is also a candidate does not see (or decide) their own claims.
  if (filter.notByCandidate) conditions.push(ne(courseCompletions.candidateId, filter.notByCandidate));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    detailQuery(db)
      .where(where)
      .orderBy(asc(courseCompletions.createdAt), asc(courseCompletions.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(courseCompletions)
      .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Providers that have claims waiting, for the staff filter, by name. */
export async function listProvidersWithPendingClaims(
  db: Queryable,
): Promise<Array<{ id: string; name: string; pending: number }>> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, pending: count() })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(and(eq(courseCompletions.source, 'claim'), eq(courseCompletions.status, 'pending')))
    .groupBy(providers.id, providers.name)
    .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id));
  return rows.map((r) => ({ ...r, pending: Number(r.pending) }));
}

export interface CandidateCompletion {
  completion: CompletionRow;
  courseNumber: string;
  courseTitle: string;
  providerName: string;
}

/** Every completion of a candidate (rosters and claims), newest completion first. */
export async function listCompletionsOfCandidate(
  db: Queryable,
  candidateId: string,
): Promise<CandidateCompletion[]> {
  return db
    .select({
      completion: courseCompletions,
      courseNumber: courses.number,
      courseTitle: courses.title,
      providerName: providers.name,
    })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courseCompletions.candidateId, candidateId))
    .orderBy(
      desc(courseCompletions.completedOn),
      desc(courseCompletions.createdAt),
      desc(courseCompletions.id),
    )
    .limit(500);
}
