import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/client.js';
import { users } from '../../accounts/schema.js';
import { applications } from '../../applications/schema.js';
import { type CertificationStatus, certifications } from '../schema.js';
import {
  type CertificationStatusRequestRow,
  certificationStatusRequests as requests,
  type StatusRequestState,
} from './schema.js';

export type CertificationRow = typeof certifications.$inferSelect;

/** The certification, locked for this transaction: requests and decisions on it run one at a time. */
export async function lockCertification(tx: Queryable, id: string): Promise<CertificationRow | undefined> {
  const [row] = await tx
    .select()
    .from(certifications)
    .where(eq(certifications.id, id))
    .for('update')
    .limit(1);
  return row;
}

export async function setCertificationStatus(
  tx: Queryable,
  id: string,
  status: CertificationStatus,
  now: Date,
): Promise<void> {
  await tx.update(certifications).set({ status, updatedAt: now }).where(eq(certifications.id, id));
}

export async function findPendingRequestFor(
  db: Queryable,
  certificationId: string,
): Promise<CertificationStatusRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.certificationId, certificationId), eq(requests.state, 'pending')))
    .limit(1);
  return row;
}

export async function insertStatusRequest(
  tx: Queryable,
  row: typeof requests.$inferInsert,
): Promise<CertificationStatusRequestRow> {
  const [made] = await tx.insert(requests).values(row).returning();
  return made!;
}

/** The request, locked: two staff members deciding at once are served one after the other. */
export async function lockStatusRequest(
  tx: Queryable,
  id: string,
): Promise<CertificationStatusRequestRow | undefined> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).for('update').limit(1);
  return row;
}

/** Close a pending request; undefined when it was no longer pending (someone else decided first). */
export async function closeStatusRequest(
  tx: Queryable,
  id: string,
  change: {
    state: Exclude<StatusRequestState, 'pending'>;
    decidedBy: string;
    decidedAt: Date;
    effectiveOn?: string | null;
    decisionNote?: string | null;
  },
): Promise<CertificationStatusRequestRow | undefined> {
  const [row] = await tx
    .update(requests)
    .set(change)
    .where(and(eq(requests.id, id), eq(requests.state, 'pending')))
    .returning();
  return row;
}

/** The status the certification had before its newest approved suspension (what reinstating restores). */
export async function statusBeforeLastSuspension(
  db: Queryable,
  certificationId: string,
): Promise<CertificationStatus | undefined> {
  const [row] = await db
    .select({ statusBefore: requests.statusBefore })
    .from(requests)
    .where(
      and(
        eq(requests.certificationId, certificationId),
        eq(requests.action, 'suspend'),
        eq(requests.state, 'approved'),
      ),
    )
    .orderBy(desc(requests.decidedAt), desc(requests.id))
    .limit(1);
  return row?.statusBefore;
}

/** The newest approved change of a certification (why it is suspended or revoked now). */
export async function latestApprovedChange(
  db: Queryable,
  certificationId: string,
): Promise<CertificationStatusRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.certificationId, certificationId), eq(requests.state, 'approved')))
    .orderBy(desc(requests.decidedAt), desc(requests.id))
    .limit(1);
  return row;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/** What staff see of a request: who asked and decided, whose certification. */
const listed = {
  request: requests,
  number: certifications.number,
  applicationId: certifications.applicationId,
  givenName: applications.givenName,
  familyName: applications.familyName,
  requesterName: requester.displayName,
  deciderName: decider.displayName,
};

function listedQuery(db: Queryable) {
  return db
    .select(listed)
    .from(requests)
    .innerJoin(certifications, eq(certifications.id, requests.certificationId))
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .innerJoin(requester, eq(requester.id, requests.requestedBy))
    .leftJoin(decider, eq(decider.id, requests.decidedBy));
}

export type ListedStatusRequest = NonNullable<Awaited<ReturnType<typeof findListedRequest>>>;

export async function findListedRequest(db: Queryable, id: string) {
  const [row] = await listedQuery(db).where(eq(requests.id, id)).limit(1);
  return row;
}

/** Pending requests, oldest first, through certification_status_requests_pending_idx. */
export async function listPendingRequests(db: Queryable, page: { limit: number; offset: number }) {
  // One after the other: `db` may be a transaction, one connection that runs one query at a time.
  const rows = await listedQuery(db)
    .where(eq(requests.state, 'pending'))
    .orderBy(asc(requests.requestedAt), asc(requests.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(requests).where(sql`${requests.state} = 'pending'`);
  return { rows, total: total?.n ?? 0 };
}

/** Every request about one certification, newest first (the staff certification page). */
export async function listRequestsFor(db: Queryable, certificationId: string) {
  return listedQuery(db)
    .where(eq(requests.certificationId, certificationId))
    .orderBy(desc(requests.requestedAt), desc(requests.id));
}
