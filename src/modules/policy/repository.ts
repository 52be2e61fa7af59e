import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { type Framework, frameworkSchema } from './framework.js';
import { type ProgramPolicy, programPolicySchema } from './policy.js';
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

export async function findActivePolicy(db: Queryable): Promise<PolicyVersion | undefined> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.active, true)).limit(1);
  return (
    row && {
      id: row.id,
      version: row.version,
      policy: programPolicySchema.parse(row.data),
      activatedAt: row.activatedAt,
    }
  );
}

export async function findPolicyById(db: Queryable, id: string): Promise<PolicyVersion | undefined> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id)).limit(1);
  return (
    row && {
      id: row.id,
      version: row.version,
      policy: programPolicySchema.parse(row.data),
      activatedAt: row.activatedAt,
    }
  );
}

export async function findActiveFramework(db: Queryable): Promise<FrameworkVersion | undefined> {
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.active, true)).limit(1);
  return (
    row && {
      id: row.id,
      code: row.code,
      title: row.title,
      framework: frameworkSchema.parse(row.data),
      activatedAt: row.activatedAt,
    }
  );
}

export async function findFrameworkById(db: Queryable, id: string): Promise<FrameworkVersion | undefined> {
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id)).limit(1);
  return (
    row && {
      id: row.id,
      code: row.code,
      title: row.title,
      framework: frameworkSchema.parse(row.data),
      activatedAt: row.activatedAt,
    }
  );
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
