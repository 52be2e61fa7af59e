import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { applications } from '../applications/schema.js';
import { policyVersions } from '../policy/schema.js';
import { certifications } from './schema.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface RegistryFilter {
  name?: string | undefined;
  state?: string | undefined;
  today: CalendarDate;
  /** The active policy's grace: for holders admitted before policies were pinned (as verification does). */
  graceMonths: number;
  page: number;
  pageSize: number;
}

/**
 * The renewal grace of the policy the holder was admitted under, read in SQL from the pinned policy
 * (one primary-key row per holder), so the registry lists exactly whom verification calls in good
 * standing even after a new policy changes the grace.
 */
const pinnedGraceMonths = (fallback: number) =>
  sql<number>`coalesce((${policyVersions.data} -> 'renewal' ->> 'graceMonths')::int, ${fallback}::int)`;

/**
 * Listed holders in good standing: active until the end of the renewal grace, provisional until
 * the end date (the same edges as rules/standing.ts). Starts from the partial index
 * certifications_registry_idx; the name prefix matches lower(given or family name).
 */
function registryWhere(f: RegistryFilter): SQL | undefined {
  const graceEnd = sql`(${certifications.expiresOn} + make_interval(months => ${pinnedGraceMonths(f.graceMonths)}))::date`;
  const conditions: Array<SQL | undefined> = [
    eq(certifications.inRegistry, true),
    inArray(certifications.status, ['active', 'provisional']),
    or(
      and(eq(certifications.status, 'active'), sql`${graceEnd} >= ${f.today}::date`),
      and(eq(certifications.status, 'provisional'), sql`${certifications.expiresOn} >= ${f.today}::date`),
    ),
  ];
  if (f.name) {
    const pattern = `${escapeLike(f.name.toLowerCase())}%`;
    conditions.push(
      or(
        sql`lower(${applications.givenName}) like ${pattern}`,
        sql`lower(${applications.familyName}) like ${pattern}`,
      ),
    );
  }
  if (f.state) conditions.push(eq(applications.region, f.state));
  return and(...conditions);
}

export async function searchRegistry(db: Queryable, f: RegistryFilter) {
  const where = registryWhere(f);
  // One after the other: `db` may be a transaction, one connection that runs one query at a time.
  const rows = await db
    .select({
      number: certifications.number,
      status: certifications.status,
      expiresOn: certifications.expiresOn,
      givenName: applications.givenName,
      familyName: applications.familyName,
      region: applications.region,
      graceMonths: pinnedGraceMonths(f.graceMonths),
    })
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .leftJoin(policyVersions, eq(policyVersions.id, applications.policyVersionId))
    .where(where)
    .orderBy(
      asc(sql`lower(${applications.familyName})`),
      asc(sql`lower(${applications.givenName})`),
      asc(certifications.number),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .leftJoin(policyVersions, eq(policyVersions.id, applications.policyVersionId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The holder's most recent certification, with what the registry would show (certifications_candidate_idx). */
export async function findOwnCertification(db: Queryable, candidateId: string) {
  const [row] = await db
    .select({
      id: certifications.id,
      number: certifications.number,
      status: certifications.status,
      expiresOn: certifications.expiresOn,
      inRegistry: certifications.inRegistry,
      givenName: applications.givenName,
      familyName: applications.familyName,
      region: applications.region,
      policyVersionId: applications.policyVersionId,
    })
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .where(eq(certifications.candidateId, candidateId))
    .orderBy(desc(certifications.certifiedOn), desc(certifications.createdAt))
    .limit(1);
  return row;
}

export async function setRegistryListing(db: Queryable, id: string, listed: boolean, now: Date) {
  await db
    .update(certifications)
    .set({ inRegistry: listed, updatedAt: now })
    .where(eq(certifications.id, id));
}
