import type { Ctx, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { requireRole } from '../accounts/access.js';
import type { Framework } from '../policy/framework.js';
import type { ProgramPolicy } from '../policy/policy.js';
import { findActiveVersions } from '../policy/repository.js';

/** Colleges, programs and agreements are program staff's work (admins too). */
export const requireStaff = (ctx: Ctx): UserActor => requireRole(ctx.actor, 'staff', 'admin');

/** A malformed id is a page that does not exist, not a database error. */
export function checkId(id: string, what: string): void {
  if (!UUID_PATTERN.test(id)) throw notFound(what);
}

export interface ActiveRules {
  policy: ProgramPolicy;
  framework: Framework;
  frameworkVersionId: string;
}

/** Courses are mapped to the sets of the framework in force, and coverage follows the policy in force. */
export async function activeRules(db: Queryable): Promise<ActiveRules> {
  const active = await findActiveVersions(db);
  if (!active.policy || !active.framework)
    throw new DomainError('INVALID_STATE', 'The program has no active policy or framework yet.');
  return {
    policy: active.policy.policy,
    framework: active.framework.framework,
    frameworkVersionId: active.framework.id,
  };
}

/** An AGR-YYYY-NNNNNN reference, numbered per year like the program's other references. */
export const formatAgreementReference = (year: number, seq: number) =>
  `AGR-${year}-${String(seq).padStart(6, '0')}`;
