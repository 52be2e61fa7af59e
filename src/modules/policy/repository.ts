import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { type Framework, frameworkSchema } from './framework.js';
import { deepFreeze, type ProgramPolicy, programPolicySchema } from './policy.js';
import { frameworkVersions, policyVersions } from './schema.js';

export interface PolicyVersion {
  id: string;
  version: string;
  policy: ProgramPolicy;
  activatedAt: Date | null;
}
export interface FrameworkVersion {
  id: string;
  code: string;
  title: string;
  framework: Framework;
  activatedAt: Date | null;
}

/*
 * Versions are immutable: a change to the policy or framework is a new row. So a parsed version is
 * cached by id for the life of the process (parsing the framework is the costly part of many pages),
 * while which version is active is read from the database every time, so activation is seen at once
 * by every process.
 */
const policyCache = new Map<string, PolicyVersion>();
const frameworkCache = new Map<string, FrameworkVersion>();

function toPolicyVersion(row: typeof policyVersions.$inferSelect): PolicyVersion {
  const cached = policyCache.get(row.id);
  if (cached) return cached;
  const version = deepFreeze({
    id: row.id,
    version: row.version,
    policy: programPolicySchema.parse(row.data),
    activatedAt: row.activatedAt,
  });
  policyCache.set(row.id, version);
  return version;
}

function toFrameworkVersion(row: typeof frameworkVersions.$inferSelect): FrameworkVersion {
  const cached = frameworkCache.get(row.id);
  if (cached) return cached;
  const version = deepFreeze({
    id: row.id,
    code: row.code,
    title: row.title,
    framework: frameworkSchema.parse(row.data),
    activatedAt: row.activatedAt,
  });
  frameworkCache.set(row.id, version);
  return version;
}

const activeIdsQuery = (db: Db) =>
  db
    .select({
      policyId: sql<
        string | null
      >`(select ${policyVersions.id} from ${policyVersions} where ${policyVersions.active})`,
      frameworkId: sql<
        string | null
      >`(select ${frameworkVersions.id} from ${frameworkVersions} where ${frameworkVersions.active})`,
    })
    .from(sql`(values (1)) as one`)
    .prepare('active_program_versions');

async function activeIds(db: Queryable): Promise<{ policyId: string | null; frameworkId: string | null }> {
  const [row] = await prepared(db as Db, 'active_program_versions', activeIdsQuery).execute();
  return { policyId: row?.policyId ?? null, frameworkId: row?.frameworkId ?? null };
}

export async function findPolicyById(db: Queryable, id: string): Promise<PolicyVersion | undefined> {
  const cached = policyCache.get(id);
  if (cached) return cached;
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id)).limit(1);
  return row && toPolicyVersion(row);
}

export async function findFrameworkById(db: Queryable, id: string): Promise<FrameworkVersion | undefined> {
  const cached = frameworkCache.get(id);
  if (cached) return cached;
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id)).limit(1);
  return row && toFrameworkVersion(row);
}

/** The active policy and framework in one round trip (the parsed versions come from the cache). */
export async function findActiveVersions(
  db: Queryable,
): Promise<{ policy: PolicyVersion | undefined; framework: FrameworkVersion | undefined }> {
  const { policyId, frameworkId } = await activeIds(db);
  // One after the other: `db` may be a transaction, one connection that runs one query at a time.
  const policy = policyId ? await findPolicyById(db, policyId) : undefined;
  const framework = frameworkId ? await findFrameworkById(db, frameworkId) : undefined;
  return { policy, framework };
}

export async function findActivePolicy(db: Queryable): Promise<PolicyVersion | undefined> {
  return (await findActiveVersions(db)).policy;
}

export async function findActiveFramework(db: Queryable): Promise<FrameworkVersion | undefined> {
  return (await findActiveVersions(db)).framework;
}

export async function insertPolicyVersion(
  tx: Queryable,
  v: { id: string; policy: ProgramPolicy; active: boolean; now: Date },
) {
  await tx.insert(policyVersions).values({
    id: v.id,
    version: v.policy.version,
    data: v.policy,
    active: v.active,
    createdAt: v.now,
    activatedAt: v.active ? v.now : null,
  });
}

export async function insertFrameworkVersion(
  tx: Queryable,
  v: { id: string; framework: Framework; active: boolean; now: Date },
) {
  await tx.insert(frameworkVersions).values({
    id: v.id,
    code: v.framework.framework.id,
    title: `${v.framework.framework.title} (${v.framework.framework.version})`,
    data: v.framework,
    active: v.active,
    createdAt: v.now,
    activatedAt: v.active ? v.now : null,
  });
}
