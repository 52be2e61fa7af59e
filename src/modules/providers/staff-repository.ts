import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { type ProviderType, providerMembers, providers } from './schema.js';

export interface ProviderFilter {
  /** Lower-cased; the name must start with it. */
  namePrefix: string | null;
  type: ProviderType | null;
  region: string | null;
}

export interface StaffProviderRow {
  id: string;
  name: string;
  type: ProviderType;
  country: string;
  region: string;
  city: string;
  members: number;
}

/** Totals are exact up to this many, then "more than" (same reasoning as the application queue). */
export const PROVIDER_COUNT_CAP = 1_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Each condition is shaped for an index: type, region, and lower(name) text_pattern_ops for the prefix.
function where(f: ProviderFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.namePrefix) conditions.push(sql`lower(${providers.name}) like ${`${escapeLike(f.namePrefix)}%`}`);
  if (f.type) conditions.push(eq(providers.type, f.type));
  if (f.region) conditions.push(eq(providers.region, f.region));
  return conditions.length ? and(...conditions) : undefined;
}

/** One page of providers by name, with each one's member count, and the (capped) total. */
export async function listProvidersPage(
  db: Queryable,
  filter: ProviderFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: StaffProviderRow[]; total: number; totalExact: boolean }> {
  const w = where(filter);
  const memberCount = db
    .select({ n: count() })
    .from(providerMembers)
    .where(eq(providerMembers.providerId, providers.id));
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: providers.id,
        name: providers.name,
        type: providers.type,
        country: providers.country,
        region: providers.region,
        city: providers.city,
        members: sql<number>`(${memberCount})`.mapWith(Number),
      })
      .from(providers)
      .where(w)
      .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1`.as('one') })
        .from(providers)
        .where(w)
        .limit(PROVIDER_COUNT_CAP + 1)
        .as('capped'),
    ),
  ]);
  const n = Number(totalRow?.n ?? 0);
  return { rows, total: Math.min(n, PROVIDER_COUNT_CAP), totalExact: n <= PROVIDER_COUNT_CAP };
}
